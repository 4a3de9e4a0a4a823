import * as assert from 'node:assert/strict';
import type { ReceiverEndpoint } from '../../../src/core/receiver/receiver';
import { receiverStatusText, recentTraceText } from '../../../src/core/viewer/receiverText';

const stats = { traces: 3, spans: 1234, maxSpans: 100_000, evictedTraces: 0, evictedSpans: 0 };
const otlp: ReceiverEndpoint = { protocol: 'otlp', status: 'listening', host: '127.0.0.1', port: 4318, url: 'http://127.0.0.1:4318/v1/traces' };
const zipkin: ReceiverEndpoint = { protocol: 'zipkin', status: 'listening', host: '127.0.0.1', port: 9411, url: 'http://127.0.0.1:9411/api/v2/spans' };

describe('receiver status text', () => {
  it('shows the span count while listening, with the endpoints in the tooltip', () => {
    const text = receiverStatusText({ enabled: true, endpoints: [otlp, zipkin] }, stats);
    assert.equal(text.state, 'listening');
    assert.equal(text.text, '$(radio-tower) 1,234 spans');
    assert.equal(text.detail, 'OTLP/HTTP :4318, Zipkin :9411 · 1,234 spans');
    assert.match(text.tooltip, /OTLP\/HTTP: listening on http:\/\/127\.0\.0\.1:4318\/v1\/traces/);
    assert.match(text.tooltip, /3 traces, 1,234 spans received/);
  });

  it('says which endpoint failed and why', () => {
    const taken: ReceiverEndpoint = { protocol: 'zipkin', status: 'failed', host: '127.0.0.1', port: 9411, error: 'port 9411 is in use', errorCode: 'port-in-use' };
    const partly = receiverStatusText({ enabled: true, endpoints: [otlp, taken] }, stats);
    assert.equal(partly.state, 'partly');
    assert.match(partly.text, /^\$\(warning\)/);
    assert.match(partly.tooltip, /Zipkin: not listening: port 9411 is in use/);
    const failed = receiverStatusText({ enabled: true, endpoints: [{ ...otlp, status: 'failed', error: 'port 4318 is in use' }, taken] }, stats);
    assert.equal(failed.state, 'failed');
    assert.equal(failed.text, '$(error) Receiver');
    assert.equal(failed.detail, 'not listening: port 4318 is in use');
  });

  it('mentions evicted traces and a receiver turned off', () => {
    assert.match(receiverStatusText({ enabled: true, endpoints: [otlp] }, { ...stats, evictedTraces: 7 }).tooltip, /7 older traces dropped to stay within 100,000 spans/);
    const off = receiverStatusText({ enabled: false, endpoints: [] }, stats);
    assert.deepEqual([off.state, off.detail], ['stopped', 'off (traceStitch.receiver.enabled)']);
  });
});

describe('recent trace text', () => {
  it('names the root and sums up spans, errors and duration', () => {
    const text = recentTraceText({
      traceId: 'ab',
      rootService: 'frontend',
      rootOperation: 'GET /checkout',
      spanCount: 12,
      errorCount: 1,
      startNs: 0,
      durationNs: 35_200_000,
      services: [{ service: 'frontend', spans: 10, errors: 1 }, { service: 'payments', spans: 2, errors: 0 }],
      broken: 'broken off a trace of orders',
    });
    assert.deepEqual(text, {
      label: 'frontend: GET /checkout',
      description: '12 spans · 1 error · 35.2ms',
      tooltip: 'Trace ab\nServices: frontend, payments\nBroken: broken off a trace of orders',
    });
  });
});
