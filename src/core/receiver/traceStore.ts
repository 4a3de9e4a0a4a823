import { compareSpans } from '../formats/assemble';
import { splitSharedSpanIds } from '../formats/sharedSpans';
import type { Span, Trace } from '../model/trace';
import { Emitter, type Event } from '../util/event';

/** One trace gained spans (or appeared). Listeners fetch the trace itself with `TraceStore.get`. */
export interface TraceUpdate {
  readonly traceId: string;
  readonly spanCount: number;
  readonly addedSpans: number;
  readonly isNew: boolean;
}

export interface TraceStoreStats {
  readonly traces: number;
  readonly spans: number;
  readonly maxSpans: number;
  /** Traces (and their spans) dropped to stay within `maxSpans`, since the store was created or cleared. */
  readonly evictedTraces: number;
  readonly evictedSpans: number;
}

interface Entry {
  readonly spans: Span[];
  /** `spanId/kind` of every stored span: exporters retry, and a retried span must not appear twice. */
  readonly keys: Set<string>;
  /** The sorted, shared-id-split view, rebuilt lazily after an update. */
  snapshot: Trace | undefined;
}

/**
 * The receiver's bounded in-memory trace store. Holds at most `maxSpans` spans: when more arrive, the traces updated
 * longest ago are evicted (and counted). Emits one `onDidUpdateTrace` per trace a batch touched.
 */
export class TraceStore {
  private readonly entries = new Map<string, Entry>();
  private spanCount = 0;
  private evictedTraces = 0;
  private evictedSpans = 0;
  private readonly updated: Emitter<TraceUpdate>;
  private readonly evicted: Emitter<readonly string[]>;
  private readonly cleared = new Emitter<void>();

  readonly onDidUpdateTrace: Event<TraceUpdate>;
  /** Trace ids dropped to make room. */
  readonly onDidEvictTraces: Event<readonly string[]>;
  readonly onDidClear: Event<void> = this.cleared.event;

  constructor(
    private maxSpans: number,
    onListenerError?: (error: unknown) => void,
  ) {
    this.updated = new Emitter(onListenerError);
    this.evicted = new Emitter(onListenerError);
    this.onDidUpdateTrace = this.updated.event;
    this.onDidEvictTraces = this.evicted.event;
  }

  get stats(): TraceStoreStats {
    return { traces: this.entries.size, spans: this.spanCount, maxSpans: this.maxSpans, evictedTraces: this.evictedTraces, evictedSpans: this.evictedSpans };
  }

  /** Adds spans (any mix of traces); returns and announces one update per trace that changed. */
  add(spans: readonly Span[]): TraceUpdate[] {
    const touched = new Map<string, { entry: Entry; added: number; isNew: boolean }>();
    for (const span of spans) {
      let entry = this.entries.get(span.traceId);
      let isNew = false;
      if (entry) {
        // Re-insert: Map order is the eviction order, least recently updated first.
        this.entries.delete(span.traceId);
      } else {
        entry = { spans: [], keys: new Set(), snapshot: undefined };
        isNew = true;
      }
      this.entries.set(span.traceId, entry);
      const key = `${span.spanId}/${span.kind}`;
      const change = touched.get(span.traceId) ?? { entry, added: 0, isNew };
      touched.set(span.traceId, change);
      if (entry.keys.has(key)) continue;
      entry.keys.add(key);
      entry.spans.push(span);
      entry.snapshot = undefined;
      change.added++;
      this.spanCount++;
    }
    const updates: TraceUpdate[] = [];
    for (const [traceId, change] of touched) {
      if (change.added > 0) updates.push({ traceId, spanCount: change.entry.spans.length, addedSpans: change.added, isNew: change.isNew });
    }
    this.evictBeyondLimit();
    for (const update of updates) if (this.entries.has(update.traceId)) this.updated.fire(update);
    return updates;
  }

  get(traceId: string): Trace | undefined {
    const entry = this.entries.get(traceId);
    if (!entry) return undefined;
    entry.snapshot ??= {
      traceId,
      spans: [...splitSharedSpanIds(entry.spans)].sort(compareSpans),
      warnings: [],
    };
    return entry.snapshot;
  }

  /** Every trace, most recently updated first. */
  traces(): Trace[] {
    return [...this.entries.keys()].reverse().flatMap((traceId) => this.get(traceId) ?? []);
  }

  traceIds(): string[] {
    return [...this.entries.keys()].reverse();
  }

  setMaxSpans(maxSpans: number): void {
    this.maxSpans = maxSpans;
    this.evictBeyondLimit();
  }

  clear(): void {
    this.entries.clear();
    this.spanCount = 0;
    this.evictedTraces = 0;
    this.evictedSpans = 0;
    this.cleared.fire();
  }

  dispose(): void {
    this.updated.dispose();
    this.evicted.dispose();
    this.cleared.dispose();
  }

  private evictBeyondLimit(): void {
    if (this.spanCount <= this.maxSpans) return;
    const dropped: string[] = [];
    for (const [traceId, entry] of this.entries) {
      if (this.spanCount <= this.maxSpans) break;
      this.entries.delete(traceId);
      this.spanCount -= entry.spans.length;
      this.evictedTraces++;
      this.evictedSpans += entry.spans.length;
      dropped.push(traceId);
    }
    this.evicted.fire(dropped);
  }
}
