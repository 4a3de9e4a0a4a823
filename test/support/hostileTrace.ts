/**
 * An OTLP JSON document whose every text field is hostile: markup, script, event handlers, `javascript:` URLs,
 * template syntax, CSS breakouts and bidi overrides. Each payload that could run sets `window.__tsPwned`, so a test
 * can prove nothing ran. Built at test time; two traces, so that search results render the strings too.
 */
export const hostilePayloads = [
  '<img src=x onerror="window.__tsPwned=1">',
  '<script>window.__tsPwned=2</script>',
  '"><svg onload="window.__tsPwned=3"><circle r=9></circle></svg>',
  'javascript:window.__tsPwned=4',
  '</style><style>body{display:none}</style>',
  "{{constructor.constructor('window.__tsPwned=6')()}}",
  '<iframe srcdoc="<script>parent.__tsPwned=7</script>"></iframe>',
  '<a href="javascript:window.__tsPwned=8">click me</a>',
  '\u202Egnp.exe <b onmouseover="window.__tsPwned=9">bold</b>',
] as const;

const text = (value: string): { stringValue: string } => ({ stringValue: value });

function hostileAttributes(offset: number): { key: string; value: { stringValue: string } }[] {
  return hostilePayloads.map((payload, i) => ({ key: `${hostilePayloads[(i + offset) % hostilePayloads.length] ?? ''}.key${i}`, value: text(payload) }));
}

export function hostileOtlpDocument(startMs: number): string {
  const traceIds = ['5b8efff798038103d269b633813fc60c', '5b8efff798038103d269b633813fc60d'];
  const resourceSpans = traceIds.map((traceId, t) => ({
    resource: { attributes: [{ key: 'service.name', value: text(hostilePayloads[t] ?? '') }, ...hostileAttributes(t)] },
    scopeSpans: [
      {
        scope: { name: hostilePayloads[2] },
        spans: hostilePayloads.map((payload, i) => ({
          traceId,
          spanId: `eee19b7ec3c1b1${String(i).padStart(2, '0')}`,
          ...(i === 0 ? {} : { parentSpanId: 'eee19b7ec3c1b100' }),
          name: payload,
          kind: i === 0 ? 2 : 3,
          startTimeUnixNano: String((startMs + i) * 1e6),
          endTimeUnixNano: String((startMs + 50 + i) * 1e6),
          attributes: hostileAttributes(i + 3),
          events: [{ timeUnixNano: String((startMs + i + 1) * 1e6), name: payload, attributes: hostileAttributes(i + 5) }],
          links: [{ traceId: traceIds[1 - t], spanId: 'eee19b7ec3c1b100', attributes: hostileAttributes(i) }],
          status: { code: 2, message: payload },
        })),
      },
    ],
  }));
  return JSON.stringify({ resourceSpans });
}
