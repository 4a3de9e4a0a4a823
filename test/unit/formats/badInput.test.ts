import * as assert from 'node:assert/strict';
import { parseTraces } from '../../../src/core/formats/parseTraces';
import { readFixture } from '../../support/traceFixtures';

const otlpSpan = (spanId: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  traceId: '5b8efff798038103d269b633813fc60c',
  spanId,
  name: `span ${spanId}`,
  startTimeUnixNano: '1544712660000000000',
  endTimeUnixNano: '1544712660500000000',
  ...extra,
});

describe('Bad input gets a clear message and loses nothing valid', () => {
  it('names the file, line and column of invalid JSON', () => {
    const result = parseTraces('{\n  "resourceSpans": [\n    {"resource": }\n  ]\n}', 'broken.json');
    assert.equal(result.traces.length, 0);
    assert.equal(result.skipped.length, 1);
    assert.equal(result.skipped[0]?.source, 'broken.json');
    assert.match(result.skipped[0].reason, /^not valid JSON at line 3 column \d+: /);
  });

  it('says a truncated file ends early', () => {
    const text = readFixture('zipkin/ascend.json');
    const result = parseTraces(text.slice(0, text.length / 2), 'cut.json');
    assert.equal(result.traces.length, 0);
    assert.match(result.skipped[0]?.reason ?? '', /not valid JSON at line \d+ column \d+: .*truncated/);
  });

  it('recognises an HTML page (a login proxy) for what it is', () => {
    const result = parseTraces('<!doctype html><html><body>Sign in</body></html>', 'traces.json');
    assert.match(result.skipped[0]?.reason ?? '', /looks like HTML/);
  });

  it('reports empty files and documents of no known format with what was expected', () => {
    assert.match(parseTraces('  \n', 'empty.json').skipped[0]?.reason ?? '', /empty/);
    const unknown = parseTraces('{"hello": "world"}', 'other.json');
    assert.match(unknown.skipped[0]?.reason ?? '', /not a trace document: found an object with keys hello; expected Jaeger JSON .* OTLP JSON .* Zipkin v2/);
    assert.match(parseTraces('[1, 2, 3]', 'numbers.json').skipped[0]?.reason ?? '', /an array of number 1/);
    assert.match(parseTraces('[]', 'none.json').skipped[0]?.reason ?? '', /empty array/);
    assert.match(parseTraces('42', 'number.json').skipped[0]?.reason ?? '', /not a trace document: found number 42/);
  });

  it('keeps the valid spans of a partly valid file and lists each skipped one with where and why', () => {
    const document = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] },
          scopeSpans: [
            {
              spans: [
                otlpSpan('eee19b7ec3c1b174'),
                otlpSpan('not-an-id'),
                { ...otlpSpan('eee19b7ec3c1b175'), traceId: '00000000000000000000000000000000' },
                'garbage',
                otlpSpan('eee19b7ec3c1b176', { parentSpanId: 'eee19b7ec3c1b174' }),
              ],
            },
          ],
        },
        42,
      ],
    };
    const result = parseTraces(JSON.stringify(document), 'partial.json');
    assert.deepEqual(
      result.traces.flatMap((trace) => trace.spans.map((span) => span.spanId)),
      ['eee19b7ec3c1b174', 'eee19b7ec3c1b176'],
    );
    assert.deepEqual(
      result.skipped.map((item) => `${item.source}: ${item.reason}`),
      [
        'partial.json: resourceSpans[0].scopeSpans[0].spans[1]: spanId "not-an-id" is not a hex or base64 id of the right length',
        'partial.json: resourceSpans[0].scopeSpans[0].spans[2]: traceId "00000000000000000000000000000000" is all zeros (invalid)',
        'partial.json: resourceSpans[0].scopeSpans[0].spans[3]: expected a Span object, found "garbage"',
        'partial.json: resourceSpans[1]: expected a ResourceSpans object, found number 42',
      ],
    );
  });

  it('skips only the bad lines of a JSON Lines file', () => {
    const line = (spanId: string): string => JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [otlpSpan(spanId)] }] }] });
    const text = [line('eee19b7ec3c1b174'), '{"resourceSpans": [', line('eee19b7ec3c1b175'), '', '{"unrelated": true}'].join('\n');
    const result = parseTraces(text, 'collector.jsonl');
    assert.equal(result.traces[0]?.spans.length, 2);
    assert.equal(result.skipped.length, 2);
    assert.match(result.skipped[0]?.reason ?? '', /^line 2: not valid JSON/);
    assert.match(result.skipped[1]?.reason ?? '', /^line 5: not a trace document/);
  });

  it('reports a Jaeger API v3 error response and a query envelope error', () => {
    const apiError = parseTraces('{"error":{"httpCode":404,"message":"No traces found"}}', 'v3.json');
    assert.equal(apiError.traces.length, 0);
    assert.match(apiError.skipped[0]?.reason ?? '', /API error, not traces: No traces found \(HTTP 404\)/);
    const envelope = parseTraces('{"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":404,"msg":"trace not found"}]}', 'v1.json');
    assert.match(envelope.skipped[0]?.reason ?? '', /errors\[0\]: Jaeger reported an error: trace not found \(code 404\)/);
  });

  it('notes unreadable times and parents on the span instead of dropping it', () => {
    const document = { resourceSpans: [{ scopeSpans: [{ spans: [otlpSpan('eee19b7ec3c1b174', { endTimeUnixNano: '1', parentSpanId: 'xyz' })] }] }] };
    const [span] = parseTraces(JSON.stringify(document), 'odd.json').traces[0]?.spans ?? [];
    assert.equal(span?.durationNs, 0);
    assert.equal(span.parentSpanId, undefined);
    assert.deepEqual(span.warnings, ['parentSpanId "xyz" is not a hex or base64 id of the right length; shown as a root', 'ends before it starts; duration set to 0']);
  });

  it('ignores a hostile "__proto__" attribute key instead of changing the object’s prototype', () => {
    const document = { resourceSpans: [{ scopeSpans: [{ spans: [otlpSpan('eee19b7ec3c1b174', { attributes: [{ key: '__proto__', value: { stringValue: 'x' } }] })] }] }] };
    const [span] = parseTraces(JSON.stringify(document), 'hostile.json').traces[0]?.spans ?? [];
    assert.equal(Object.getPrototypeOf(span?.attributes), Object.prototype);
    assert.deepEqual(Object.entries(span?.attributes ?? {}), [['__proto__', 'x']]);
  });
});

