import type { Trace } from '../../model/trace';
import type { OperationInfo, TraceQuery, TraceSearchResult } from '../traceSource';

/** One version of Jaeger's query API, as the source needs it. */
export interface JaegerApi {
  readonly version: 'v3' | 'v1';
  services(signal?: AbortSignal): Promise<string[]>;
  operations(service: string, signal?: AbortSignal): Promise<OperationInfo[]>;
  search(query: TraceQuery, signal?: AbortSignal): Promise<TraceSearchResult>;
  getTrace(traceId: string, signal?: AbortSignal): Promise<Trace | undefined>;
}
