import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/run';
import { captureStreams } from '../../support/cliStreams';

/** The orders service as mesh services are written: the call to inventory drops the incoming trace headers. */
const ordersApp = `import requests
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/api/orders/<order_id>")
def get_order(order_id):
    audit = requests.post("http://audit:8080/events", headers={"traceparent": request.headers.get("traceparent", "")})
    stock = requests.get(f"http://inventory:8080/stock/{order_id}", timeout=2)
    return jsonify({"id": order_id, "inStock": stock.ok, "audited": audit.ok})
`;

const ms = 1_000_000;
const start = 1_763_700_000_000 * ms;

function otlpSpan(traceId: string, spanId: string, parentSpanId: string, name: string, kind: number, from: number, to: number, attributes: Record<string, string>): object {
  return {
    traceId,
    spanId,
    ...(parentSpanId ? { parentSpanId } : {}),
    name,
    kind,
    startTimeUnixNano: String(start + from * ms),
    endTimeUnixNano: String(start + to * ms),
    attributes: Object.entries(attributes).map(([key, value]) => ({ key, value: { stringValue: value } })),
  };
}

function resourceSpans(service: string, spans: object[]): object {
  return { resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] }, scopeSpans: [{ scope: { name: 'envoy' }, spans }] };
}

/** The Istio shape: orders' sidecar found no context on the outbound call and started a new trace. */
const traces = {
  resourceSpans: [
    resourceSpans('orders', [
      otlpSpan('a'.repeat(32), '1'.repeat(16), '', 'orders.default.svc.cluster.local:8080/*', 2, 0, 40, { 'http.url': 'http://orders.default.svc.cluster.local:8080/api/orders/1001', 'http.method': 'GET' }),
      otlpSpan('b'.repeat(32), '2'.repeat(16), '', 'inventory.default.svc.cluster.local:8080/*', 3, 10, 30, { 'http.url': 'http://inventory:8080/stock/1001', 'http.method': 'GET' }),
    ]),
    resourceSpans('inventory', [
      otlpSpan('b'.repeat(32), '3'.repeat(16), '2'.repeat(16), 'inventory.default.svc.cluster.local:8080/*', 2, 11, 29, { 'http.url': 'http://inventory.default.svc.cluster.local:8080/stock/1001', 'http.method': 'GET' }),
    ]),
  ],
};

interface Report {
  readonly brokenLinks: readonly { from: string; to: string; shape: string; callSite?: { file: string; line: number } }[];
}

describe('trace-stitch analyze --workspace', () => {
  let folder = '';
  let previous = '';

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-analyze-ws-'));
    mkdirSync(path.join(folder, 'shop', 'services', 'orders'), { recursive: true });
    writeFileSync(path.join(folder, 'shop', 'services', 'orders', 'app.py'), ordersApp);
    writeFileSync(path.join(folder, 'traces.json'), JSON.stringify(traces));
    previous = process.cwd();
    process.chdir(folder);
  });

  after(() => {
    process.chdir(previous);
    rmSync(folder, { recursive: true, force: true });
  });

  it('adds the offending call site, relative to the working directory, to the broken link', async () => {
    const io = captureStreams();
    assert.equal(await runCli(['analyze', 'traces.json', '--workspace', 'shop', '--format', 'json'], io.streams), 0, io.stderr());
    const report = JSON.parse(io.stdout()) as Report;
    assert.equal(report.brokenLinks.length, 1);
    const [link] = report.brokenLinks;
    assert.equal(link?.shape, 'client-root');
    assert.deepEqual([link.from, link.to], ['orders', 'inventory']);
    assert.deepEqual(link.callSite, { file: 'shop/services/orders/app.py', line: 10 });
  });

  it('names the call site in the text report too', async () => {
    const io = captureStreams();
    await runCli(['analyze', 'traces.json', '--workspace', 'shop'], io.streams);
    assert.match(io.stdout(), /call site: shop\/services\/orders\/app\.py:10 \(drops the trace context/);
  });

  it('leaves callSite out without --workspace, and when the code shows no such call', async () => {
    const without = captureStreams();
    await runCli(['analyze', 'traces.json', '--format', 'json'], without.streams);
    assert.equal((JSON.parse(without.stdout()) as Report).brokenLinks[0]?.callSite, undefined);
    mkdirSync(path.join(folder, 'empty'));
    const elsewhere = captureStreams();
    await runCli(['analyze', 'traces.json', '--workspace', 'empty', '--format', 'json'], elsewhere.streams);
    assert.equal((JSON.parse(elsewhere.stdout()) as Report).brokenLinks[0]?.callSite, undefined);
  });

  it('refuses a --workspace that is not a folder', async () => {
    const io = captureStreams();
    assert.equal(await runCli(['analyze', 'traces.json', '--workspace', 'traces.json'], io.streams), 2);
    assert.match(io.stderr(), /--workspace traces\.json is not a folder/);
  });
});
