import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { TraceStitchApi } from '../../../src/extension';
import type { ReceiverState } from '../../../src/features/receiver/activate';
import { activeExtension } from '../extension';
import { waitForEvent } from '../waitFor';

async function api(): Promise<TraceStitchApi> {
  const extension = await activeExtension();
  return extension.exports as TraceStitchApi;
}

function post(url: string, contentType: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', headers: { 'Content-Type': contentType } }, (response) => {
      response.resume();
      response.on('end', () => {
        resolve(response.statusCode ?? 0);
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function endpointUrl(state: ReceiverState, protocol: 'otlp' | 'zipkin'): string {
  const endpoint = state.endpoints.find((candidate) => candidate.protocol === protocol);
  assert.equal(endpoint?.status, 'listening', `the ${protocol} endpoint is not listening: ${endpoint?.error ?? 'no endpoint'}`);
  assert.ok(endpoint.url);
  return endpoint.url;
}

function waitForState(feature: TraceStitchApi['receiver'], ready: (state: ReceiverState) => boolean, what: string): Promise<ReceiverState> {
  return waitForEvent(feature.onDidChangeState, () => (ready(feature.state) ? feature.state : undefined), what, 15_000);
}

const receiverSettings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('traceStitch.receiver');

describe('Built-in receiver in the extension host', () => {
  afterEach(async () => {
    // Back to the test user settings' free ports.
    await receiverSettings().update('otlpPort', undefined, vscode.ConfigurationTarget.Workspace);
    await receiverSettings().update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
    const { receiver } = await api();
    await waitForState(receiver, (state) => state.enabled && state.endpoints.every((endpoint) => endpoint.status === 'listening'), 'the receiver to listen again');
  });

  it('starts on activation, on the configured host, and stores spans posted as OTLP JSON and Zipkin JSON', async () => {
    const { receiver } = await api();
    const state = await receiver.whenSettled();
    const otlp = endpointUrl(state, 'otlp');
    assert.match(otlp, /^http:\/\/127\.0\.0\.1:\d+\/v1\/traces$/);
    const traceId = '5b8efff798038103d269b633813fc60c';
    const arrived = waitForEvent(receiver.onDidUpdateTrace, () => receiver.store.get(traceId), `trace ${traceId} in the store`);
    const document = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'checkout' } }] },
          scopeSpans: [
            {
              spans: [
                { traceId, spanId: 'eee19b7ec3c1b174', name: 'POST /orders', kind: 2, startTimeUnixNano: '1544712660000000000', endTimeUnixNano: '1544712660300000000' },
                { traceId, spanId: 'eee19b7ec3c1b175', parentSpanId: 'eee19b7ec3c1b174', name: 'GET', kind: 3, startTimeUnixNano: '1544712660100000000', endTimeUnixNano: '1544712660200000000' },
              ],
            },
          ],
        },
      ],
    };
    assert.equal(await post(otlp, 'application/json', JSON.stringify(document)), 200);
    const trace = await arrived;
    assert.deepEqual(
      trace.spans.map((span) => [span.name, span.kind, span.service]),
      [
        ['POST /orders', 'server', 'checkout'],
        ['GET', 'client', 'checkout'],
      ],
    );
    const found = await receiver.source.search({ service: 'checkout', startMs: 0, endMs: Date.now() });
    assert.equal(found.traces[0]?.traceId, traceId);

    const zipkinTrace = '00000000000000000000000000000a01';
    const zipkinArrived = waitForEvent(receiver.onDidUpdateTrace, () => receiver.store.get(zipkinTrace), 'the Zipkin trace');
    const zipkinSpans = [{ traceId: zipkinTrace, id: '0000000000000b01', name: 'get', kind: 'SERVER', timestamp: 1_700_000_000_000_000, duration: 1500, localEndpoint: { serviceName: 'frontend' } }];
    assert.equal(await post(endpointUrl(state, 'zipkin'), 'application/json', JSON.stringify(zipkinSpans)), 202);
    assert.equal((await zipkinArrived).spans[0]?.service, 'frontend');
  });

  it('reports a taken port without failing, keeps the other endpoint, and recovers when the setting changes', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const { receiver } = await api();
      await receiverSettings().update('otlpPort', taken, vscode.ConfigurationTarget.Workspace);
      const state = await waitForState(receiver, (current) => current.endpoints.some((endpoint) => endpoint.port === taken && endpoint.status === 'failed'), 'the OTLP endpoint to fail on the taken port');
      const otlp = state.endpoints.find((endpoint) => endpoint.protocol === 'otlp');
      assert.equal(otlp?.errorCode, 'port-in-use');
      assert.match(otlp.error ?? '', new RegExp(`port ${taken} on 127.0.0.1 is already in use`));
      endpointUrl(state, 'zipkin');
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('traceStitch.openViewer'), 'the extension is still up');
    } finally {
      blocker.close();
    }
  });

  it('stops when disabled and starts again when enabled', async () => {
    const { receiver } = await api();
    await receiverSettings().update('enabled', false, vscode.ConfigurationTarget.Workspace);
    const off = await waitForState(receiver, (state) => !state.enabled, 'the receiver to stop');
    assert.deepEqual(off.endpoints, []);
  });
});
