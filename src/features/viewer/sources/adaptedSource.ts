import type { Trace } from '../../../core/model/trace';
import { SourceError } from '../../../core/sources/sourceError';
import type { TraceSource } from '../../../core/sources/traceSource';
import type { SearchQuery, SourceInfo } from '../../../core/viewer/protocol';
import { toTraceQuery } from '../../../core/viewer/searchQuery';
import type { SearchOutcome, ViewerSource } from './viewerSource';

export interface AdaptedSourceOptions {
  readonly id: string;
  readonly label: string;
  /** Files ignore "last hour" and the like: their traces are of any age. */
  readonly ignoreLookback: boolean;
  /** The source's state in one line when it works ("3 traces", "listening on …"). */
  readonly detail: () => string;
  /** The line to show before the source was first used (default: `detail`). */
  readonly untriedDetail?: string;
  /** Called when the source starts or stops failing, so that views can show it. */
  readonly onStateChange: () => void;
}

/**
 * A `TraceSource` (Jaeger, files, the receiver) as the viewer uses it: with an id and a label, queries converted
 * from the search form, and its last failure remembered as its state (an unreachable Jaeger shows as such).
 */
export class AdaptedSource implements ViewerSource {
  readonly id: string;
  readonly label: string;
  private failure: string | undefined;
  private tried = false;

  constructor(
    readonly source: TraceSource,
    private readonly options: AdaptedSourceOptions,
  ) {
    this.id = options.id;
    this.label = options.label;
  }

  get kind(): TraceSource['kind'] {
    return this.source.kind;
  }

  info(): SourceInfo {
    return {
      id: this.id,
      kind: this.kind,
      label: this.label,
      detail: this.failure ?? (this.tried ? this.options.detail() : (this.options.untriedDetail ?? this.options.detail())),
      state: this.failure === undefined ? 'ready' : 'error',
    };
  }

  services(signal: AbortSignal): Promise<readonly string[]> {
    return this.track(this.source.services(signal));
  }

  async operations(service: string, signal: AbortSignal): Promise<readonly string[]> {
    return (await this.track(this.source.operations(service, signal))).map((operation) => operation.name);
  }

  async search(query: SearchQuery, signal: AbortSignal): Promise<SearchOutcome> {
    const converted = toTraceQuery(query, { nowMs: Date.now(), ignoreLookback: this.options.ignoreLookback });
    const result = await this.track(this.source.search(converted, signal));
    return { traces: result.traces, notes: result.skipped.map((item) => `${item.source}: ${item.reason}`) };
  }

  trace(traceId: string, signal: AbortSignal): Promise<Trace | undefined> {
    return this.track(this.source.getTrace(traceId, signal));
  }

  dispose(): void {
    // Sources hold no resources beyond memory; subclasses that do release them.
  }

  private async track<T>(work: Promise<T>): Promise<T> {
    try {
      const result = await work;
      this.setFailure(undefined);
      return result;
    } catch (error) {
      const cancelled = error instanceof SourceError && error.code === 'cancelled';
      if (!cancelled) this.setFailure(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  private setFailure(failure: string | undefined): void {
    const firstTry = !this.tried;
    this.tried = true;
    if (failure === this.failure && !firstTry) return;
    this.failure = failure;
    this.options.onStateChange();
  }
}
