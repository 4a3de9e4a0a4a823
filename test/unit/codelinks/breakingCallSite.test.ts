import * as assert from 'node:assert/strict';
import { findBreakingCallSites, type BrokenLinkForCode } from '../../../src/core/codelinks/breakingCallSite';
import type { CodeIndex, IndexedCallSite } from '../../../src/core/codelinks/codeIndex';

const root = '/shop';
const workspace = { folders: [root], files: [] };

function call(file: string, line: number, url: { text: string; value?: string; pattern?: string }, propagation: IndexedCallSite['propagation']): IndexedCallSite {
  return { file: `${root}/${file}`, line, column: 5, endLine: line, endColumn: 40, callee: 'requests.get', method: 'GET', url, propagation };
}

const code: CodeIndex = {
  handlers: [],
  calls: [
    call('services/orders/app.py', 12, { text: 'f"{INVENTORY}/stock/{id}"', pattern: '*/stock/*' }, 'missing'),
    call('services/orders/app.py', 20, { text: '"http://reviews:9080/reviews"', value: 'http://reviews:9080/reviews' }, 'missing'),
    call('services/orders/app.py', 30, { text: '"http://inventory/health"', value: 'http://inventory/health' }, 'propagates'),
    call('services/frontend/cart.py', 8, { text: '"http://inventory/stock/1"', value: 'http://inventory/stock/1' }, 'missing'),
  ],
};

const serverRoot = (attributes: Record<string, string>): BrokenLinkForCode['to'] => ({ service: 'inventory', name: 'GET /stock/{id}', kind: 'server', attributes });
const orders = { service: 'orders', name: 'GET /api/orders/{id}', kind: 'server' as const, attributes: {} };

describe('findBreakingCallSites', () => {
  it('ties a broken link to the missing-propagation call in the caller’s folder whose URL path matches the callee’s route', () => {
    const link: BrokenLinkForCode = { fromService: 'orders', toService: 'inventory', from: orders, to: serverRoot({ 'http.route': '/stock/{id}' }) };
    const sites = findBreakingCallSites(link, code, workspace);
    assert.deepEqual(sites.map((site) => site.call.line), [12]);
    assert.match(sites[0]?.evidence ?? '', /requests\.get in orders's code drops the trace context; path \*\/stock\/\* matches of inventory/);
  });

  it('uses the recorded CLIENT span’s URL (Envoy shape) and the host', () => {
    const client = { service: 'orders', name: 'egress', kind: 'client' as const, attributes: { 'url.full': 'http://reviews:9080/reviews' } };
    const link: BrokenLinkForCode = { fromService: 'orders', toService: 'reviews', from: orders, client };
    const sites = findBreakingCallSites(link, code, workspace);
    assert.equal(sites[0]?.call.line, 20);
    assert.equal(sites[0].confidence, 0.9);
  });

  it('never proposes calls that propagate, target another host, or belong to another service', () => {
    const link: BrokenLinkForCode = { fromService: 'orders', toService: 'inventory', from: orders, to: serverRoot({ 'server.address': 'inventory', 'url.path': '/health' }) };
    assert.deepEqual(findBreakingCallSites(link, code, workspace), []);
  });

  it('looks across the workspace, less confidently, when no folder is named after the caller', () => {
    const link: BrokenLinkForCode = { fromService: 'web-gateway', toService: 'inventory', from: { ...orders, service: 'web-gateway' }, to: serverRoot({ 'url.path': '/stock/1', 'server.address': 'inventory' }) };
    const sites = findBreakingCallSites(link, code, workspace);
    assert.deepEqual(sites.map((site) => site.call.file.split('/').slice(-2).join('/')), ['frontend/cart.py', 'orders/app.py']);
    assert.ok((sites[0]?.confidence ?? 1) < 0.9);
  });
});
