import * as assert from 'node:assert/strict';
import { computeCodeFigures } from '../../../src/core/codelinks/codeFigures';
import type { CodeIndex } from '../../../src/core/codelinks/codeIndex';
import type { CodeLinkContext } from '../../../src/core/codelinks/resolveSpan';
import type { Span, Trace } from '../../../src/core/model/trace';
import { makeSpan } from './spanFixtures';

const code: CodeIndex = {
  handlers: [
    { file: '/ws/orders/app.py', line: 10, column: 1, name: 'get_order', framework: 'flask', declaration: 'function', methods: ['GET'], route: '/api/orders/<order_id>' },
    { file: '/ws/orders/app.py', line: 30, column: 1, name: 'list_orders', framework: 'flask', declaration: 'function', methods: ['GET'], route: '/api/orders' },
  ],
  calls: [
    { file: '/ws/orders/app.py', line: 14, column: 13, endLine: 14, endColumn: 60, callee: 'requests.get', method: 'GET', url: { text: '…', pattern: 'http://inventory:8080/stock/*' }, propagation: 'missing' },
  ],
};
const context: CodeLinkContext = { workspace: { folders: ['/ws'], files: ['/ws/orders/app.py'] }, mappings: [], code };

function span(id: number, kind: Span['kind'], attributes: Record<string, string | number>, durationMs: number, error = false): Span {
  const base = makeSpan(kind, 'orders', 'GET', attributes);
  return { ...base, spanId: id.toString(16).padStart(16, '0'), durationNs: durationMs * 1e6, startNs: base.startNs + id * 1e6, status: { code: error ? 'error' : 'unset' } };
}

function trace(spans: Span[]): Trace {
  return { traceId: 'a'.repeat(32), spans, warnings: [] };
}

describe('computeCodeFigures', () => {
  const server = (id: number, path: string, ms: number, error = false): Span => span(id, 'server', { 'url.path': path, 'http.request.method': 'GET' }, ms, error);
  const client = (id: number, ms: number): Span => span(id, 'client', { 'url.full': `http://inventory:8080/stock/${id}`, 'http.request.method': 'GET' }, ms);

  it('sums up server spans per handler line and client spans per call line', () => {
    const figures = computeCodeFigures(
      [trace([server(1, '/api/orders/1', 10), server(2, '/api/orders/2', 20), server(3, '/api/orders/3', 30, true), server(4, '/api/orders', 5), client(5, 7), client(6, 9)])],
      context,
      (candidate) => candidate.status.code === 'error',
    );
    const byLine = new Map(figures.map((entry) => [`${entry.line}:${entry.role}`, entry]));
    const handler = byLine.get('10:handler');
    assert.deepEqual([handler?.count, handler?.errors, handler?.p50Ns, handler?.p95Ns], [3, 1, 20e6, 30e6]);
    assert.deepEqual(handler?.spans.map((ref) => ref.spanId), ['0000000000000003', '0000000000000002', '0000000000000001']);
    assert.equal(byLine.get('30:handler')?.count, 1);
    const call = byLine.get('14:call');
    assert.deepEqual([call?.count, call?.p50Ns, call?.p95Ns], [2, 7e6, 9e6]);
    assert.equal(figures.length, 3);
  });

  it('leaves out spans it cannot place with confidence, and internal spans without code attributes', () => {
    const figures = computeCodeFigures(
      [trace([server(1, '/health', 1), span(2, 'internal', {}, 1), span(3, 'client', { 'url.full': 'http://billing/x' }, 1)])],
      context,
      () => false,
    );
    assert.deepEqual(figures, []);
  });
});
