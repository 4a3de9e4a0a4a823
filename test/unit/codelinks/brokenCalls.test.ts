import * as assert from 'node:assert/strict';
import { countBrokenCalls, type BrokenLinkWithSpans } from '../../../src/core/codelinks/brokenCalls';
import type { CodeIndex } from '../../../src/core/codelinks/codeIndex';

const code: CodeIndex = {
  handlers: [],
  calls: [
    { file: '/ws/orders/app.py', line: 14, column: 13, endLine: 14, endColumn: 60, callee: 'requests.get', url: { text: '…', pattern: 'http://inventory:8080/stock/*' }, propagation: 'missing' },
    { file: '/ws/orders/app.py', line: 20, column: 13, endLine: 20, endColumn: 60, callee: 'requests.get', url: { text: '…', value: 'http://pricing/quote' }, propagation: 'missing' },
  ],
};
const workspace = { folders: ['/ws'], files: [] };

function link(n: number, to: string, path: string): BrokenLinkWithSpans {
  return {
    fromService: 'orders',
    toService: to,
    from: { traceId: `a${n}`, spanId: `f${n}`, service: 'orders', name: 'GET', kind: 'server', attributes: {} },
    to: { traceId: `b${n}`, spanId: `t${n}`, service: to, name: 'GET', kind: 'server', attributes: { 'url.path': path } },
  };
}

describe('countBrokenCalls', () => {
  it('counts the broken links behind each call site, with the services and spans involved', () => {
    const figures = countBrokenCalls([link(1, 'inventory', '/stock/1'), link(2, 'inventory', '/stock/2'), link(3, 'pricing', '/quote'), link(4, 'billing', '/pay')], code, workspace);
    const byLine = new Map(figures.map((entry) => [entry.call.line, entry]));
    assert.equal(byLine.get(14)?.count, 2);
    assert.deepEqual(byLine.get(14)?.pairs, ['orders → inventory']);
    assert.deepEqual(byLine.get(14)?.spans, [
      { traceId: 'a1', spanId: 'f1' }, { traceId: 'b1', spanId: 't1' },
      { traceId: 'a2', spanId: 'f2' }, { traceId: 'b2', spanId: 't2' },
    ]);
    assert.equal(byLine.get(20)?.count, 1);
    assert.equal(figures.length, 2);
  });
});
