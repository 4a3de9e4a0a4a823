import { analyzeTrace } from '../analysis/analyze';
import { defaultContainmentToleranceNs, findBrokenLinks } from '../analysis/brokenLinks';
import type { AnalysisOptions, BrokenLink, TraceAnalysis } from '../analysis/types';
import type { Trace } from '../model/trace';
import { Emitter, type Event } from '../util/event';
import type { TraceRef } from './protocol';

export interface LoadedTrace {
  readonly ref: TraceRef;
  /** The trace as the source gave it. */
  readonly raw: Trace;
  readonly analysis: TraceAnalysis;
}

export interface LibraryLimits {
  readonly traces: number;
  readonly spans: number;
}

/**
 * The traces the host holds, analyzed once each: what search results and the open trace came from. Broken links
 * are looked for across all of them, so a trace found broken-off is explained against its caller when both were
 * loaded. Bounded: the least recently used traces are let go beyond `limits`.
 */
export class TraceLibrary {
  private readonly entries = new Map<string, LoadedTrace>();
  private spanCount = 0;
  private links: BrokenLink[] | undefined;
  private readonly changed = new Emitter<void>();
  /** Fires after traces were added, changed, analysed again or let go (code links follow it). */
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(
    private readonly analysisOptions: () => AnalysisOptions,
    private readonly limits: LibraryLimits = { traces: 500, spans: 1_500_000 },
  ) {}

  /** Analyzes and keeps the traces (re-using earlier analyses of the same trace object). */
  add(sourceId: string, traces: readonly Trace[]): LoadedTrace[] {
    const added: LoadedTrace[] = [];
    let changed = false;
    for (const raw of traces) {
      const key = keyOf({ sourceId, traceId: raw.traceId });
      const known = this.entries.get(key);
      if (known?.raw === raw) {
        this.touch(key, known);
        added.push(known);
        continue;
      }
      if (known) this.forget(key, known);
      const entry = { ref: { sourceId, traceId: raw.traceId }, raw, analysis: analyzeTrace(raw, this.analysisOptions()) };
      this.entries.set(key, entry);
      this.spanCount += raw.spans.length;
      this.links = undefined;
      added.push(entry);
      changed = true;
    }
    this.evict(new Set(added.map((entry) => keyOf(entry.ref))));
    if (changed) this.changed.fire();
    return added;
  }

  get(ref: TraceRef): LoadedTrace | undefined {
    const key = keyOf(ref);
    const entry = this.entries.get(key);
    if (entry) this.touch(key, entry);
    return entry;
  }

  /** Broken links across every held trace (computed once per change of the set). */
  brokenLinks(): readonly BrokenLink[] {
    this.links ??= findBrokenLinks(
      [...this.entries.values()].map((entry) => entry.analysis),
      this.analysisOptions().containmentToleranceNs ?? defaultContainmentToleranceNs,
    );
    return this.links;
  }

  loadedTraceIds(): string[] {
    return [...new Set([...this.entries.values()].map((entry) => entry.ref.traceId))];
  }

  /** Every held trace, least recently used first. */
  all(): LoadedTrace[] {
    return [...this.entries.values()];
  }

  /** Lets go of a source's traces (the file was closed, the endpoint removed). */
  removeSource(sourceId: string): void {
    for (const [key, entry] of this.entries) if (entry.ref.sourceId === sourceId) this.forget(key, entry);
    this.changed.fire();
  }

  /** Analysis options changed: analyze everything again from the raw traces. */
  reanalyze(): void {
    for (const [key, entry] of this.entries) {
      this.entries.set(key, { ...entry, analysis: analyzeTrace(entry.raw, this.analysisOptions()) });
    }
    this.links = undefined;
    this.changed.fire();
  }

  private touch(key: string, entry: LoadedTrace): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private forget(key: string, entry: LoadedTrace): void {
    this.entries.delete(key);
    this.spanCount -= entry.raw.spans.length;
    this.links = undefined;
  }

  /** Drops the least recently used traces beyond the limits, never the ones just added. */
  private evict(keep: ReadonlySet<string>): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.limits.traces && this.spanCount <= this.limits.spans) return;
      if (!keep.has(key)) this.forget(key, entry);
    }
  }
}

function keyOf(ref: TraceRef): string {
  return `${ref.sourceId}\n${ref.traceId}`;
}
