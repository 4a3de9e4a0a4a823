import type { Span, Trace } from '../model/trace';
import type { ParseResult } from './parseResult';
import type { ParseSink } from './parseResult';

/** Start order, ties by span id: the order the model promises consumers. */
export function compareSpans(a: Span, b: Span): number {
  return a.startNs - b.startNs || (a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0);
}

/** Groups spans into traces by trace id (traces in order of their first span's start). */
export function groupIntoTraces(spans: readonly Span[], traceWarnings?: ReadonlyMap<string, readonly string[]>): Trace[] {
  const byTrace = new Map<string, Span[]>();
  for (const span of spans) {
    const list = byTrace.get(span.traceId);
    if (list) list.push(span);
    else byTrace.set(span.traceId, [span]);
  }
  const traces: Trace[] = [];
  for (const [traceId, traceSpans] of byTrace) {
    traceSpans.sort(compareSpans);
    traces.push({ traceId, spans: traceSpans, warnings: [...(traceWarnings?.get(traceId) ?? [])] });
  }
  return traces.sort((a, b) => (a.spans[0]?.startNs ?? 0) - (b.spans[0]?.startNs ?? 0));
}

export function resultFromSink(sink: ParseSink): ParseResult {
  return { traces: groupIntoTraces(sink.spans, sink.traceWarnings), skipped: sink.skipped, formats: sink.formats };
}
