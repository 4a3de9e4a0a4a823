import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { ProtobufReader } from '../../../src/core/formats/protobufReader';
import { exportProtobufBody } from '../../support/protobufExport';
import { rawRequest, type RawResponse } from '../../support/rawHttp';
import { Random } from '../../support/random';
import { startTestReceiver, type RunningReceiver } from '../../support/receiverHarness';
import { readFixture } from '../../support/traceFixtures';

const json = { 'Content-Type': 'application/json' };
const protobuf = { 'Content-Type': 'application/x-protobuf' };

function otlpJson(spanIds: readonly string[]): string {
  const spans = spanIds.map((spanId) => ({
    traceId: '5b8efff798038103d269b633813fc60c',
    spanId,
    name: `span ${spanId}`,
    kind: 2,
    startTimeUnixNano: '1544712660000000000',
    endTimeUnixNano: '1544712660100000000',
  }));
  return JSON.stringify({ resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] }, scopeSpans: [{ spans }] }] });
}

/** A google.rpc.Status in protobuf: field 1 code, field 2 message. */
function decodeStatus(body: Buffer): { code: number; message: string } {
  const reader = new ProtobufReader(body);
  let code = 0;
  let message = '';
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (field === 1) code = reader.varint();
    else if (field === 2) message = reader.string();
    else reader.skip(wireType);
  }
  return { code, message };
}

