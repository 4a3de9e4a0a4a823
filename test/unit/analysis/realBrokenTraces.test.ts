import * as assert from 'node:assert/strict';
import { analyzeTraces } from '../../../src/core/analysis/analyze';
import type { BrokenLink } from '../../../src/core/analysis/types';
import { parseTraces } from '../../../src/core/formats/parseTraces';
import { recordBrokenTraces } from '../../support/brokenScenario';

describe('Broken-link detection on traces from real instrumented services', function () {
  this.timeout(60_000);
  let links: readonly BrokenLink[];
  let traceCount: number;

  before(async () => {
    const parsed = parseTraces(await recordBrokenTraces(), 'exported.jsonl');
    assert.deepEqual(parsed.skipped, []);
    traceCount = parsed.traces.length;
    links = analyzeTraces(parsed.traces).brokenLinks;
  });

  const link = (shape: BrokenLink['shape']): BrokenLink => {
    const found = links.filter((candidate) => candidate.shape === shape);
    const [only, ...others] = found;
    assert.ok(only && others.length === 0, `one ${shape} link; all links: ${JSON.stringify(links.map((item) => [item.shape, item.fromService, item.toService, item.confidence]))}`);
    return only;
  };

  it('the request produced four traces: the whole one and three broken-off pieces', () => {
    assert.equal(traceCount, 4);
  });

  it('finds the call made with the context dropped (a CLIENT root of orders)', () => {
    const found = link('client-root');
    assert.deepEqual([found.fromService, found.toService], ['orders', 'payments']);
    assert.equal(found.from.kind, 'server');
    assert.equal(found.to?.kind, 'client');
    assert.match(JSON.stringify(found.to.attributes['url.full']), /\/leaf"$/);
    assert.ok(found.confidence >= 0.6);
  });

  it('finds the call whose headers the callee ignored (a SERVER root under a childless CLIENT span)', () => {
    const found = link('server-root-under-client');
    assert.deepEqual([found.fromService, found.toService], ['orders', 'inventory']);
    assert.deepEqual(
      found.evidence.map((item) => item.kind),
      ['time-containment', 'no-child', 'host-port', 'path'],
    );
    assert.ok(found.confidence >= 0.75);
  });

  it('finds the uninstrumented fetch (a SERVER root with no client span) and ties it to orders’ span open at the time', () => {
    const found = link('server-root-without-client');
    assert.deepEqual([found.fromService, found.toService], ['orders', 'recommendations']);
    // The innermost, "handle work", ends a fraction of a millisecond after the fetch returns; each process has its own
    // clock origin, so on a busy machine recommendations' span can end just past it and only orders' SERVER span
    // ("GET") encloses it.
    assert.ok(['handle work', 'GET'].includes(found.from.name), `tied to ${found.from.name}`);
    assert.equal(found.client, undefined);
  });

  it('reports nothing else: the gateway’s root is a true entry point', () => {
    assert.equal(links.length, 3);
  });
});
