import * as assert from 'node:assert/strict';
import { buildSpanTree } from '../../../src/core/analysis/spanTree';
import type { Span, SpanKind } from '../../../src/core/model/trace';
import type { ReceiverProtocol } from '../../../src/core/receiver/receiver';
import { startTestReceiver, type RunningReceiver } from '../../support/receiverHarness';
import { startTracedService, type TracedService } from '../../support/tracedServiceProcess';
import type { ExporterKind, ReportedSpan } from '../../support/tracedServiceProtocol';

/** @opentelemetry/api SpanKind values: INTERNAL 0, SERVER 1, CLIENT 2, PRODUCER 3, CONSUMER 4. */
const apiKinds: readonly SpanKind[] = ['internal', 'server', 'client', 'producer', 'consumer'];

const exporters: readonly { kind: ExporterKind; protocol: ReceiverProtocol }[] = [
  { kind: 'otlp-http', protocol: 'otlp' },
  { kind: 'otlp-proto', protocol: 'otlp' },
  { kind: 'zipkin', protocol: 'zipkin' },
];

describe('Real OpenTelemetry exporters → built-in receiver', function () {
  this.timeout(60_000);
  let running: RunningReceiver;
  let service: TracedService | undefined;

  beforeEach(async () => {
    running = await startTestReceiver();
  });

  afterEach(async () => {
    await service?.stop();
    service = undefined;
    await running.stop();
  });

  for (const { kind, protocol } of exporters) {
    it(`${kind}: every span an instrumented Node service records arrives, traces whole`, async () => {
      service = await startTracedService({ service: 'orders', exporter: kind, endpoint: running.url(protocol) });
      await service.work([
        { url: `${service.url}/leaf`, mode: 'propagate' },
        { url: `${service.url}/leaf`, mode: 'propagate' },
      ]);
      await service.work([{ url: `${service.url}/fail`, mode: 'propagate' }]);
      assert.equal(await service.get('/fail'), 500);
      const reported = await service.flush();
      assert.ok(reported.length >= 10, `the service recorded only ${reported.length} spans`);
      await running.waitForSpans(reported.length);

      const byTrace = new Map<string, ReportedSpan[]>();
      for (const span of reported) byTrace.set(span.traceId, [...(byTrace.get(span.traceId) ?? []), span]);
      assert.equal(running.store.stats.traces, byTrace.size);
      assert.equal(running.store.stats.spans, reported.length);
      for (const [traceId, expectedSpans] of byTrace) {
        const trace = running.store.get(traceId);
        assert.ok(trace, `trace ${traceId} did not arrive`);
        assert.deepEqual(trace.spans.map((span) => span.spanId).sort(), expectedSpans.map((span) => span.spanId).sort());
        const tree = buildSpanTree(trace);
        assert.equal(tree.rootIndices.length, 1, 'one root');
        assert.deepEqual(tree.orphanIndices, [], 'no orphans');
        for (const expected of expectedSpans) {
          const span: Span | undefined = trace.spans.find((candidate) => candidate.spanId === expected.spanId);
          assert.ok(span);
          assert.equal(span.parentSpanId, expected.parentSpanId);
          assert.equal(span.name, expected.name);
          assert.equal(span.service, 'orders');
          const expectedKind = apiKinds[expected.kind] ?? 'internal';
          assert.equal(span.kind, kind === 'zipkin' && expectedKind === 'internal' ? 'unspecified' : expectedKind);
          // Zipkin carries microseconds; OTLP carries the exact nanoseconds.
          if (kind === 'zipkin') assert.ok(Math.abs(span.durationNs - expected.durationNs) <= 1000, `${span.durationNs} vs ${expected.durationNs}`);
          else assert.equal(span.durationNs, expected.durationNs);
          assert.equal(span.status.code === 'error', expected.statusCode === 2, `status of ${span.name}`);
          for (const [key, value] of Object.entries(expected.attributes)) {
            // Zipkin tags are strings.
            assert.deepEqual(span.attributes[key], kind === 'zipkin' ? String(value) : value, `attribute ${key} of ${span.name}`);
          }
          assert.deepEqual(
            span.events.map((event) => event.name),
            expected.events,
          );
          if (kind !== 'zipkin') assert.equal(span.resource['host.name'], 'test-host');
        }
      }
      const internal = reported.find((span) => span.name === 'handle work');
      assert.ok(internal, 'the manual span was recorded');
      assert.ok(
        reported.some((span) => span.kind === 2) && reported.some((span) => span.kind === 1),
        'client and server spans from the http instrumentation',
      );
    });
  }
});
