import * as assert from 'node:assert/strict';
import { parseWebviewMessage } from '../../../src/core/viewer/validate';

describe('host validation of webview messages', () => {
  const ref = { sourceId: 'receiver', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' };
  const query = { tags: { 'http.status_code': '500' }, time: { lookback: '1h' }, limit: 20 };

  it('accepts every well-formed message', () => {
    const messages = [
      { type: 'ready' },
      { type: 'ready', restore: ref },
      { type: 'listServices', requestId: 1, sourceId: 'jaeger:1' },
      { type: 'listOperations', requestId: 2, sourceId: 'jaeger:1', service: 'orders' },
      { type: 'search', requestId: 3, sourceId: 'jaeger:1', query },
      {
        type: 'search',
        requestId: 4,
        sourceId: 'receiver',
        query: { ...query, service: 's', operation: 'o', time: { startMs: 1, endMs: 2 }, minDurationNs: 5, maxDurationNs: 9 },
      },
      { type: 'openTrace', requestId: 5, ref },
      { type: 'openTrace', requestId: 6, ref, focusSpanId: '00f067aa0ba902b7' },
      { type: 'openCode', ref, spanId: '00f067aa0ba902b7' },
      { type: 'getSpanDetail', requestId: 7, ref, spanIndex: 0, spanId: '00f067aa0ba902b7' },
      { type: 'find', requestId: 8, ref, query: 'http.status_code=500 orders' },
      { type: 'copy', what: 'span JSON', text: '{}' },
      { type: 'runCommand', command: 'openTraceFile' },
    ];
    for (const message of messages) assert.deepEqual(parseWebviewMessage(message), message, JSON.stringify(message));
  });

  it('drops extra fields it does not know', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', evil: '<script>' }), { type: 'ready' });
  });

  it('rejects non-objects and unknown types', () => {
    for (const value of [null, undefined, 'ready', 42, [], { type: 'eval' }, { type: 'READY' }, {}]) {
      assert.equal(parseWebviewMessage(value), undefined, JSON.stringify(value));
    }
  });

  it('rejects malformed fields', () => {
    const bad: unknown[] = [
      { type: 'ready', restore: { sourceId: 'x', traceId: 'not-hex' } },
      { type: 'ready', restore: { sourceId: '', traceId: 'ab' } },
      { type: 'listServices', requestId: -1, sourceId: 'a' },
      { type: 'listServices', requestId: 1.5, sourceId: 'a' },
      { type: 'listServices', requestId: '1', sourceId: 'a' },
      { type: 'listServices', requestId: 1, sourceId: 'x'.repeat(5_000) },
      { type: 'listOperations', requestId: 1, sourceId: 'a' },
      { type: 'getSpanDetail', requestId: 1, ref, spanIndex: -1, spanId: '00f067aa0ba902b7' },
      { type: 'getSpanDetail', requestId: 1, ref, spanIndex: 2.5, spanId: '00f067aa0ba902b7' },
      { type: 'getSpanDetail', requestId: 1, ref, spanIndex: 1e12, spanId: '00f067aa0ba902b7' },
      { type: 'getSpanDetail', requestId: 1, ref, spanIndex: 0, spanId: '<img src=x>' },
      { type: 'getSpanDetail', requestId: 1, ref, spanIndex: 0 },
      { type: 'find', requestId: 1, ref, query: '' },
      { type: 'find', requestId: 1, ref, query: 'x'.repeat(5_000) },
      { type: 'find', requestId: 1, ref, query: ['orders'] },
      { type: 'find', requestId: 1, query: 'orders' },
      { type: 'search', requestId: 1, sourceId: 'a', query: { ...query, limit: 0 } },
      { type: 'search', requestId: 1, sourceId: 'a', query: { ...query, limit: 100_000 } },
      { type: 'search', requestId: 1, sourceId: 'a', query: { ...query, time: { lookback: '1y' } } },
      { type: 'search', requestId: 1, sourceId: 'a', query: { ...query, time: { startMs: 5, endMs: 5 } } },
      { type: 'search', requestId: 1, sourceId: 'a', query: { ...query, tags: { a: 1 } } },
      { type: 'search', requestId: 1, sourceId: 'a', query: { ...query, tags: ['a=b'] } },
      { type: 'search', requestId: 1, sourceId: 'a', query: { ...query, minDurationNs: 10, maxDurationNs: 5 } },
      { type: 'search', requestId: 1, sourceId: 'a', query: { ...query, minDurationNs: Number.NaN } },
      {
        type: 'search',
        requestId: 1,
        sourceId: 'a',
        query: { ...query, tags: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v'])) },
      },
      { type: 'openTrace', requestId: 1, ref, focusSpanId: '<img src=x>' },
      { type: 'openCode', ref, spanId: '' },
      { type: 'copy', what: 'password', text: 'x' },
      { type: 'copy', what: 'trace id', text: 'x'.repeat(9 * 1024 * 1024) },
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
    ];
    for (const value of bad) assert.equal(parseWebviewMessage(value), undefined, JSON.stringify(value).slice(0, 200));
  });

  it('does not let a __proto__ tag key change the result prototype', () => {
    const raw = JSON.parse(
      '{"type":"search","requestId":1,"sourceId":"a","query":{"tags":{"__proto__":"x"},"time":{"lookback":"1h"},"limit":5}}',
    ) as unknown;
    const parsed = parseWebviewMessage(raw);
    if (parsed?.type !== 'search') assert.fail('the message was rejected');
    assert.equal(Object.getPrototypeOf(parsed.query.tags), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(parsed.query.tags, '__proto__')?.value, 'x');
  });
});
