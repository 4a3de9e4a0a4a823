import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Span, Trace } from '../../../src/core/model/trace';
import { sharedFixturesDir } from '../../support/fixtures';
import { parseFixture, spanlessApiFixtures, traceFixtures } from '../../support/traceFixtures';

function allSpans(relative: string): Span[] {
  return parseFixture(relative).traces.flatMap((trace) => trace.spans);
}

function spanNamed(spans: readonly Span[], predicate: (span: Span) => boolean, what: string): Span {
  const span = spans.find(predicate);
  assert.ok(span, `no span ${what}`);
  return span;
}

describe('Trace fixtures parse into the counts SOURCES.md gives', () => {
  it('lists every Jaeger, OTLP and Zipkin fixture file (none left untested)', () => {
    const root = sharedFixturesDir();
    const onDisk = ['zipkin', 'jaeger', 'jaeger-ui', 'otlp'].flatMap((folder) =>
      readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name))),
    );
    const known = new Set([...traceFixtures.map((fixture) => fixture.file), ...spanlessApiFixtures]);
    assert.deepEqual(onDisk.filter((file) => !known.has(file)).sort(), []);
    assert.equal(onDisk.length, known.size);
  });

  for (const fixture of traceFixtures) {
    it(`${fixture.file}: ${fixture.spans} span(s) in ${fixture.traces} trace(s), ${fixture.format}`, () => {
      const result = parseFixture(fixture.file);
      assert.deepEqual(result.skipped, []);
      assert.deepEqual(result.formats, [fixture.format]);
      assert.equal(result.traces.length, fixture.traces);
      assert.equal(
        result.traces.reduce((sum, trace) => sum + trace.spans.length, 0),
        fixture.spans,
      );
      for (const trace of result.traces) {
        for (const span of trace.spans) {
          assert.match(span.traceId, /^([0-9a-f]{16}|[0-9a-f]{32})$/);
          assert.match(span.spanId, /^[0-9a-f]{16}$/);
          assert.equal(span.traceId, trace.traceId);
          assert.ok(Number.isFinite(span.startNs) && Number.isFinite(span.durationNs) && span.durationNs >= 0);
        }
        const starts = trace.spans.map((span) => span.startNs);
        assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'spans are in start order');
        assert.doesNotThrow(() => JSON.stringify(trace));
      }
    });
  }

  for (const file of spanlessApiFixtures) {
    it(`${file}: yields no traces and says why`, () => {
      const result = parseFixture(file);
      assert.equal(result.traces.length, 0);
      assert.equal(result.skipped.length, 1);
      assert.equal(result.skipped[0]?.source, file);
      assert.match(result.skipped[0].reason, /not traces/);
    });
  }
});

