import type { SkippedItem } from '../../core/formats/parseResult';
import type { BrokenLink, BrokenLinkShape, TraceSetAnalysis } from '../../core/analysis/types';

/** The line of code that broke a link, for `analyze --workspace`. */
export interface CallSiteRef {
  /** Relative to the working directory, `/`-separated. */
  readonly file: string;
  readonly line: number;
}

/** The JSON `trace-stitch analyze --format json` prints (the shape is documented in the README). */
export interface AnalyzeReport {
  readonly traces: readonly TraceSummary[];
  readonly brokenLinks: readonly BrokenLinkSummary[];
  readonly skipped: readonly SkippedItem[];
}

export interface TraceSummary {
  readonly traceId: string;
  readonly spans: number;
  readonly services: readonly string[];
  readonly roots: number;
  readonly orphans: number;
  readonly errors: number;
  readonly durationMs: number;
}

export interface BrokenLinkSummary {
  readonly from: string;
  readonly to: string;
  readonly fromTraceId: string;
  readonly fromSpanId: string;
  readonly toTraceId: string | null;
  readonly toSpanId: string | null;
  readonly shape: BrokenLinkShape;
  readonly confidence: number;
  readonly evidence: readonly string[];
  readonly callSite?: CallSiteRef;
}

export function summarize(
  analysis: TraceSetAnalysis,
  skipped: readonly SkippedItem[],
  callSites: ReadonlyMap<BrokenLink, CallSiteRef> = new Map(),
): AnalyzeReport {
  return {
    traces: analysis.traces.map((trace) => ({
      traceId: trace.traceId,
      spans: trace.trace.spans.length,
      services: trace.services,
      roots: trace.rootSpanIds.length,
      orphans: trace.orphanSpanIds.length,
      errors: trace.errorSpans.length,
      durationMs: Math.round(trace.durationNs / 1e3) / 1e3,
    })),
    brokenLinks: analysis.brokenLinks.map((link) => ({
      from: link.fromService,
      to: link.toService,
      fromTraceId: link.from.traceId,
      fromSpanId: link.from.spanId,
      toTraceId: link.to?.traceId ?? null,
      toSpanId: link.to?.spanId ?? null,
      shape: link.shape,
      confidence: link.confidence,
      evidence: link.evidence.map((item) => item.detail),
      ...(callSites.has(link) ? { callSite: callSites.get(link) } : {}),
    })),
    skipped: skipped.map((item) => ({ source: item.source, reason: item.reason })),
  };
}
