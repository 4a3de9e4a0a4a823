import type { Trace } from '../../../core/model/trace';
import type { SearchQuery, SourceInfo, SourceKind } from '../../../core/viewer/protocol';

export interface SearchOutcome {
  readonly traces: readonly Trace[];
  /** What the source could not use (skipped parts of a file, a partial Jaeger answer), in words. */
  readonly notes: readonly string[];
}

/**
 * A place the viewer can search and load traces from: a Jaeger endpoint, an opened file, the built-in receiver.
 * Errors are thrown as `Error`s whose message is fit to show the user.
 */
export interface ViewerSource {
  readonly id: string;
  readonly kind: SourceKind;
  readonly label: string;
  /** How the source is doing, for the search form and the Sources view. */
  info(): SourceInfo;
  services(signal: AbortSignal): Promise<readonly string[]>;
  operations(service: string, signal: AbortSignal): Promise<readonly string[]>;
  search(query: SearchQuery, signal: AbortSignal): Promise<SearchOutcome>;
  /** The trace, or undefined when the source does not have it. */
  trace(traceId: string, signal: AbortSignal): Promise<Trace | undefined>;
  dispose(): void;
}
