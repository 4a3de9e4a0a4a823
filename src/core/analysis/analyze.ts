import type { Trace } from '../model/trace';
import { defaultContainmentToleranceNs, findBrokenLinks } from './brokenLinks';
import { adjustClockSkew } from './clockSkew';
import { computeCriticalPath } from './criticalPath';
import { errorReason } from './errors';
import { buildSpanTree } from './spanTree';
import { computeSelfTimes, computeStats } from './stats';
import type { AnalysisOptions, ErrorSpan, TraceAnalysis, TraceSetAnalysis } from './types';

/** Everything about one trace: tree, clock-skew adjustment, critical path, statistics, errors. */
export function analyzeTrace(input: Trace, options: AnalysisOptions = {}): TraceAnalysis {
  let trace = input;
  let tree = buildSpanTree(trace);
  let adjustedSpans = 0;
  if (options.adjustClockSkew ?? true) {
    const adjusted = adjustClockSkew(trace, tree);
    if (adjusted.adjustedSpans > 0) {
      trace = adjusted.trace;
      adjustedSpans = adjusted.adjustedSpans;
      tree = buildSpanTree(trace); // the adjustment re-sorted the spans
    }
  }
  const selfTimes = computeSelfTimes(trace, tree);
  const reasons = trace.spans.map(errorReason);
  const stats = computeStats(
    trace,
    selfTimes,
    reasons.map((reason) => reason !== undefined),
  );
  let startNs = Number.POSITIVE_INFINITY;
  let endNs = Number.NEGATIVE_INFINITY;
  const services: string[] = [];
  const seenServices = new Set<string>();
  const errorSpans: ErrorSpan[] = [];
  trace.spans.forEach((span, spanIndex) => {
    startNs = Math.min(startNs, span.startNs);
    endNs = Math.max(endNs, span.startNs + span.durationNs);
    if (!seenServices.has(span.service)) {
      seenServices.add(span.service);
      services.push(span.service);
    }
    const reason = reasons[spanIndex];
    if (reason !== undefined) errorSpans.push({ spanIndex, spanId: span.spanId, reason });
  });
  if (trace.spans.length === 0) startNs = endNs = 0;
  return {
    traceId: trace.traceId,
    trace,
    tree,
    startNs,
    endNs,
    durationNs: endNs - startNs,
    services,
    rootSpanIds: tree.rootIndices.map((index) => trace.spans[index]?.spanId ?? ''),
    orphanSpanIds: tree.orphanIndices.map((index) => trace.spans[index]?.spanId ?? ''),
    errorSpans,
    criticalPath: computeCriticalPath(trace, tree),
    serviceStats: stats.services,
    operationStats: stats.operations,
    adjustedSpans,
    warnings: [...trace.warnings, ...tree.warnings],
  };
}

/** Analyzes every trace, then looks across them for broken links. */
export function analyzeTraces(traces: readonly Trace[], options: AnalysisOptions = {}): TraceSetAnalysis {
  const analyses = traces.map((trace) => analyzeTrace(trace, options));
  const brokenLinks = findBrokenLinks(analyses, options.containmentToleranceNs ?? defaultContainmentToleranceNs);
  return { traces: analyses, brokenLinks };
}
