import * as assert from 'node:assert/strict';
import { analyzeTraces } from '../../../src/core/analysis/analyze';
import type { BrokenLink } from '../../../src/core/analysis/types';
import { buildTraces, spanId, traceId, type SpanSpec } from '../../support/traceBuilder';

function links(specs: readonly SpanSpec[]): readonly BrokenLink[] {
  return analyzeTraces(buildTraces(specs)).brokenLinks;
}

function only(found: readonly BrokenLink[]): BrokenLink {
  assert.equal(found.length, 1, `expected one link, found ${JSON.stringify(found.map((link) => [link.shape, link.fromService, link.toService]))}`);
  const [link] = found;
  assert.ok(link);
  return link;
}

const evidenceKinds = (link: BrokenLink): string[] => link.evidence.map((item) => item.kind);

describe('Broken links across traces', () => {
  it('shape 1: a CLIENT root of A inside a SERVER span of A elsewhere (the Istio sidecar shape)', () => {
    const link = only(
      links([
        { trace: 'T1', id: 'gw', service: 'gateway', kind: 'server', startMs: 0, endMs: 100 },
        { trace: 'T1', id: 'gw-out', parent: 'gw', service: 'gateway', kind: 'client', startMs: 5, endMs: 95, attributes: { 'url.full': 'http://orders.shop:8080/orders' } },
        { trace: 'T1', id: 'orders-in', parent: 'gw-out', service: 'orders.shop', kind: 'server', startMs: 10, endMs: 90, attributes: { 'http.route': '/orders' } },
        {
          trace: 'T2',
          id: 'orders-out',
          service: 'orders.shop',
          kind: 'client',
          startMs: 20,
          endMs: 60,
          attributes: { 'url.full': 'http://payments.shop.svc.cluster.local:8080/charge', 'upstream_cluster': 'outbound|8080||payments.shop.svc.cluster.local' },
        },
        { trace: 'T2', id: 'pay-in', parent: 'orders-out', service: 'payments.shop', kind: 'server', startMs: 25, endMs: 55 },
      ]),
    );
    assert.equal(link.shape, 'client-root');
    assert.equal(link.fromService, 'orders.shop');
    assert.equal(link.toService, 'payments.shop');
    assert.deepEqual([link.from.traceId, link.from.spanId], [traceId('T1'), spanId('orders-in')]);
    assert.deepEqual([link.to?.traceId, link.to?.spanId], [traceId('T2'), spanId('orders-out')]);
    assert.equal(link.client?.spanId, spanId('orders-out'));
    assert.equal(link.from.attributes['http.route'], '/orders');
    assert.equal(link.to?.attributes['url.full'], 'http://payments.shop.svc.cluster.local:8080/charge');
    assert.ok(link.confidence >= 0.7, `confidence ${link.confidence}`);
    assert.deepEqual(evidenceKinds(link), ['time-containment', 'same-service', 'unique-candidate']);
    assert.match(link.evidence[0]?.detail ?? '', /orders.shop's CLIENT span "orders-out" starts 10ms after and ends 30ms before orders.shop's SERVER span "orders-in"/);
  });

  it('shape 2: a SERVER root of B inside a childless CLIENT span of A that targets B', () => {
    const link = only(
      links([
        { trace: 'T1', id: 'checkout', service: 'checkout', kind: 'server', startMs: 0, endMs: 100 },
        {
          trace: 'T1',
          id: 'call',
          parent: 'checkout',
          service: 'checkout',
          kind: 'client',
          startMs: 10,
          endMs: 60,
          attributes: { 'url.full': 'http://inventory:8080/items/42?fields=all', 'server.address': 'inventory', 'server.port': 8080, 'http.request.method': 'GET' },
        },
        {
          trace: 'T2',
          id: 'inv',
          service: 'inventory',
          kind: 'server',
          startMs: 12,
          endMs: 58,
          attributes: { 'server.address': 'inventory', 'server.port': 8080, 'url.path': '/items/42', 'http.route': '/items/:id' },
        },
      ]),
    );
    assert.equal(link.shape, 'server-root-under-client');
    assert.deepEqual([link.fromService, link.toService], ['checkout', 'inventory']);
    assert.equal(link.from.spanId, spanId('call'));
    assert.equal(link.to?.spanId, spanId('inv'));
    assert.deepEqual(evidenceKinds(link), ['time-containment', 'no-child', 'host', 'host-port', 'path']);
    assert.equal(link.from.attributes['http.request.method'], 'GET');
    assert.equal(link.confidence, 0.95);
  });

  it('shape 2 matches by peer.service, and not when the client clearly calls someone else', () => {
    const base: SpanSpec[] = [
      { trace: 'T1', id: 'a', service: 'a', kind: 'server', startMs: 0, endMs: 100 },
      { trace: 'T2', id: 'b', service: 'billing', kind: 'server', startMs: 20, endMs: 40 },
    ];
    const byPeer = links([...base, { trace: 'T1', id: 'c', parent: 'a', service: 'a', kind: 'client', startMs: 10, endMs: 50, attributes: { 'peer.service': 'billing' } }]);
    assert.equal(byPeer[0]?.shape, 'server-root-under-client');
    const [peerLink] = byPeer;
    assert.ok(peerLink);
    assert.deepEqual(evidenceKinds(peerLink), ['time-containment', 'no-child', 'peer-service']);
    const elsewhere = links([...base, { trace: 'T1', id: 'c', parent: 'a', service: 'a', kind: 'client', startMs: 10, endMs: 50, attributes: { 'peer.service': 'postgres' } }]);
    assert.deepEqual(elsewhere.map((link) => link.shape), ['server-root-without-client']);
  });

  it('shape 3: a SERVER root with no client anywhere is tied to the innermost open span of another service', () => {
    const link = only(
      links([
        { trace: 'T1', id: 'fe', service: 'frontend', kind: 'server', startMs: 0, endMs: 200 },
        { trace: 'T1', id: 'fe-out', parent: 'fe', service: 'frontend', kind: 'client', startMs: 5, endMs: 195, attributes: { 'peer.service': 'api' } },
        { trace: 'T1', id: 'api', parent: 'fe-out', service: 'api', kind: 'server', startMs: 10, endMs: 190 },
        { trace: 'T1', id: 'handler', parent: 'api', service: 'api', kind: 'internal', startMs: 20, endMs: 180, attributes: { 'code.function': 'recommend' } },
        { trace: 'T2', id: 'rec', service: 'recommendations', kind: 'server', startMs: 50, endMs: 100, attributes: { 'url.path': '/recommend' } },
      ]),
    );
    assert.equal(link.shape, 'server-root-without-client');
    assert.deepEqual([link.fromService, link.toService], ['api', 'recommendations']);
    assert.equal(link.from.spanId, spanId('handler'));
    assert.equal(link.from.attributes['code.function'], 'recommend');
    assert.equal(link.client, undefined);
    assert.deepEqual(evidenceKinds(link), ['time-containment', 'no-client-span', 'innermost', 'unique-candidate']);
    assert.equal(link.confidence, 0.6);
  });

  it('shape 3: across concurrent traces, a service seen calling B elsewhere wins over a shorter unrelated span', () => {
    const found = links([
      { trace: 'T1', id: 'api', service: 'api', kind: 'server', startMs: 0, endMs: 200 },
      { trace: 'T2', id: 'batch', service: 'batch', kind: 'internal', startMs: 40, endMs: 120 },
      { trace: 'T3', id: 'rec', service: 'recommendations', kind: 'server', startMs: 50, endMs: 100 },
      // Elsewhere, api calls recommendations with context intact.
      { trace: 'T4', id: 'api2', service: 'api', kind: 'server', startMs: 1000, endMs: 1100 },
      { trace: 'T4', id: 'api2-out', parent: 'api2', service: 'api', kind: 'client', startMs: 1010, endMs: 1090 },
      { trace: 'T4', id: 'rec2', parent: 'api2-out', service: 'recommendations', kind: 'server', startMs: 1020, endMs: 1080 },
    ]);
    const link = only(found);
    assert.equal(link.fromService, 'api');
    assert.ok(evidenceKinds(link).includes('calls-elsewhere'));
    assert.ok(evidenceKinds(link).includes('competing-candidates'));
  });

  it('does not report true entry points, and tolerates 1 ms of clock resolution but not more', () => {
    const entryPoints = links([
      { trace: 'T1', id: 'gw', service: 'gateway', kind: 'server', startMs: 0, endMs: 100 },
      { trace: 'T2', id: 'cron', service: 'reporter', kind: 'client', startMs: 20, endMs: 30, attributes: { 'url.full': 'https://api.example.com/x' } },
      { trace: 'T3', id: 'other-gw', service: 'gateway', kind: 'server', startMs: 10, endMs: 20 },
    ]);
    assert.deepEqual(entryPoints, []);
    const base: SpanSpec[] = [{ trace: 'T1', id: 'a', service: 'a', kind: 'server', startMs: 10, endMs: 100 }];
    const within = links([...base, { trace: 'T2', id: 'b', service: 'b', kind: 'server', startMs: 9.5, endMs: 60 }]);
    assert.equal(within.length, 1);
    assert.match(within[0]?.evidence[0]?.detail ?? '', /within the 1ms tolerance/);
    assert.deepEqual(links([...base, { trace: 'T2', id: 'b', service: 'b', kind: 'server', startMs: 8, endMs: 50 }]), []);
  });

  it('reports a CLIENT span whose traced target never got a server span, but not calls to untraced services', () => {
    const found = links([
      { trace: 'T1', id: 'checkout', service: 'checkout', kind: 'server', startMs: 0, endMs: 100 },
      { trace: 'T1', id: 'inv-call', parent: 'checkout', service: 'checkout', kind: 'client', startMs: 10, endMs: 20, attributes: { 'url.full': 'http://inventory:8080/items' } },
      { trace: 'T1', id: 'stripe', parent: 'checkout', service: 'checkout', kind: 'client', startMs: 30, endMs: 40, attributes: { 'url.full': 'https://api.stripe.com/v1/charges' } },
      { trace: 'T2', id: 'inv', service: 'inventory', kind: 'server', startMs: 500, endMs: 510 },
    ]);
    const link = only(found);
    assert.equal(link.shape, 'client-without-server');
    assert.deepEqual([link.fromService, link.toService, link.from.spanId, link.to], ['checkout', 'inventory', spanId('inv-call'), undefined]);
    assert.deepEqual(evidenceKinds(link), ['no-child', 'target-traced']);
  });

  it('produces plain JSON data', () => {
    const analysis = analyzeTraces(
      buildTraces([
        { trace: 'T1', id: 'a', service: 'a', kind: 'server', startMs: 0, endMs: 100 },
        { trace: 'T2', id: 'b', service: 'b', kind: 'server', startMs: 10, endMs: 20 },
      ]),
    );
    const text = JSON.stringify(analysis);
    assert.equal(JSON.stringify(JSON.parse(text)), text);
    assert.equal(analysis.brokenLinks.length, 1);
  });
});
