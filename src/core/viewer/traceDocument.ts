import type { BrokenLink, TraceAnalysis } from '../analysis/types';
import type { Span } from '../model/trace';
import type { TraceDocument, TraceRef, TraceSummary, TraceWarning } from './protocol';
import { buildCriticalPathTable, buildSpanTable } from './spanTable';

/**
 * Turns analysis results into what the viewer shows: the document for the trace view (with every warning
 * explained in words), and the one-line summary for search results.
 */

export interface DocumentContext {
  readonly ref: TraceRef;
  readonly sourceLabel: string;
  /** Broken links found across the traces the host holds; those touching this trace become warnings. */
  readonly brokenLinks: readonly BrokenLink[];
  /** Other traces the host holds (span links into them are navigable). */
  readonly loadedTraceIds: readonly string[];
  /** Labels of the call sites that broke links (from code links), shown on their warnings. */
  readonly callSiteLabels?: ReadonlyMap<BrokenLink, string>;
}

export function buildTraceDocument(analysis: TraceAnalysis, context: DocumentContext): TraceDocument {
  const spans = buildSpanTable(analysis);
  return {
    ref: context.ref,
    sourceLabel: context.sourceLabel,
    traceId: analysis.traceId,
    spans,
    warnings: traceWarnings(analysis, context.brokenLinks, context.callSiteLabels),
    criticalPath: buildCriticalPathTable(analysis, spans.originNs),
    stats: [...analysis.serviceStats, ...analysis.operationStats],
    loadedTraceIds: context.loadedTraceIds.filter((traceId) => traceId !== analysis.traceId),
  };
}

/** The clock-skew adjuster marks each span it moved with a warning ending in this. */
const clockSkewMarker = '(clock skew)';

/** Every warning about the trace, each with an explanation a reader can act on. */
export function traceWarnings(
  analysis: TraceAnalysis,
  brokenLinks: readonly BrokenLink[],
  callSiteLabels: ReadonlyMap<BrokenLink, string> = new Map(),
): TraceWarning[] {
  const warnings: TraceWarning[] = [];
  const spans = analysis.trace.spans;
  for (const link of linksTouching(analysis, brokenLinks)) {
    warnings.push(brokenLinkWarning(link, analysis, callSiteLabels.get(link)));
  }
  const orphans = analysis.tree.orphanIndices;
  if (orphans.length > 0) {
    warnings.push({
      kind: 'orphans',
      title: `${count(orphans.length, 'span has', 'spans have')} no parent in this trace`,
      explanation:
        'Their parent span ID names no span in this trace, so they are shown as extra roots. Usually the parent ' +
        'was not exported (yet), was dropped by sampling or a collector limit, or belongs to a service that forwarded ' +
        'the trace context without reporting its own span. If the trace is still arriving, load it again later.',
      spanIndices: orphans,
    });
  }
  const roots = analysis.tree.rootIndices;
  if (roots.length > 1) {
    warnings.push({
      kind: 'multiple-roots',
      title: `The trace has ${roots.length} root spans`,
      explanation:
        'A trace normally starts at one entry point. Several spans without a parent share this trace ID: a client ' +
        'or job reused one trace ID for separate requests, or an SDK set the trace ID but not the parent span ID.',
      spanIndices: roots,
    });
  }
  const moved = spans.flatMap((span, index) => (span.warnings.some((text) => text.endsWith(clockSkewMarker)) ? [index] : []));
  if (moved.length > 0) {
    warnings.push({
      kind: 'clock-skew',
      title: `Clock skew: ${count(moved.length, 'span was moved inside its parent', 'spans were moved inside their parents')}`,
      explanation:
        "These spans started before or ended after their parent, on a host whose clock disagrees with the parent's " +
        "host. Trace Stitch moved each (with its subtree on the same host) inside its parent, as Jaeger does; the span's " +
        'own warning says by how much. Set traceStitch.viewer.adjustClockSkew to false to see the recorded timestamps.',
      spanIndices: moved,
    });
  }
  for (const text of [...analysis.trace.warnings, ...structureWarnings(analysis)]) {
    warnings.push({
      kind: 'source',
      title: text,
      explanation: 'Reported by the source of this trace (Jaeger, the file, the receiver) or found while reading it.',
      spanIndices: [],
    });
  }
  return warnings;
}

/** Tree warnings the orphan and root warnings above do not already say (duplicate ids, parent cycles). */
function structureWarnings(analysis: TraceAnalysis): string[] {
  return analysis.tree.warnings.filter((text) => !/root span|missing from the trace/.test(text));
}

