import type { BrokenLinkForCode } from './breakingCallSite';
import { findBreakingCallSites } from './breakingCallSite';
import type { CodeIndex, IndexedCallSite } from './codeIndex';
import type { SpanRef } from './codeFigures';
import type { WorkspaceIndex } from './tracePath';

/** A broken link as analysis reports it, with the span ids "Show traces" needs. */
export interface BrokenLinkWithSpans extends BrokenLinkForCode {
  readonly from: BrokenLinkForCode['from'] & SpanRef;
  readonly to?: NonNullable<BrokenLinkForCode['to']> & SpanRef;
}

/** A call site that observed traces show breaking the trace, with how often and between whom. */
export interface BrokenCallFigures {
  readonly call: IndexedCallSite;
  /** Broken links tied to this call. */
  readonly count: number;
  /** "orders → inventory", once each. */
  readonly pairs: readonly string[];
  /** Both sides of every link: the caller's span and the broken-off root. */
  readonly spans: readonly SpanRef[];
}

/** Ties each broken link to the call site that broke it (when the code shows one) and counts them per call. */
export function countBrokenCalls(
  links: readonly BrokenLinkWithSpans[],
  code: CodeIndex,
  workspace: WorkspaceIndex,
): BrokenCallFigures[] {
  const byCall = new Map<IndexedCallSite, { count: number; pairs: Set<string>; spans: SpanRef[] }>();
  for (const link of links) {
    const [best] = findBreakingCallSites(link, code, workspace);
    if (!best) continue;
    let entry = byCall.get(best.call);
    if (!entry) {
      entry = { count: 0, pairs: new Set(), spans: [] };
      byCall.set(best.call, entry);
    }
    entry.count++;
    entry.pairs.add(`${link.fromService} → ${link.toService}`);
    entry.spans.push({ traceId: link.from.traceId, spanId: link.from.spanId });
    if (link.to) entry.spans.push({ traceId: link.to.traceId, spanId: link.to.spanId });
  }
  return [...byCall].map(([call, entry]) => ({ call, count: entry.count, pairs: [...entry.pairs], spans: entry.spans }));
}
