import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { JaegerTraceSource } from '../../../src/core/sources/jaeger/jaegerSource';
import type { JaegerConnection } from '../../../src/core/sources/jaeger/options';
import { SourceError, type SourceErrorCode } from '../../../src/core/sources/sourceError';
import { startJaegerReplayServer, type ReplayServer } from '../../support/jaegerReplayServer';

async function rejectsWith(promise: Promise<unknown>, code: SourceErrorCode, message: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof SourceError, `expected a SourceError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.match(error.message, message);
    return true;
  });
}

/** A one-route HTTP server for the failure cases no fixture records. */
async function startStub(handler: (response: ServerResponse, path: string) => void): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    handler(response, request.url ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

const lastHour = { startMs: Date.now() - 3600_000, endMs: Date.now() };

describe('Jaeger client against the recorded API shapes', () => {
  let replay: ReplayServer | undefined;
  afterEach(async () => {
    await replay?.close();
    replay = undefined;
  });

  it('prefers API v3 when Jaeger serves both, and reads services, operations, search and traces', async () => {
    replay = await startJaegerReplayServer({ apis: ['v3', 'v1'] });
    const jaeger = new JaegerTraceSource({ baseUrl: replay.url });
    assert.equal(await jaeger.apiVersion(), 'v3');
    assert.deepEqual(await jaeger.services(), ['foo']);
    assert.deepEqual(await jaeger.operations('foo'), [{ name: 'get_users', spanKind: 'server' }]);
    const found = await jaeger.search({ service: 'foo', limit: 5, minDurationMs: 2, ...lastHour });
    assert.equal(found.traces.length, 1);
    const [span] = found.traces[0]?.spans ?? [];
    assert.equal(span?.name, 'foobar');
    assert.equal(span.kind, 'server');
    assert.equal(span.status.code, 'error');
    const searchRequest = new URL(replay.requests.find((path) => path.startsWith('/api/v3/traces?')) ?? '', 'http://x');
    assert.equal(searchRequest.searchParams.get('query.service_name'), 'foo');
    assert.equal(searchRequest.searchParams.get('query.num_traces'), '5');
    assert.equal(searchRequest.searchParams.get('query.duration_min'), '2ms');
    assert.equal(searchRequest.searchParams.get('query.start_time_min'), new Date(lastHour.startMs).toISOString());
    const trace = await jaeger.getTrace('00000000000000000000000000000001');
    assert.equal(trace?.spans[0]?.spanId, '0000000000000002');
    assert.equal(await jaeger.getTrace('1'), undefined, 'a 16-digit id Jaeger does not have');
    assert.equal(await jaeger.getTrace('00000000000000000000000000000abc'), undefined);
    assert.deepEqual(await jaeger.search({ service: 'nobody', ...lastHour }), { traces: [], skipped: [] }, 'v3 says "No traces found" with a 404');
    assert.equal(replay.requests.filter((path) => path.startsWith('/api/services')).length, 0, 'v1 was never asked');
  });

  it('falls back to the v1 API on an older Jaeger', async () => {
    replay = await startJaegerReplayServer({ apis: ['v1'] });
    const jaeger = new JaegerTraceSource({ baseUrl: replay.url });
    assert.deepEqual(await jaeger.services(), ['telemetrygen']);
    assert.equal(await jaeger.apiVersion(), 'v1');
    assert.deepEqual(await jaeger.operations('telemetrygen'), [{ name: 'okey-dokey-0' }]);
    const found = await jaeger.search({ service: 'telemetrygen', tags: { 'peer.service': 'telemetrygen-client' }, ...lastHour });
    assert.equal(found.traces[0]?.spans.length, 2);
    const search = new URL(replay.requests.find((path) => path.startsWith('/api/traces?')) ?? '', 'http://x');
    assert.deepEqual(JSON.parse(search.searchParams.get('tags') ?? ''), { 'peer.service': 'telemetrygen-client' });
    assert.equal(search.searchParams.get('start'), String(Math.floor(lastHour.startMs * 1000)));
    const trace = await jaeger.getTrace('83A9EFD15C1C98A977E0711CC93EE28B');
    assert.equal(trace?.traceId, '83a9efd15c1c98a977e0711cc93ee28b');
    assert.equal(await jaeger.getTrace('00000000000000000000000000000abc'), undefined, 'v1 answers 404 "trace not found"');
    assert.deepEqual((await jaeger.search({ service: 'other', ...lastHour })).traces, []);
  });

  it('works behind a path prefix, with gzip, and with a forced API version', async () => {
    replay = await startJaegerReplayServer({ apis: ['v3', 'v1'], basePath: '/jaeger', gzip: true });
    assert.deepEqual(await new JaegerTraceSource({ baseUrl: `${replay.url}/` }).services(), ['foo']);
    const v1 = new JaegerTraceSource({ baseUrl: replay.url, apiVersion: 'v1' });
    assert.deepEqual(await v1.services(), ['telemetrygen']);
    assert.equal(await v1.apiVersion(), 'v1');
  });

  it('reads v3 search results streamed one document per line, as older Jaegers send them', async () => {
    replay = await startJaegerReplayServer({ apis: ['v3'], streamSearch: true });
    const found = await new JaegerTraceSource({ baseUrl: replay.url }).search({ service: 'foo', ...lastHour });
    assert.equal(found.traces.length, 1);
    assert.deepEqual(found.skipped, []);
  });

  it('filters v3 results by tags itself (its HTTP gateway cannot)', async () => {
    replay = await startJaegerReplayServer({ apis: ['v3'] });
    const jaeger = new JaegerTraceSource({ baseUrl: replay.url });
    assert.equal((await jaeger.search({ service: 'foo', tags: { 'http.method': 'GET' }, ...lastHour })).traces.length, 0);
  });

  it('sends a bearer token or basic credentials, and explains a 401', async () => {
    replay = await startJaegerReplayServer({ apis: ['v3', 'v1'], authorization: 'Bearer s3cret' });
    assert.deepEqual(await new JaegerTraceSource({ baseUrl: replay.url, auth: { kind: 'bearer', token: 's3cret' } }).services(), ['foo']);
    await rejectsWith(new JaegerTraceSource({ baseUrl: replay.url }).services(), 'unauthorized', /401 Unauthorized: Jaeger \(or a proxy in front of it\) needs credentials/);
    await replay.close();
    replay = await startJaegerReplayServer({ apis: ['v3'], authorization: `Basic ${Buffer.from('ann:pw').toString('base64')}` });
    assert.deepEqual(await new JaegerTraceSource({ baseUrl: replay.url, auth: { kind: 'basic', username: 'ann', password: 'pw' } }).services(), ['foo']);
  });

  it('says when the URL is no Jaeger at all, and asks for a service to search', async () => {
    replay = await startJaegerReplayServer({ apis: [] });
    await rejectsWith(new JaegerTraceSource({ baseUrl: replay.url }).services(), 'not-found', /does not look like Jaeger's query service: neither \/api\/v3\/services nor \/api\/services answered/);
    await rejectsWith(new JaegerTraceSource({ baseUrl: 'http://127.0.0.1:1' }).search({}), 'invalid-query', /need a service/);
    assert.throws(() => new JaegerTraceSource({ baseUrl: 'localhost:16686/x' }), /not an http\(s\) URL|not a URL/);
  });
});

describe('Jaeger client failures', () => {
  const stubs: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(stubs.splice(0).map((stub) => stub.close()));
  });

  async function stub(handler: (response: ServerResponse, path: string) => void): Promise<string> {
    const started = await startStub(handler);
    stubs.push(started);
    return started.url;
  }

  const connect = (baseUrl: string, extra: Partial<JaegerConnection> = {}): JaegerTraceSource => new JaegerTraceSource({ baseUrl, apiVersion: 'v3', ...extra });

  it('unreachable: connection refused, with the usual port as a hint', async () => {
    const closed = await startStub(() => undefined);
    await closed.close();
    await rejectsWith(connect(closed.url).services(), 'unreachable', /connection refused \(is jaeger-query running.*16686/);
  });

  it('an HTML page where JSON was expected (a login proxy), and a redirect to one', async () => {
    const html = await stub((response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Sign in</title>'));
    await rejectsWith(connect(html).services(), 'not-json', /answered with an HTML page \(HTTP 200\) where JSON was expected: a login page or proxy/);
    await rejectsWith(new JaegerTraceSource({ baseUrl: html }).services(), 'not-json', /HTML page/);
    const redirect = await stub((response) => response.writeHead(302, { Location: 'https://sso.example.com/login' }).end());
    await rejectsWith(connect(redirect).services(), 'redirected', /redirected \(302\) to https:\/\/sso.example.com\/login/);
  });

  it('403 and 5xx with Jaeger’s error message', async () => {
    const forbidden = await stub((response) => response.writeHead(403, { 'Content-Type': 'text/plain' }).end('forbidden'));
    await rejectsWith(connect(forbidden).services(), 'forbidden', /403 Forbidden/);
    const failing = await stub((response) => response.writeHead(500, { 'Content-Type': 'text/plain' }).end('{"error":{"httpCode":500,"message":"storage unavailable"}}\n'));
    await rejectsWith(connect(failing).services(), 'server-error', /failed with HTTP 500: storage unavailable/);
  });

  it('oversized and truncated responses', async () => {
    const huge = await stub((response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(`{"services":["${'x'.repeat(200_000)}"]}`);
    });
    await rejectsWith(connect(huge, { maxResponseBytes: 100_000 }).services(), 'too-large', /larger than/);
    const cut = await stub((response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 1000 });
      response.write('{"services":["fo');
      setImmediate(() => response.destroy());
    });
    await rejectsWith(connect(cut).services(), 'truncated', /cut off|incomplete/);
    const endsEarly = await stub((response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"services":["fo'));
    await rejectsWith(connect(endsEarly).services(), 'truncated', /incomplete JSON response/);
  });

  it('https: rejects an untrusted certificate clearly, trusts a given CA, and can skip verification', async () => {
    // A self-signed certificate for 127.0.0.1, made with the system's openssl for this test only.
    const folder = mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-tls-'));
    const key = path.join(folder, 'key.pem');
    const cert = path.join(folder, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"services":["secure"]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await rejectsWith(connect(url).services(), 'unreachable', /TLS certificate of https:\/\/127\.0\.0\.1:\d+ is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
      assert.deepEqual(await connect(url, { tls: { ca: readFileSync(cert, 'utf8') } }).services(), ['secure']);
      assert.deepEqual(await connect(url, { tls: { rejectUnauthorized: false } }).services(), ['secure']);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('times out, and cancels through an AbortSignal', async () => {
    const silent = await stub(() => undefined);
    await rejectsWith(connect(silent, { timeoutMs: 200 }).services(), 'timeout', /did not answer within 0.2 s/);
    const controller = new AbortController();
    const pending = connect(silent).services(controller.signal);
    controller.abort();
    await rejectsWith(pending, 'cancelled', /cancelled/);
    const aborted = new AbortController();
    aborted.abort();
    await rejectsWith(connect(silent).services(aborted.signal), 'cancelled', /cancelled/);
  });
});
