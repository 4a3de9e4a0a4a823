import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileTraceSource, readTraceFiles } from '../../../src/core/sources/fileSource';
import { ReceiverTraceSource } from '../../../src/core/sources/receiverSource';
import { SourceError } from '../../../src/core/sources/sourceError';
import { TraceStore } from '../../../src/core/receiver/traceStore';
import { fixturePath, readFixture } from '../../support/traceFixtures';
import { buildSpan, traceId } from '../../support/traceBuilder';

describe('File trace source', () => {
  it('reads a folder recursively by content and lists what it skipped', async () => {
    const loaded = await readTraceFiles([fixturePath('zipkin'), fixturePath('jaeger/apiv3-snapshots')]);
    assert.equal(loaded.files.length, 15);
    assert.equal(loaded.traces.length, 11);
    assert.equal(
      loaded.traces.reduce((sum, trace) => sum + trace.spans.length, 0),
      1293 + 1,
    );
    assert.deepEqual(
      loaded.skipped.map((item) => path.basename(item.source)),
      ['FindTraceSummaries.json', 'GetOperations.json', 'GetServices.json'],
    );
  });

  it('merges one trace spread over several files, keeping each span once', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-files-'));
    const spans = JSON.parse(readFixture('zipkin/ascend.json')) as unknown[];
    writeFileSync(path.join(folder, 'a.json'), JSON.stringify(spans.slice(0, 5)));
    writeFileSync(path.join(folder, 'b.json'), JSON.stringify(spans.slice(3)));
    const loaded = await readTraceFiles([folder]);
    assert.equal(loaded.traces.length, 1);
    assert.equal(loaded.traces[0]?.spans.length, 8);
  });

  it('reports missing and oversized files instead of throwing', async () => {
    const loaded = await readTraceFiles(['/no/such/trace.json', fixturePath('zipkin/yelp.json')], { maxFileBytes: 1000 });
    assert.deepEqual(
      loaded.skipped.map((item) => item.reason),
      ['cannot be read: no such file or folder', 'is 8 KiB, more than the 1 KiB limit for one file'],
    );
    await assert.rejects(FileTraceSource.load(['/no/such/trace.json']), SourceError);
  });

  it('answers services, operations, search and get by id', async () => {
    const source = await FileTraceSource.load([fixturePath('zipkin/ascend.json'), fixturePath('zipkin/skew.json')]);
    assert.equal(source.label, '2 trace files');
    assert.deepEqual(await source.services(), ['auth-service', 'content-service', 'mobile-gateway', 'servicea', 'serviceb']);
    assert.ok((await source.operations('content-service')).some((operation) => operation.name === 'get /content/personal' && operation.spanKind === 'server'));
    assert.equal((await source.search({ service: 'servicea' })).traces[0]?.traceId, '1e223ff1f80f1c69');
    assert.equal((await source.search({ service: 'servicea', operation: 'nope' })).traces.length, 0);
    assert.equal((await source.getTrace(' EF86C83C0A05A6D6 '))?.spans.length, 8);
    assert.equal(await source.getTrace('not an id'), undefined);
  });
});

describe('Receiver trace source', () => {
  it('searches the live store', async () => {
    const store = new TraceStore(100);
    const now = Date.now();
    store.add([buildSpan({ trace: 'R', id: 'a', service: 'api', name: 'GET /x', startMs: 0, endMs: 5, attributes: { 'http.route': '/x' } })]);
    const source = new ReceiverTraceSource(store);
    assert.deepEqual(await source.services(), ['api']);
    assert.deepEqual(await source.operations('api'), [{ name: 'GET /x', spanKind: 'internal' }]);
    // The builder's spans start in 1970: search the whole range.
    const all = { startMs: 0, endMs: now };
    assert.equal((await source.search({ ...all, tags: { 'http.route': '/x' } })).traces.length, 1);
    assert.equal((await source.search({ ...all, tags: { 'http.route': '/y' } })).traces.length, 0);
    assert.equal((await source.getTrace(traceId('R')))?.spans.length, 1);
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(source.services(aborted.signal), /cancelled/);
  });
});
