import * as assert from 'node:assert/strict';
import { readCodeAttributes } from '../../../src/core/codelinks/codeAttributes';
import { coreServiceName, pathBelongsToService } from '../../../src/core/codelinks/serviceFolders';
import { sentRequest, servedRequest } from '../../../src/core/codelinks/spanHttp';
import { matchCallUrl, sameHost } from '../../../src/core/codelinks/urlMatch';
import { makeSpan } from './spanFixtures';

describe('code links helpers', () => {
  it('reads current and older code.* attribute names, ignoring unusable values', () => {
    assert.deepEqual(readCodeAttributes({ 'code.file.path': '/app/a.py', 'code.line.number': 3, 'code.function.name': 'f' }), {
      file: '/app/a.py', line: 3, functionName: 'f', keys: ['code.file.path', 'code.line.number', 'code.function.name'],
    });
    assert.deepEqual(readCodeAttributes({ 'code.filepath': 'a.go', 'code.lineno': '12', 'code.namespace': 'main' }), {
      file: 'a.go', line: 12, namespace: 'main', keys: ['code.filepath', 'code.lineno', 'code.namespace'],
    });
    assert.equal(readCodeAttributes({ 'code.lineno': 4 }), undefined);
    assert.equal(readCodeAttributes({ 'code.filepath': '   ', 'code.lineno': -1 }), undefined);
  });

  it('reduces service and folder names to a core name', () => {
    assert.equal(coreServiceName('Orders-Service'), 'orders');
    assert.equal(coreServiceName('orders_svc'), 'orders');
    assert.equal(coreServiceName('api'), 'api');
    assert.equal(pathBelongsToService('services/orders-api/app.py', 'orders'), true);
    assert.equal(pathBelongsToService('orders.py', 'orders'), false);
  });

  it('reads what server and client spans say about their requests', () => {
    assert.deepEqual(servedRequest(makeSpan('server', 's', 'x', { 'http.method': 'get', 'http.target': '/a/1?q=2' })), { method: 'GET', path: '/a/1' });
    assert.deepEqual(sentRequest(makeSpan('client', 's', 'GET', { 'http.url': 'http://inv.ns.svc:80/stock/1?x', 'peer.service': 'inventory' })), {
      method: 'GET', url: 'http://inv.ns.svc:80/stock/1?x', host: 'inv.ns.svc', path: '/stock/1', peerService: 'inventory',
    });
  });

  it('matches call URLs by host (Kubernetes short names included) and by path pattern', () => {
    assert.equal(sameHost('inventory.shop.svc.cluster.local', 'inventory'), true);
    assert.equal(sameHost('inventory', 'invent'), false);
    assert.equal(matchCallUrl({ value: 'http://inventory/stock/1' }, { host: 'inventory.shop.svc' })?.strength, 0.7);
    assert.equal(matchCallUrl({ pattern: '*/stock/*' }, { path: '/stock/9' })?.strength, 0.6);
    assert.equal(matchCallUrl({ pattern: '*/stock/*' }, { path: '/orders/9' }), undefined);
    assert.equal(matchCallUrl({ value: 'http://billing/x' }, { host: 'inventory' }), undefined);
    assert.equal(matchCallUrl({}, { host: 'inventory' }), undefined);
  });
});
