import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTraces } from '../../src/core/formats/parseTraces';
import type { ParseResult, TraceFormat } from '../../src/core/formats/parseResult';
import { sharedFixturesDir } from './fixtures';

/** A trace fixture and the span/trace counts SOURCES.md gives for it. */
export interface TraceFixture {
  readonly file: string;
  readonly format: TraceFormat;
  readonly spans: number;
  readonly traces: number;
}

const jaegerUiStatistics: readonly [string, number][] = [
  ['spanAmongEachOtherGroupedAndSpans.json', 17],
  ['spanLongerAsParent.json', 8],
  ['spansAmongEachOther.json', 12],
  ['spansAmongEachOtherGrouped.json', 15],
  ['testTraceNormal.json', 5],
  ['traceWithMultipleSpansWithTheSameValueInDifferentTags.json', 4],
  ['traceWithOverlappingChildren.json', 3],
  ['traceWithOverlappingChildrenLongerThanParent.json', 4],
  ['traceWithSingleChildLongerThanParentAndStartsAfterParent.json', 2],
  ['traceWithThreeShortChildren.json', 4],
  ['traceWithThreeShortOverlappingChildren.json', 4],
  ['traceWithTwoChildrenStartedAtTraceStart.json', 3],
  ['traceWithTwoNonOverlappingChildren.json', 3],
];

const jaegerIntegrationTraces: readonly [string, number][] = [
  ['default.json', 1],
  ['dur_trace.json', 1],
  ['example_trace.json', 5],
  ['link_attributes_trace.json', 1],
  ['log_tags_trace.json', 1],
  ['max_dur_trace.json', 1],
  ['multi_index_trace.json', 2],
  ['multi_spot_tags_trace.json', 1],
  ['multiple1_trace.json', 1],
  ['multiple2_trace.json', 1],
  ['multiple3_trace.json', 1],
  ['multispottag_dur_trace.json', 1],
  ['multispottag_maxdur_trace.json', 1],
  ['multispottag_opname_dur_trace.json', 1],
  ['multispottag_opname_maxdur_trace.json', 1],
  ['multispottag_opname_trace.json', 1],
  ['opname_dur_trace.json', 1],
  ['opname_maxdur_trace.json', 2],
  ['opname_trace.json', 1],
  ['process_tags_trace.json', 1],
  ['scope_attributes_trace.json', 1],
  ['scope_name_version_trace.json', 1],
  ['span_tags_trace.json', 1],
  ['tags_dur_trace.json', 1],
  ['tags_escaped_operator_trace_1.json', 1],
  ['tags_escaped_operator_trace_2.json', 1],
  ['tags_maxdur_trace.json', 1],
  ['tags_opname_dur_trace.json', 1],
  ['tags_opname_maxdur_trace.json', 1],
  ['tags_opname_trace.json', 1],
  ['tags_wildcard_regex_1.json', 1],
  ['tags_wildcard_regex_2.json', 1],
];

/** Every trace-bearing fixture of the shared set, with its expected counts (from SOURCES.md). */
export const traceFixtures: readonly TraceFixture[] = [
  { file: 'zipkin/ascend.json', format: 'zipkin', spans: 8, traces: 1 },
  { file: 'zipkin/envoy.json', format: 'zipkin', spans: 1, traces: 1 },
  { file: 'zipkin/messaging-kafka.json', format: 'zipkin', spans: 28, traces: 1 },
  { file: 'zipkin/messaging.json', format: 'zipkin', spans: 4, traces: 1 },
  { file: 'zipkin/messaging2.json', format: 'zipkin', spans: 11, traces: 1 },
  { file: 'zipkin/simple-db-p6.json', format: 'zipkin', spans: 5, traces: 1 },
  { file: 'zipkin/skew.json', format: 'zipkin', spans: 4, traces: 1 },
  { file: 'zipkin/smartthings-mobile-web-install.json', format: 'zipkin', spans: 1041, traces: 1 },
  { file: 'zipkin/smartthings-oauth-authorization.json', format: 'zipkin', spans: 175, traces: 1 },
  { file: 'zipkin/yelp.json', format: 'zipkin', spans: 16, traces: 1 },
  { file: 'jaeger/converter/domain_01.json', format: 'jaeger', spans: 5, traces: 1 },
  { file: 'jaeger/converter/domain_es_01.json', format: 'jaeger', spans: 1, traces: 1 },
  { file: 'jaeger/converter/es_01.json', format: 'jaeger', spans: 1, traces: 1 },
  { file: 'jaeger/converter/ui_01.json', format: 'jaeger', spans: 5, traces: 1 },
  { file: 'jaeger/query/otlp2jaeger-in.json', format: 'otlp', spans: 2, traces: 1 },
  { file: 'jaeger/query/otlp2jaeger-out.json', format: 'jaeger', spans: 2, traces: 1 },
  { file: 'jaeger/apiv3-snapshots/FindTraces.json', format: 'otlp', spans: 1, traces: 1 },
  { file: 'jaeger/apiv3-snapshots/GetTrace.json', format: 'otlp', spans: 1, traces: 1 },
  ...jaegerIntegrationTraces.map(([name, spans]): TraceFixture => ({ file: `jaeger/integration-traces/${name}`, format: 'otlp', spans, traces: 1 })),
  { file: 'otlp/otel_traces_01.json', format: 'otlp', spans: 4, traces: 2 },
  { file: 'otlp/opentelemetry-proto-example-trace.json', format: 'otlp', spans: 1, traces: 1 },
  ...jaegerUiStatistics.map(([name, spans]): TraceFixture => ({ file: `jaeger-ui/TraceStatistics/${name}`, format: 'jaeger', spans, traces: 1 })),
  { file: 'jaeger-ui/TraceGraph/testTrace.json', format: 'jaeger', spans: 11, traces: 1 },
  { file: 'jaeger-ui/TraceFlamegraph/testTrace.json', format: 'jaeger', spans: 4, traces: 1 },
  { file: 'jaeger-ui/TraceTimelineViewer/genaiTestTrace.json', format: 'jaeger', spans: 57, traces: 1 },
  { file: 'jaeger-ui/otlp-upload/oltp2jaeger-multi-out.json', format: 'jaeger', spans: 4, traces: 1 },
  { file: 'jaeger-ui/otlp-upload/otlp2jaeger-in-error.json', format: 'otlp', spans: 1, traces: 1 },
  { file: 'jaeger-ui/otlp-upload/otlp2jaeger-in.json', format: 'otlp', spans: 2, traces: 1 },
  { file: 'jaeger-ui/otlp-upload/otlp2jaeger-multi-in-combined.json', format: 'otlp', spans: 4, traces: 1 },
  { file: 'jaeger-ui/otlp-upload/otlp2jaeger-multi-in.json.txt', format: 'otlp', spans: 4, traces: 1 },
  { file: 'jaeger-ui/otlp-upload/otlp2jaeger-out.json', format: 'jaeger', spans: 2, traces: 1 },
];

/** Fixtures that are Jaeger API responses without spans. */
export const spanlessApiFixtures: readonly string[] = [
  'jaeger/apiv3-snapshots/FindTraceSummaries.json',
  'jaeger/apiv3-snapshots/GetOperations.json',
  'jaeger/apiv3-snapshots/GetServices.json',
];

export function fixturePath(relative: string): string {
  return path.join(sharedFixturesDir(), relative);
}

export function readFixture(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

export function parseFixture(relative: string): ParseResult {
  return parseTraces(readFixture(relative), relative);
}