describe('Legacy and alternative OTLP JSON shapes', () => {
  it('reads instrumentationLibrarySpans, base64 ids, enum-name kinds and status codes', () => {
    const legacy = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'legacy' } }] },
          instrumentationLibrarySpans: [
            {
              instrumentationLibrary: { name: 'old-lib', version: '0.9' },
              spans: [
                {
                  traceId: 'W47/95gDgQPSabYzgT/GDA==',
                  spanId: '7uGbfsPBsXQ=',
                  name: 'legacy span',
                  kind: 'SPAN_KIND_CLIENT',
                  startTimeUnixNano: 1544712660000000000,
                  endTimeUnixNano: 1544712661000000000,
                  status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
                  droppedAttributesCount: 2,
                },
              ],
            },
          ],
        },
      ],
    };
    const result = parseTraces(JSON.stringify(legacy), 'legacy.json');
    const span = result.traces[0]?.spans[0];
    assert.equal(span?.traceId, '5b8efff798038103d269b633813fc60c');
    assert.equal(span.spanId, 'eee19b7ec3c1b174');
    assert.equal(span.kind, 'client');
    assert.deepEqual(span.status, { code: 'error', message: 'boom' });
    assert.deepEqual(span.scope, { name: 'old-lib', version: '0.9' });
    assert.deepEqual(span.dropped, { attributes: 2, events: 0, links: 0 });
  });

  it('reads Tempo-style {batches: [...]}', () => {
    const batches = { batches: [{ resource: { attributes: [] }, scopeSpans: [{ spans: [otlpSpan('eee19b7ec3c1b174')] }] }] };
    const result = parseTraces(JSON.stringify(batches), 'tempo.json');
    assert.equal(result.traces[0]?.spans.length, 1);
    assert.deepEqual(result.formats, ['otlp']);
  });

  it('keeps intValue beyond 2^53 as an exact string and reads nested array/kvlist values', () => {
    const attributes = [
      { key: 'big', value: { intValue: '9223372036854775807' } },
      { key: 'small', value: { intValue: '42' } },
      { key: 'list', value: { arrayValue: { values: [{ stringValue: 'a' }, { boolValue: true }] } } },
      { key: 'map', value: { kvlistValue: { values: [{ key: 'inner', value: { doubleValue: 1.5 } }] } } },
      { key: 'empty', value: {} },
    ];
    const document = { resourceSpans: [{ scopeSpans: [{ spans: [otlpSpan('eee19b7ec3c1b174', { attributes })] }] }] };
    const span = parseTraces(JSON.stringify(document), 'values.json').traces[0]?.spans[0];
    assert.deepEqual(span?.attributes, { big: '9223372036854775807', small: 42, list: ['a', true], map: { inner: 1.5 }, empty: null });
  });
});
