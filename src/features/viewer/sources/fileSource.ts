import type { SkippedItem } from '../../../core/formats/parseResult';
import type { Trace } from '../../../core/model/trace';
import type { SearchQuery, SourceInfo } from '../../../core/viewer/protocol';
import { operationsOf, searchTraces, servicesOf } from '../../../core/viewer/traceQuery';
import type { SearchOutcome, ViewerSource } from './viewerSource';

/** The traces of one opened file (or folder of files), searched in memory. */
export class FileSource implements ViewerSource {
  readonly kind = 'file';

  constructor(
    readonly id: string,
    readonly label: string,
    /** Where the file is, for the tooltip (a path or URI). */
    readonly location: string,
    readonly traces: readonly Trace[],
    readonly skipped: readonly SkippedItem[],
  ) {}

  info(): SourceInfo {
    const skipped = this.skipped.length > 0 ? `, ${this.skipped.length} skipped` : '';
    return {
      id: this.id,
      kind: 'file',
      label: this.label,
      detail: `${this.traces.length} trace${this.traces.length === 1 ? '' : 's'}${skipped}`,
      state: 'ready',
    };
  }

  services(): Promise<readonly string[]> {
    return Promise.resolve(servicesOf(this.traces));
  }

  operations(service: string): Promise<readonly string[]> {
    return Promise.resolve(operationsOf(this.traces, service));
  }

  /** The file's traces matching the query; a lookback is ignored (files are not "recent"). */
  search(query: SearchQuery): Promise<SearchOutcome> {
    return Promise.resolve({
      traces: searchTraces(this.traces, query, { nowMs: Date.now(), ignoreLookback: true }),
      notes: this.notes(),
    });
  }

  trace(traceId: string): Promise<Trace | undefined> {
    return Promise.resolve(this.traces.find((trace) => trace.traceId === traceId));
  }

  /** The skipped items as notes for the results ("orders.json: line 3: not valid JSON …"). */
  notes(): string[] {
    return this.skipped.map((item) => `${item.source}: ${item.reason}`);
  }

  dispose(): void {
    // Nothing to release: the traces go with the object.
  }
}
