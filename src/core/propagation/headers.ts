/**
 * Trace header names and what makes a forwarded set complete. The default list is the set Istio's documentation
 * asks applications to forward: W3C trace context, B3 (multi and single header), Envoy's request id and the
 * Lightstep context header.
 */
export const defaultTraceHeaders: readonly string[] = [
  'traceparent',
  'tracestate',
  'x-request-id',
  'x-b3-traceid',
  'x-b3-spanid',
  'x-b3-parentspanid',
  'x-b3-sampled',
  'x-b3-flags',
  'b3',
  'x-ot-span-context',
];

/** Other context headers that tell a hand-written list is about tracing, even if they are not configured. */
const otherContextHeaders = [
  'baggage',
  'x-cloud-trace-context',
  'grpc-trace-bin',
  'uber-trace-id',
  'sw8',
  'x-datadog-trace-id',
  'x-datadog-parent-id',
  'x-datadog-sampling-priority',
];

/** A set of headers that, forwarded together, continue the trace. */
interface CompleteSet {
  readonly format: string;
  readonly headers: readonly string[];
}

const completeSets: readonly CompleteSet[] = [
  { format: 'W3C', headers: ['traceparent'] },
  { format: 'B3 multi-header', headers: ['x-b3-traceid', 'x-b3-spanid'] },
  { format: 'B3 single-header', headers: ['b3'] },
];

/** Lower-cased names of every header that counts as trace context, given the configured list. */
export function traceHeaderNames(configured: readonly string[]): ReadonlySet<string> {
  return new Set([...configured, ...defaultTraceHeaders, ...otherContextHeaders].map((name) => name.toLowerCase()));
}

/** True when the forwarded headers contain at least one complete set. */
export function isCompleteSet(forwarded: ReadonlySet<string>): boolean {
  return completeSets.some((set) => set.headers.every((header) => forwarded.has(header)));
}

/** What to add for a complete set, as a phrase: "traceparent (W3C) or x-b3-traceid and x-b3-spanid (B3 multi-header) …". */
export function describeMissingSets(forwarded: ReadonlySet<string>): string {
  return completeSets
    .map((set) => {
      const missing = set.headers.filter((header) => !forwarded.has(header));
      return `${missing.join(' and ')} (${set.format})`;
    })
    .join(' or ');
}

/** Recognises header names written in any case, and prefixes such as `x-b3-` used to filter headers. */
export function headerNamesIn(literal: string, known: ReadonlySet<string>): readonly string[] {
  const name = literal.trim().toLowerCase();
  if (known.has(name)) return [name];
  if (name.length >= 4 && name.endsWith('-') && [...known].some((header) => header.startsWith(name))) {
    return [...known].filter((header) => header.startsWith(name));
  }
  return [];
}