describe('Receiver: bad requests get the OTLP/HTTP answer and never stop it serving', function () {
  this.timeout(30_000);
  let running: RunningReceiver;
  let otlp: string;
  let zipkin: string;

  before(async () => {
    running = await startTestReceiver(100_000, { limits: { maxBodyBytes: 256 * 1024, maxDecompressedBytes: 1024 * 1024 } });
    otlp = running.url('otlp');
    zipkin = running.url('zipkin');
  });

  after(async () => {
    await running.stop();
  });

  afterEach(async () => {
    // Whatever the test sent, a good request right after it is still served.
    const response = await rawRequest(otlp, { headers: json, body: otlpJson(['0000000000000abc']) });
    assert.equal(response.status, 200);
    assert.ok(running.receiver.endpoints.every((endpoint) => endpoint.status === 'listening'));
  });

  it('stores valid OTLP JSON and answers 200 with an empty ExportTraceServiceResponse', async () => {
    const response = await rawRequest(otlp, { headers: json, body: otlpJson(['eee19b7ec3c1b174', 'eee19b7ec3c1b175']) });
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(response.body.toString()), {});
    assert.equal(running.store.get('5b8efff798038103d269b633813fc60c')?.spans.length !== undefined, true);
  });

  it('answers 200 with partial success (rejected count and reasons) when some spans are invalid', async () => {
    const response = await rawRequest(otlp, { headers: json, body: otlpJson(['eee19b7ec3c1b176', 'not-a-span-id', '0000000000000000']) });
    assert.equal(response.status, 200);
    const body = JSON.parse(response.body.toString()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    assert.equal(body.partialSuccess.rejectedSpans, '2');
    assert.match(body.partialSuccess.errorMessage, /spanId "not-a-span-id" is not a hex or base64 id/);
    assert.ok(running.store.get('5b8efff798038103d269b633813fc60c')?.spans.some((span) => span.spanId === 'eee19b7ec3c1b176'));
  });

  it('answers protobuf with protobuf: 200 for the real exporter’s body, partial success for a span with a zeroed trace id', async () => {
    const body = await exportProtobufBody();
    const ok = await rawRequest(otlp, { headers: protobuf, body });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers['content-type'], 'application/x-protobuf');
    assert.equal(ok.body.length, 0);
    // Zero the first 16-byte trace id in the body (field 1 of a Span: tag 0x0a, length 0x10).
    const damaged = Buffer.from(body);
    const at = damaged.indexOf(Buffer.from([0x0a, 0x10]));
    damaged.fill(0, at + 2, at + 18);
    const partial = await rawRequest(otlp, { headers: protobuf, body: damaged });
    assert.equal(partial.status, 200);
    // ExportTraceServiceResponse { partial_success (1) { rejected_spans (1) = 1, error_message (2) } }
    const outer = new ProtobufReader(partial.body);
    assert.deepEqual(outer.tag(), { field: 1, wireType: 2 });
    const inner = outer.message();
    assert.deepEqual(inner.tag(), { field: 1, wireType: 0 });
    assert.equal(inner.varint(), 1);
    assert.deepEqual(inner.tag(), { field: 2, wireType: 2 });
    assert.match(inner.string(), /traceId .* is all zeros/);
  });

  it('answers 400 with a Status for garbage, truncated and foreign bodies, in the request’s encoding', async () => {
    const random = new Random(11);
    const garbage = Buffer.from(Array.from({ length: 4096 }, () => random.int(256)));
    const jsonGarbage = await rawRequest(otlp, { headers: json, body: garbage });
    assert.equal(jsonGarbage.status, 400);
    const status = JSON.parse(jsonGarbage.body.toString()) as { code: number; message: string };
    assert.equal(status.code, 3);
    const protoGarbage = await rawRequest(otlp, { headers: protobuf, body: garbage });
    assert.equal(protoGarbage.status, 400);
    assert.match(decodeStatus(protoGarbage.body).message, /not a valid OTLP protobuf ExportTraceServiceRequest/);
    const truncated = otlpJson(['eee19b7ec3c1b177']).slice(0, 120);
    const cut = await rawRequest(otlp, { headers: json, body: truncated });
    assert.equal(cut.status, 400);
    assert.match((JSON.parse(cut.body.toString()) as { message: string }).message, /not valid JSON at line 1 column \d+/);
    const truncatedProto = await rawRequest(otlp, { headers: protobuf, body: (await exportProtobufBody()).subarray(0, 50) });
    assert.equal(truncatedProto.status, 400);
    const zipkinAtOtlp = await rawRequest(otlp, { headers: json, body: readFixture('zipkin/ascend.json') });
    assert.equal(zipkinAtOtlp.status, 400);
    assert.match((JSON.parse(zipkinAtOtlp.body.toString()) as { message: string }).message, /not an OTLP ExportTraceServiceRequest/);
  });

  it('answers 415 for unsupported content types and encodings, 404 and 405 for wrong paths and methods', async () => {
    assert.equal((await rawRequest(otlp, { headers: { 'Content-Type': 'text/plain' }, body: 'hello' })).status, 415);
    assert.equal((await rawRequest(zipkin, { headers: protobuf, body: 'x' })).status, 415);
    assert.equal((await rawRequest(otlp, { headers: { ...json, 'Content-Encoding': 'zstd' }, body: 'x' })).status, 415);
    assert.equal((await rawRequest(otlp.replace('/v1/traces', '/v1/metrics'), { headers: json, body: '{}' })).status, 404);
    const get = await rawRequest(otlp, { method: 'GET' });
    assert.equal(get.status, 405);
    assert.equal(get.headers.allow, 'POST');
  });

  it('answers 413 to a declared or streamed body over the limit, without reading it all', async () => {
    const declared = await rawRequest(otlp, { headers: { ...json, 'Content-Length': 10 * 1024 * 1024 }, body: Buffer.alloc(1024) });
    assert.equal(declared.status, 413);
    const chunks = Array.from({ length: 64 }, () => Buffer.alloc(16 * 1024, 0x20));
    const streamed: RawResponse = await rawRequest(otlp, { headers: json, chunks });
    assert.equal(streamed.status, 413);
    assert.equal(streamed.headers.connection, 'close');
  });

  it('defuses a gzip bomb (413) and rejects broken gzip (400), but accepts honest gzip', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    assert.ok(bomb.length < 256 * 1024, 'the bomb itself fits the wire limit');
    const before = process.memoryUsage().rss;
    const exploded = await rawRequest(otlp, { headers: { ...json, 'Content-Encoding': 'gzip' }, body: bomb });
    assert.equal(exploded.status, 413);
    assert.match((JSON.parse(exploded.body.toString()) as { message: string }).message, /decompresses to more than 1048576 bytes/);
    assert.ok(process.memoryUsage().rss - before < 48 * 1024 * 1024, 'the bomb was not inflated in memory');
    const broken = await rawRequest(otlp, { headers: { ...json, 'Content-Encoding': 'gzip' }, body: Buffer.from('not gzip at all') });
    assert.equal(broken.status, 400);
    const honest = await rawRequest(otlp, { headers: { ...json, 'Content-Encoding': 'gzip' }, body: gzipSync(otlpJson(['eee19b7ec3c1b178'])) });
    assert.equal(honest.status, 200);
  });

  it('only accepts local Host headers on a loopback bind (no DNS rebinding from a web page)', async () => {
    const response = await rawRequest(otlp, { headers: { ...json, Host: 'evil.example:4318' }, body: otlpJson(['eee19b7ec3c1b179']) });
    assert.equal(response.status, 400);
    assert.match(response.body.toString(), /only accepts local requests/);
  });

  it('Zipkin: 202 for v2 JSON (also gzip), 400 for garbage and v1, with the reason', async () => {
    assert.equal((await rawRequest(zipkin, { headers: json, body: readFixture('zipkin/yelp.json') })).status, 202);
    assert.equal((await rawRequest(zipkin, { headers: { ...json, 'Content-Encoding': 'gzip' }, body: gzipSync(readFixture('zipkin/ascend.json')) })).status, 202);
    assert.equal((await rawRequest(zipkin, { body: '[]' })).status, 202);
    const garbage = await rawRequest(zipkin, { headers: json, body: '{"traceId":' });
    assert.equal(garbage.status, 400);
    assert.match(garbage.body.toString(), /not valid JSON/);
    const v1 = await rawRequest(zipkin, { headers: json, body: JSON.stringify([{ traceId: 'a', id: 'b', name: 'x', annotations: [], binaryAnnotations: [] }]) });
    assert.equal(v1.status, 400);
    assert.match(v1.body.toString(), /Zipkin v1, which is not supported/);
    assert.equal(running.store.get('a03ee8fff1dcd9b9')?.spans.length, 16);
  });

  it('keeps serving under 40 concurrent good and bad requests', async () => {
    const random = new Random(5);
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        index % 2 === 0
          ? rawRequest(otlp, { headers: json, body: otlpJson([(0x1000 + index).toString(16).padStart(16, '0')]) })
          : rawRequest(otlp, { headers: protobuf, body: Buffer.from(Array.from({ length: 512 }, () => random.int(256))) }),
      ),
    );
    assert.deepEqual(
      responses.map((response) => response.status),
      Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? 200 : 400)),
    );
  });
});

