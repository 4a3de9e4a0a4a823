import type { BrokenLink, TraceSetAnalysis } from '../../core/analysis/types';
import { formatDuration } from '../../core/analysis/duration';
import type { SkippedItem } from '../../core/formats/parseResult';
import type { CallSiteRef } from './summary';

const shapeNames: Readonly<Record<BrokenLink['shape'], string>> = {
  'client-root': 'a CLIENT span started a new trace (context dropped before the call)',
  'server-root-under-client': 'the callee did not continue the caller’s context (headers missing or not read)',
  'server-root-without-client': 'an uninstrumented client made the call (no CLIENT span, no headers)',
  'client-without-server': 'the call has no server span anywhere',
};

/** The human-readable report: one line per trace, then each broken link with its evidence, then what was skipped. */
export function textReport(
  analysis: TraceSetAnalysis,
  skipped: readonly SkippedItem[],
  callSites: ReadonlyMap<BrokenLink, CallSiteRef> = new Map(),
): string {
  const lines: string[] = [];
  const spanCount = analysis.traces.reduce((sum, trace) => sum + trace.trace.spans.length, 0);
  lines.push(
    `${plural(analysis.traces.length, 'trace')}, ${plural(spanCount, 'span')}, ${plural(analysis.brokenLinks.length, 'broken link')}${skipped.length > 0 ? `, ${skipped.length} skipped` : ''}`,
    '',
  );
  for (const trace of analysis.traces) {
    const services = trace.services.length > 4 ? `${trace.services.slice(0, 4).join(', ')}, …` : trace.services.join(', ');
    const problems = [
      trace.rootSpanIds.length === 1 ? '' : `${trace.rootSpanIds.length} roots`,
      trace.orphanSpanIds.length === 0 ? '' : plural(trace.orphanSpanIds.length, 'orphan'),
      trace.errorSpans.length === 0 ? '' : plural(trace.errorSpans.length, 'error'),
    ].filter((text) => text !== '');
    lines.push(
      `${trace.traceId}  ${plural(trace.trace.spans.length, 'span')}  ${formatDuration(trace.durationNs)}  ${plural(trace.services.length, 'service')} (${services})${problems.length > 0 ? `  ${problems.join(', ')}` : ''}`,
    );
  }
  if (analysis.brokenLinks.length > 0) {
    lines.push('', 'Broken links:');
    for (const link of analysis.brokenLinks) {
      lines.push(
        `  ${link.fromService} → ${link.toService}  (${link.shape}, confidence ${link.confidence.toFixed(2)}): ${shapeNames[link.shape]}`,
        `    from: ${link.from.service} ${link.from.kind.toUpperCase()} "${link.from.name}" span ${link.from.spanId} in trace ${link.from.traceId}`,
      );
      if (link.to) lines.push(`    to:   ${link.to.service} ${link.to.kind.toUpperCase()} "${link.to.name}" span ${link.to.spanId} in trace ${link.to.traceId}`);
      for (const item of link.evidence) lines.push(`    - ${item.detail}`);
      const callSite = callSites.get(link);
      if (callSite) lines.push(`    call site: ${callSite.file}:${callSite.line} (drops the trace context; run trace-stitch lint for the fix)`);
    }
  }
  if (skipped.length > 0) {
    lines.push('', 'Skipped:');
    for (const item of skipped) lines.push(`  ${item.source}: ${item.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