describe('Jaeger JSON details', () => {
  it('follows every reference: first CHILD_OF in the trace is the parent, the others become links', () => {
    const spans = allSpans('jaeger/converter/ui_01.json');
    const referencing = spanNamed(spans, (span) => span.spanId === '0000000000000004', '4');
    assert.equal(referencing.parentSpanId, '0000000000000002');
    assert.deepEqual(
      referencing.links.map((link) => [link.traceId, link.spanId, link.relation]),
      [
        ['00000000000000ff', '00000000000000ff', 'child_of'],
        ['0000000000000001', '0000000000000002', 'follows_from'],
      ],
    );
  });

  it('reads the protobuf JSON form: base64 ids, RFC 3339 times with nanoseconds, "5000ns" durations, vType tags', () => {
    const spans = allSpans('jaeger/converter/domain_01.json');
    const [first] = spans;
    assert.equal(first?.traceId, '00000000000000000000000000000001');
    assert.equal(first.durationNs, 5000);
    // 16:46:31.639875139-05:00: whole seconds times 1e9 is exact, plus the nanoseconds rounds once.
    assert.equal(first.startNs, (Date.parse('2017-01-26T21:46:31Z') / 1000) * 1e9 + 639875139);
    const tagged = spanNamed(spans, (span) => 'peer.service' in span.attributes, 'with tags');
    assert.deepEqual(tagged.attributes, {
      'peer.service': 'service-y',
      'peer.ipv4': 23456,
      error: true,
      temperature: 72.5,
      javascript_limit: 9223372036854775000,
      blob: 'AAAwOQ==',
    });
    assert.equal(tagged.status.code, 'error', 'error=true marks the span as failed');
    const warned = spanNamed(spans, (span) => span.spanId === '0000000000000004', '4');
    assert.deepEqual(warned.warnings, ['some span warning']);
    assert.deepEqual(parseFixture('jaeger/converter/domain_01.json').traces[0]?.warnings, ['some trace warning']);
  });

  it('keeps an int64 tag beyond 2^53 exact as a string, and maps processes to services and resources', () => {
    const result = parseFixture('jaeger/converter/ui_01.json');
    const spans = result.traces[0]?.spans ?? [];
    const tagged = spanNamed(spans, (span) => 'javascript_limit' in span.attributes, 'with the int64 tag');
    assert.equal(tagged.attributes.javascript_limit, '9223372036854775222');
    assert.deepEqual(
      spans.map((span) => span.service),
      ['service-x', 'service-x', 'service-y', 'service-y', 'service-y'],
    );
    assert.deepEqual(result.traces[0]?.warnings, ['some trace warning']);
    const hosted = allSpans('jaeger-ui/TraceGraph/testTrace.json')[0];
    assert.equal(hosted?.resource.hostname, 'foobar.org');
    assert.equal(hosted.resource['service.name'], hosted.service);
  });

  it('turns logs into events (the "event" field names them) and span.kind / otel.status_code into fields', () => {
    const es = allSpans('jaeger/converter/es_01.json')[0];
    assert.deepEqual(
      es?.events.map((event) => [event.name, event.attributes]),
      [
        ['log', { event: 123415 }],
        ['log', { x: 'y' }],
      ],
    );
    const query = allSpans('jaeger/query/otlp2jaeger-out.json')[0];
    assert.equal(query?.kind, 'server');
    assert.deepEqual(query.scope, { name: 'telemetrygen' });
    assert.equal('span.kind' in query.attributes, false);
    const logged = allSpans('jaeger/converter/domain_01.json')[0];
    assert.deepEqual(logged?.events.map((event) => event.name), ['some-event', 'log']);
  });

  it('unwraps the Jaeger UI fetch-state wrapper {id, state, data}', () => {
    const result = parseFixture('jaeger-ui/TraceFlamegraph/testTrace.json');
    assert.equal(result.traces[0]?.spans.length, 4);
    assert.ok(result.traces[0].spans.every((span) => span.service === 'ride-sharing-app' || span.service !== ''));
  });
});

describe('OTLP JSON details', () => {
  it('lowercases uppercase hex ids and keeps scope and resource', () => {
    const [span] = allSpans('otlp/opentelemetry-proto-example-trace.json');
    assert.equal(span?.traceId, '5b8efff798038103d269b633813fc60c');
    assert.equal(span.spanId, 'eee19b7ec3c1b174');
    assert.equal(span.parentSpanId, 'eee19b7ec3c1b173');
    assert.equal(span.kind, 'server');
    assert.equal(span.service, 'my.service');
    assert.deepEqual(span.scope, { name: 'my.library', version: '1.0.0' });
    assert.equal(span.durationNs, 1e9);
  });

  it('reads events, links, status and all attribute types', () => {
    const spans = allSpans('otlp/otel_traces_01.json');
    assert.ok(spans.every((span) => span.status.code === 'error'));
    assert.ok(spans.every((span) => span.events.length === 2 && span.links.length === 2));
    assert.deepEqual(new Set(spans.map((span) => span.kind)), new Set(['server', 'client', 'producer', 'consumer']));
    const first = spanNamed(spans, (span) => span.name === 'test-general-conversion-2', 'test-general-conversion-2');
    assert.deepEqual(first.attributes, { 'peer.service': 'service-y', 'peer.ipv4': 23456, blob: 'AAAwOQ==', temperature: 72.5 });
    assert.equal(first.durationNs, 5000);
    assert.deepEqual(first.events[0], { timeNs: 1485467191639875000, name: 'testing-event', attributes: { 'event-x': 'event-y' } });
  });

  it('gives spans of a resource without service.name the OTLP default service', () => {
    assert.equal(allSpans('jaeger-ui/otlp-upload/otlp2jaeger-in-error.json')[0]?.service, 'unknown_service');
  });

  it('reads JSON Lines (one OTLP document per line) into one trace', () => {
    const result = parseFixture('jaeger-ui/otlp-upload/otlp2jaeger-multi-in.json.txt');
    const combined = parseFixture('jaeger-ui/otlp-upload/otlp2jaeger-multi-in-combined.json');
    assert.deepEqual(
      result.traces.map((trace: Trace) => trace.spans.map((span) => span.spanId)),
      combined.traces.map((trace: Trace) => trace.spans.map((span) => span.spanId)),
    );
  });

  it('reads Jaeger API v3 {result: {resourceSpans}} even without times, saying so on the span', () => {
    const [span] = allSpans('jaeger/apiv3-snapshots/GetTrace.json');
    assert.equal(span?.name, 'foobar');
    assert.equal(span.status.code, 'error');
    assert.equal(span.service, 'unknown_service');
    assert.deepEqual(span.warnings, ['no start time (startTimeUnixNano)']);
  });
});