const shapeExplanations: Readonly<Record<BrokenLink['shape'], (from: string, to: string) => string>> = {
  'client-root': (from) =>
    `A CLIENT span of ${from} starts a trace of its own, while a SERVER span of ${from} in another trace was open: ` +
    `${from} made this call while handling a request, but the trace context of that request did not reach the ` +
    'outbound call (the Istio/Envoy shape: the sidecar found no trace headers and started a new trace).',
  'server-root-under-client': (from, to) =>
    `A SERVER span of ${to} starts a trace of its own, inside a CLIENT span of ${from} that targets ${to} and has no ` +
    `server child: ${to} received the call without the trace headers ${from} should have sent.`,
  'server-root-without-client': (from, to) =>
    `A SERVER span of ${to} starts a trace of its own while a span of ${from} was open, and no client span records ` +
    `the call: ${from} probably called ${to} with a client the instrumentation does not see (a global fetch, a raw ` +
    'socket), which sent no trace headers.',
  'client-without-server': (from, to) =>
    `A CLIENT span of ${from} calls ${to}, which is traced, but no SERVER span of ${to} is its child: ${to}'s side ` +
    'of the call started a new trace, or a proxy in between dropped the trace headers.',
};

/** The broken links with a side in this trace, in the order their warnings come first in `traceWarnings`. */
export function linksTouching(analysis: TraceAnalysis, brokenLinks: readonly BrokenLink[]): BrokenLink[] {
  return brokenLinks.filter((link) => [link.from, link.to, link.client].some((side) => side?.traceId === analysis.traceId));
}

function brokenLinkWarning(link: BrokenLink, analysis: TraceAnalysis, callSite: string | undefined): TraceWarning {
  const traceId = analysis.traceId;
  const sides = [link.from, link.to, link.client].filter((side) => side?.traceId === traceId);
  const indices = new Set<number>();
  for (const side of sides) {
    const index = analysis.trace.spans.findIndex((span) => span.spanId === side?.spanId);
    if (index >= 0) indices.add(index);
  }
  const other = [link.from, link.to, link.client].find((side) => side !== undefined && side.traceId !== traceId);
  const elsewhere = other ? ` The other side is in trace ${other.traceId}.` : '';
  const fix =
    ` Make ${link.fromService} copy the trace headers of the request it handles (traceparent, tracestate, b3, ` +
    'x-b3-*, x-request-id) onto this outbound call.';
  const evidence = link.evidence.map((item) => item.detail).join('; ');
  return {
    kind: 'broken-link',
    title: `Trace broken between ${link.fromService} and ${link.toService}`,
    explanation:
      `${shapeExplanations[link.shape](link.fromService, link.toService)}${elsewhere}${fix} ` +
      `Confidence ${Math.round(link.confidence * 100)}%${evidence ? `: ${evidence}` : ''}.`,
    spanIndices: [...indices].sort((a, b) => a - b),
    ...(callSite ? { callSite: { label: callSite } } : {}),
  };
}

/** One row of search results for an analyzed trace. */
export function summarizeTrace(analysis: TraceAnalysis, brokenLinks: readonly BrokenLink[]): TraceSummary {
  const spans = analysis.trace.spans;
  const root: Span | undefined = spans[analysis.tree.rootIndices[0] ?? analysis.tree.orphanIndices[0] ?? 0];
  const broken = brokenReason(analysis, brokenLinks);
  return {
    traceId: analysis.traceId,
    rootService: root?.service ?? '(no spans)',
    rootOperation: root?.name ?? '',
    spanCount: spans.length,
    errorCount: analysis.errorSpans.length,
    startNs: analysis.startNs,
    durationNs: analysis.durationNs,
    services: analysis.serviceStats.map((stats) => ({ service: stats.service, spans: stats.count, errors: stats.errors })),
    ...(broken ? { broken } : {}),
  };
}

/** Why a trace is marked broken in the results, or undefined when it is whole. */
function brokenReason(analysis: TraceAnalysis, brokenLinks: readonly BrokenLink[]): string | undefined {
  const traceId = analysis.traceId;
  const brokenOff = brokenLinks.find((link) => link.to?.traceId === traceId);
  if (brokenOff) return `broken off a trace of ${brokenOff.fromService}: the call ${brokenOff.fromService} → ${brokenOff.toService} lost its trace context`;
  const lost = brokenLinks.find((link) => link.from.traceId === traceId);
  if (lost) return `the call ${lost.fromService} → ${lost.toService} lost its trace context and continues in another trace`;
  const orphans = analysis.tree.orphanIndices.length;
  if (orphans > 0) return `${count(orphans, 'span has', 'spans have')} no parent in this trace`;
  return undefined;
}

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
