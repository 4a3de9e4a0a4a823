import * as assert from 'node:assert/strict';
import { hrTimeToNanoseconds } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { parseOtlpProtobuf } from '../../../src/core/formats/otlpProtobuf';
import type { Span } from '../../../src/core/model/trace';
import { exportProtobufBody } from '../../support/protobufExport';
import { recordSdkSpans } from '../../support/sdkSpans';

describe('OTLP protobuf decoder', () => {
  let sdkSpans: ReadableSpan[];
  let body: Buffer;

  before(async () => {
    sdkSpans = await recordSdkSpans();
    body = await exportProtobufBody(sdkSpans);
  });

  it('decodes bytes from @opentelemetry/exporter-trace-otlp-proto into the same spans the SDK recorded', () => {
    const result = parseOtlpProtobuf(body, 'request');
    assert.deepEqual(result.skipped, []);
    assert.deepEqual(result.formats, ['otlp']);
    const decoded = result.traces.flatMap((trace) => trace.spans);
    assert.equal(decoded.length, sdkSpans.length);
    for (const expected of sdkSpans) {
      const span = decoded.find((candidate) => candidate.spanId === expected.spanContext().spanId);
      assert.ok(span, `span ${expected.name} missing`);
      assert.equal(span.traceId, expected.spanContext().traceId);
      assert.equal(span.parentSpanId, expected.parentSpanContext?.spanId);
      assert.equal(span.name, expected.name);
      assert.equal(span.service, 'checkout');
      assert.equal(span.resource['host.name'], 'test-host');
      assert.deepEqual(span.scope, { name: 'trace-stitch-tests', version: '1.2.3' });
      const exactDuration = (expected.endTime[0] - expected.startTime[0]) * 1e9 + (expected.endTime[1] - expected.startTime[1]);
      assert.equal(span.durationNs, exactDuration);
      assert.ok(Math.abs(span.startNs - hrTimeToNanoseconds(expected.startTime)) < 1024, 'start time within double precision');
      assert.deepEqual(span.attributes, expected.attributes);
      assert.deepEqual(
        span.events.map((event) => [event.name, event.attributes]),
        expected.events.map((event) => [event.name, event.attributes ?? {}]),
      );
    }
  });

  it('keeps kinds, status, links and 64-bit integers', () => {
    const decoded = parseOtlpProtobuf(body, 'request').traces.flatMap((trace) => trace.spans);
    const byName = (name: string): Span => {
      const span = decoded.find((candidate) => candidate.name === name);
      assert.ok(span, name);
      return span;
    };
    assert.equal(byName('GET').kind, 'client');
    assert.deepEqual(byName('GET').status, { code: 'error', message: 'upstream failed' });
    assert.equal(byName('GET').attributes['big.number'], 2 ** 40);
    assert.equal(byName('POST /orders').kind, 'server');
    assert.equal(byName('background-job').kind, 'internal');
    const [link] = byName('POST /orders').links;
    assert.equal(link?.spanId, byName('background-job').spanId);
    assert.equal(link.relation, 'link');
    assert.deepEqual(link.attributes, { 'link.reason': 'batch' });
  });

  it('reports a truncated body with the byte offset instead of throwing', () => {
    const result = parseOtlpProtobuf(body.subarray(0, body.length - 7), 'truncated');
    assert.equal(result.traces.length, 0);
    assert.equal(result.skipped.length, 1);
    assert.match(result.skipped[0]?.reason ?? '', /not a valid OTLP protobuf ExportTraceServiceRequest: .* at byte \d+/);
    assert.equal(result.skipped[0]?.source, 'truncated');
  });

  it('rejects bytes that are not protobuf at all', () => {
    const result = parseOtlpProtobuf(Buffer.from('{"resourceSpans": []}'), 'json-as-protobuf');
    assert.equal(result.traces.length, 0);
    assert.match(result.skipped[0]?.reason ?? '', /not a valid OTLP protobuf/);
  });

  it('decodes an empty request as no spans', () => {
    const result = parseOtlpProtobuf(new Uint8Array(0), 'empty');
    assert.deepEqual(result.traces, []);
    assert.deepEqual(result.skipped, []);
  });
});
