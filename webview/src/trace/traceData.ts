import type { SpanKind, SpanStatus } from '../../../src/core/model/trace';
import { RowModel } from '../../../src/core/viewer/layout/rows';
import type { ServiceColors } from '../../../src/core/viewer/layout/serviceColors';
import { buildSpanTree, type SpanTree } from '../../../src/core/viewer/layout/spanTree';
import type { TraceDocument, TraceWarning } from '../../../src/core/viewer/protocol';
import { spanKinds, statusCodes, type SpanTable } from '../../../src/core/viewer/spanTable';

/** A stretch of the critical path on one span, in ns after the trace start. */
export interface CriticalSegment {
  readonly startNs: number;
  readonly endNs: number;
}

/**
 * What the trace view derives from a `TraceDocument` once: the tree, the rows, colour slots per span, and the
 * warnings and critical-path segments of each span. Span fields are read from the document's columns; a span's
 * attributes, events and links are not here (the detail pane asks the host for them).
 */
export class TraceData {
  readonly table: SpanTable;
  readonly count: number;
  readonly tree: SpanTree;
  readonly rows: RowModel;
  /** The trace start in ns since the epoch; `offsets` count from it. */
  readonly startNs: number;
  readonly totalNs: number;
  /** Start of each span relative to the trace start. */
  readonly offsets: Float64Array;
  readonly durations: Float64Array;
  readonly colorSlots: Uint8Array;
  readonly errorCount: number;
  readonly services: readonly string[];
  readonly critical = new Map<number, CriticalSegment[]>();
  /** Document warnings that name a span, by span. */
  readonly spanWarnings = new Map<number, TraceWarning[]>();

  constructor(
    readonly document: TraceDocument,
    colors: ServiceColors,
  ) {
    const table = document.spans;
    const count = table.count;
    this.table = table;
    this.count = count;
    this.tree = buildSpanTree(table);
    this.rows = new RowModel(this.tree);
    this.startNs = table.originNs;
    this.offsets = table.starts;
    this.durations = table.durations;

    let end = 0;
    let errorCount = 0;
    const serviceIndices = new Set<number>();
    for (let i = 0; i < count; i++) {
      const spanEnd = (table.starts[i] ?? 0) + Math.max(0, table.durations[i] ?? 0);
      if (spanEnd > end) end = spanEnd;
      serviceIndices.add(table.services[i] ?? 0);
      if ((table.errorReasons[i] ?? -1) >= 0) errorCount++;
    }
    this.totalNs = end;
    this.errorCount = errorCount;
    this.services = [...serviceIndices].map((index) => table.strings[index] ?? '').sort();
    colors.assign(this.services);
    // Colour slots by string index, then per span: one look-up per distinct service, not per span.
    const slotOfString = new Uint8Array(table.strings.length);
    for (const index of serviceIndices) slotOfString[index] = colors.slotOf(table.strings[index] ?? '');
    this.colorSlots = new Uint8Array(count);
    for (let i = 0; i < count; i++) this.colorSlots[i] = slotOfString[table.services[i] ?? 0] ?? 0;

    const path = document.criticalPath;
    for (let segment = 0; segment < path.spans.length; segment++) {
      const index = path.spans[segment] ?? -1;
      if (index < 0 || index >= count) continue;
      const stretch = { startNs: path.starts[segment] ?? 0, endNs: path.ends[segment] ?? 0 };
      const list = this.critical.get(index);
      if (list) list.push(stretch);
      else this.critical.set(index, [stretch]);
    }
    for (const warning of document.warnings) {
      for (const index of warning.spanIndices) {
        if (index < 0 || index >= count) continue;
        const list = this.spanWarnings.get(index);
        if (list) list.push(warning);
        else this.spanWarnings.set(index, [warning]);
      }
    }
  }

  get traceId(): string {
    return this.document.traceId;
  }

  has(index: number): boolean {
    return index >= 0 && index < this.count;
  }

  spanId(index: number): string {
    return this.table.spanIds[index] ?? '';
  }

  service(index: number): string {
    return this.table.strings[this.table.services[index] ?? -1] ?? '';
  }

  name(index: number): string {
    return this.table.strings[this.table.names[index] ?? -1] ?? '';
  }

  kind(index: number): SpanKind {
    return spanKinds[this.table.kinds[index] ?? 0] ?? 'unspecified';
  }

  status(index: number): SpanStatus {
    const code = statusCodes[this.table.statuses[index] ?? 0] ?? 'unset';
    const message = this.table.strings[this.table.statusMessages[index] ?? -1];
    return message === undefined ? { code } : { code, message };
  }

  isError(index: number): boolean {
    return (this.table.errorReasons[index] ?? -1) >= 0;
  }

  /** Why analysis counts the span as an error, if it does. */
  errorReason(index: number): string | undefined {
    return this.table.strings[this.table.errorReasons[index] ?? -1];
  }

  /** Warnings about the span: the document's (which explain themselves) and the span's own count. */
  warningCount(index: number): number {
    return (this.spanWarnings.get(index)?.length ?? 0) + (this.table.warningCounts[index] ?? 0);
  }

  /** The root span that heads the trace (the earliest root), for the title. */
  rootSpan(): number {
    return this.tree.roots[0] ?? -1;
  }
}
