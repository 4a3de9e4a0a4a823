import type { Span } from '../../../src/core/model/trace';
import type { CriticalPathSegment, TraceDocument, TraceWarning } from '../../../src/core/viewer/protocol';
import { SpanFinder } from '../../../src/core/viewer/layout/find';
import { RowModel } from '../../../src/core/viewer/layout/rows';
import type { ServiceColors } from '../../../src/core/viewer/layout/serviceColors';
import { buildSpanTree, type SpanTree } from '../../../src/core/viewer/layout/spanTree';

/**
 * What the trace view derives from a `TraceDocument` once, in flat arrays indexed by span: the tree, the rows,
 * offsets from the trace start, colour slots, error flags, warnings and critical-path segments per span.
 */
export class TraceData {
  readonly spans: readonly Span[];
  readonly tree: SpanTree;
  readonly rows: RowModel;
  readonly startNs: number;
  readonly totalNs: number;
  /** Start of each span relative to the trace start. */
  readonly offsets: Float64Array;
  readonly colorSlots: Uint8Array;
  readonly errors: Uint8Array;
  readonly errorReasons = new Map<number, string>();
  readonly errorCount: number;
  readonly services: readonly string[];
  readonly critical = new Map<number, CriticalPathSegment[]>();
  /** Document warnings that name a span, by span. */
  readonly spanWarnings = new Map<number, TraceWarning[]>();
  private finderInstance: SpanFinder | undefined;

  constructor(
    readonly document: TraceDocument,
    colors: ServiceColors,
  ) {
    const spans = document.trace.spans;
    this.spans = spans;
    this.tree = buildSpanTree(spans);
    this.rows = new RowModel(this.tree);

    let start = Infinity;
    let end = -Infinity;
    const services = new Set<string>();
    for (const span of spans) {
      if (span.startNs < start) start = span.startNs;
      const spanEnd = span.startNs + Math.max(0, span.durationNs);
      if (spanEnd > end) end = spanEnd;
      services.add(span.service);
    }
    this.startNs = Number.isFinite(start) ? start : 0;
    this.totalNs = Number.isFinite(end) ? Math.max(0, end - this.startNs) : 0;
    this.services = [...services].sort();
    colors.assign(this.services);
    const slotByService = new Map(this.services.map((service) => [service, colors.slotOf(service)]));

    this.offsets = new Float64Array(spans.length);
    this.colorSlots = new Uint8Array(spans.length);
    spans.forEach((span, i) => {
      this.offsets[i] = span.startNs - this.startNs;
      this.colorSlots[i] = slotByService.get(span.service) ?? 0;
    });

    this.errors = new Uint8Array(spans.length);
    let errorCount = 0;
    for (const { spanIndex, reason } of document.errors) {
      if (spanIndex < 0 || spanIndex >= spans.length || this.errors[spanIndex] === 1) continue;
      this.errors[spanIndex] = 1;
      this.errorReasons.set(spanIndex, reason);
      errorCount++;
    }
    this.errorCount = errorCount;

    for (const segment of document.criticalPath) {
      const index = segment.spanIndex;
      if (index < 0 || index >= spans.length) continue;
      const list = this.critical.get(index);
      if (list) list.push(segment);
      else this.critical.set(index, [segment]);
    }
    for (const warning of document.warnings) {
      for (const index of warning.spanIndices) {
        if (index < 0 || index >= spans.length) continue;
        const list = this.spanWarnings.get(index);
        if (list) list.push(warning);
        else this.spanWarnings.set(index, [warning]);
      }
    }
  }

  get traceId(): string {
    return this.document.trace.traceId;
  }

  /** Built on the first find: indexing every span's text costs time a trace that is never searched need not pay. */
  get finder(): SpanFinder {
    this.finderInstance ??= new SpanFinder(this.spans);
    return this.finderInstance;
  }

  span(index: number): Span | undefined {
    return this.spans[index];
  }

  hasWarnings(index: number): boolean {
    return this.spanWarnings.has(index) || (this.spans[index]?.warnings.length ?? 0) > 0;
  }

  /** The root span that heads the trace (the earliest root), for the title. */
  rootSpan(): Span | undefined {
    return this.spans[this.tree.roots[0] ?? -1];
  }
}