describe('Zipkin v2 details', () => {
  it('splits shared client/server spans: the server half gets its own id under the client', () => {
    const spans = allSpans('zipkin/ascend.json');
    const client = spanNamed(spans, (span) => span.spanId === 'ecc00062ceef4bf0', 'client half');
    const server = spanNamed(spans, (span) => span.parentSpanId === 'ecc00062ceef4bf0' && span.kind === 'server', 'server half');
    assert.equal(client.kind, 'client');
    assert.equal(client.service, 'mobile-gateway');
    assert.equal(server.service, 'content-service');
    assert.notEqual(server.spanId, client.spanId);
    const downstream = spanNamed(spans, (span) => span.spanId === 'c21c6c51ac71b3ba', 'content-service call');
    assert.equal(downstream.parentSpanId, server.spanId, 'children of the shared id move under the server half');
    assert.equal(new Set(spans.map((span) => span.spanId)).size, spans.length, 'ids are unique after the split');
  });

  it('places spans without timestamps and says so', () => {
    const spans = allSpans('zipkin/smartthings-mobile-web-install.json');
    const placed = spans.filter((span) => span.warnings.some((warning) => warning.startsWith('no timestamp')));
    assert.equal(placed.length, 84);
    const incomplete = spans.filter((span) => span.warnings.includes('no duration (the span may be incomplete)'));
    assert.equal(incomplete.length, 175);
    assert.equal(new Set(spans.map((span) => span.service)).size, 16);
  });

  it('keeps 128-bit trace ids, endpoints, annotations and error tags', () => {
    const messaging = allSpans('zipkin/messaging.json');
    assert.ok(messaging.every((span) => span.traceId.length === 32));
    const withRemote = spanNamed(messaging, (span) => 'network.peer.address' in span.attributes || 'peer.service' in span.attributes, 'with a remote endpoint');
    assert.ok(withRemote);
    const annotated = spanNamed(allSpans('zipkin/smartthings-mobile-web-install.json'), (span) => span.events.length === 3, 'annotated');
    assert.deepEqual(annotated.events.map((event) => event.name), ['Body Part Received', 'Headers Received', 'Status Received']);
    const kafka = allSpans('zipkin/messaging-kafka.json');
    assert.ok(kafka.some((span) => span.status.code === 'error'));
    assert.deepEqual(new Set(kafka.map((span) => span.kind)), new Set(['producer', 'consumer', 'unspecified']));
    const envoy = allSpans('zipkin/envoy.json')[0];
    assert.equal(envoy?.service, 'unknown_service');
    assert.equal(envoy.resource['host.ip'], '169.254.65.45');
    assert.equal(envoy.attributes['http.url'], 'http://www.google.com/');
  });
});