describe('Receiver: ports', () => {
  it('reports a taken port clearly and keeps the other endpoint working', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    const running = await startTestReceiver(1000, { otlpPort: taken });
    try {
      const [otlpEndpoint, zipkinEndpoint] = running.receiver.endpoints;
      assert.equal(otlpEndpoint?.status, 'failed');
      assert.equal(otlpEndpoint.errorCode, 'port-in-use');
      assert.equal(otlpEndpoint.error, `port ${taken} on 127.0.0.1 is already in use (by a collector, Jaeger, or another VS Code window?)`);
      assert.equal(zipkinEndpoint?.status, 'listening');
      assert.equal((await rawRequest(running.url('zipkin'), { headers: json, body: readFixture('zipkin/skew.json') })).status, 202);
    } finally {
      await running.stop();
      blocker.close();
    }
  });

  it('refuses a port number that is no port, without throwing', async () => {
    const running = await startTestReceiver(1000, { zipkinPort: 70000 });
    try {
      assert.equal(running.receiver.endpoints[1]?.error, '70000 is not a port number (0–65535; 0 picks a free port)');
      assert.equal(running.receiver.endpoints[0]?.status, 'listening');
    } finally {
      await running.stop();
    }
  });

  it('binds 127.0.0.1 by default in the URLs it reports, and stops cleanly', async () => {
    const running = await startTestReceiver();
    assert.match(running.url('otlp'), /^http:\/\/127\.0\.0\.1:\d+\/v1\/traces$/);
    assert.match(running.url('zipkin'), /^http:\/\/127\.0\.0\.1:\d+\/api\/v2\/spans$/);
    await running.stop();
    assert.ok(running.receiver.endpoints.every((endpoint) => endpoint.status === 'stopped'));
  });
});
