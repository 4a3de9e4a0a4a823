import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeTrace, analyzeTraces } from '../../../src/core/analysis/analyze';
import { parseTraces } from '../../../src/core/formats/parseTraces';
import type { Trace } from '../../../src/core/model/trace';
import { buildTraceDocument, summarizeTrace } from '../../../src/core/viewer/traceDocument';
import { sharedFixturesDir } from '../../support/fixtures';
import { span } from './spans';

const ms = 1e6;
const ref = (traceId: string): { sourceId: string; traceId: string } => ({ sourceId: 'test', traceId });

function trace(traceId: string, spans: Trace['spans']): Trace {
  return { traceId, spans: spans.map((s) => ({ ...s, traceId })), warnings: [] };
}

describe('trace document and summary', () => {
  it('explains orphans and multiple roots, pointing at the spans', () => {
    const input = trace('aa', [
      span('r1', undefined, 0, { durationNs: 10 * ms }),
      span('r2', undefined, 1 * ms, { durationNs: 2 * ms }),
      span('o', 'gone', 2 * ms, { durationNs: 1 * ms }),
    ]);
    const analysis = analyzeTrace(input);
    const document = buildTraceDocument(analysis, { ref: ref('aa'), sourceLabel: 'test', brokenLinks: [], loadedTraceIds: ['aa', 'bb'] });
    const kinds = document.warnings.map((warning) => warning.kind);
    assert.deepEqual(kinds, ['orphans', 'multiple-roots']);
    const [orphans, roots] = document.warnings;
    if (!orphans || !roots) assert.fail('two warnings expected');
    assert.equal(orphans.title, '1 span has no parent in this trace');
    assert.match(orphans.explanation, /extra roots/);
    assert.deepEqual(orphans.spanIndices.map((i) => document.spans.spanIds[i]), ['o']);
    assert.deepEqual(roots.spanIndices.map((i) => document.spans.spanIds[i]), ['r1', 'r2']);
    assert.deepEqual(document.loadedTraceIds, ['bb'], 'the trace itself is not listed as another loaded trace');
    const summary = summarizeTrace(analysis, []);
    assert.equal(summary.broken, '1 span has no parent in this trace');
    assert.equal(summary.rootService, 'svc');
    assert.equal(summary.spanCount, 3);
  });

  it('explains clock-skew adjustments on the real Zipkin skew fixture', () => {
    const file = path.join(sharedFixturesDir(), 'zipkin', 'skew.json');
    const [parsed] = parseTraces(readFileSync(file, 'utf8'), file).traces;
    assert.ok(parsed);
    const analysis = analyzeTrace(parsed);
    assert.ok(analysis.adjustedSpans > 0, 'the fixture has skew to adjust');
    const document = buildTraceDocument(analysis, { ref: ref(parsed.traceId), sourceLabel: 'skew.json', brokenLinks: [], loadedTraceIds: [] });
    const skew = document.warnings.find((warning) => warning.kind === 'clock-skew');
    assert.ok(skew, JSON.stringify(document.warnings));
    assert.equal(skew.spanIndices.length, analysis.adjustedSpans);
    assert.match(skew.explanation, /adjustClockSkew/);
    for (const index of skew.spanIndices) {
      assert.ok(analysis.trace.spans[index]?.warnings.some((w) => w.endsWith('(clock skew)')));
      assert.ok((document.spans.warningCounts[index] ?? 0) > 0, 'the table counts the span’s own warnings');
    }
    assert.equal(analyzeTrace(parsed, { adjustClockSkew: false }).adjustedSpans, 0);
  });

  it('carries critical path, errors and per-service and per-operation stats', () => {
    const input = trace('cc', [
      span('root', undefined, 0, { durationNs: 10 * ms, service: 'api', name: 'GET /' }),
      span('db', 'root', 1 * ms, { durationNs: 4 * ms, service: 'db', name: 'SELECT', status: { code: 'error', message: 'timeout' } }),
      span('db2', 'root', 6 * ms, { durationNs: 2 * ms, service: 'db', name: 'SELECT' }),
    ]);
    const document = buildTraceDocument(analyzeTrace(input), { ref: ref('cc'), sourceLabel: 't', brokenLinks: [], loadedTraceIds: [] });
    const { errorReasons, strings } = document.spans;
    assert.deepEqual([...errorReasons].map((index) => strings[index]), [undefined, 'status ERROR: timeout', undefined]);
    const path = document.criticalPath;
    assert.ok(path.spans.length > 0);
    assert.ok(path.spans.every((_, i) => (path.ends[i] ?? 0) >= (path.starts[i] ?? 0) && (path.starts[i] ?? -1) >= 0), 'times count from the trace start');
    const dbService = document.stats.find((stats) => stats.service === 'db' && stats.operation === undefined);
    const dbSelect = document.stats.find((stats) => stats.service === 'db' && stats.operation === 'SELECT');
    assert.equal(dbService?.count, 2);
    assert.deepEqual([dbSelect?.totalNs, dbSelect?.errors], [6 * ms, 1]);
  });

  it('explains a broken link on both traces and marks the broken-off piece in results', () => {
    const caller = trace('a1', [
      span('srv', undefined, 0, { durationNs: 100 * ms, service: 'orders', kind: 'server', name: 'POST /orders' }),
    ]);
    const piece = trace('b2', [
      span('cli', undefined, 10 * ms, { durationNs: 40 * ms, service: 'orders', kind: 'client', name: 'POST', attributes: { 'peer.service': 'payments' } }),
      span('pay', 'cli', 12 * ms, { durationNs: 30 * ms, service: 'payments', kind: 'server', name: 'POST /pay' }),
    ]);
    const set = analyzeTraces([caller, piece]);
    assert.ok(set.brokenLinks.length > 0, 'the analysis finds the break');
    const [callerAnalysis, pieceAnalysis] = set.traces;
    assert.ok(callerAnalysis && pieceAnalysis);
    const pieceDocument = buildTraceDocument(pieceAnalysis, { ref: ref('b2'), sourceLabel: 't', brokenLinks: set.brokenLinks, loadedTraceIds: ['a1', 'b2'] });
    const warning = pieceDocument.warnings.find((w) => w.kind === 'broken-link');
    assert.ok(warning);
    assert.equal(warning.title, 'Trace broken between orders and payments');
    assert.match(warning.explanation, /trace a1/);
    assert.match(warning.explanation, /traceparent/);
    assert.deepEqual(warning.spanIndices.map((i) => pieceDocument.spans.spanIds[i]), ['cli']);
    const callerDocument = buildTraceDocument(callerAnalysis, { ref: ref('a1'), sourceLabel: 't', brokenLinks: set.brokenLinks, loadedTraceIds: [] });
    assert.deepEqual(callerDocument.warnings.find((w) => w.kind === 'broken-link')?.spanIndices, [0]);
    assert.match(summarizeTrace(pieceAnalysis, set.brokenLinks).broken ?? '', /broken off a trace of orders/);
    assert.match(summarizeTrace(callerAnalysis, set.brokenLinks).broken ?? '', /orders → payments lost its trace context/);
  });

  it('passes source warnings through with an explanation', () => {
    const input = { ...trace('dd', [span('x', undefined, 0)]), warnings: ['clock skew adjustment disabled'] };
    const document = buildTraceDocument(analyzeTrace(input), { ref: ref('dd'), sourceLabel: 't', brokenLinks: [], loadedTraceIds: [] });
    assert.deepEqual(document.warnings.map((w) => [w.kind, w.title]), [['source', 'clock skew adjustment disabled']]);
  });
});
