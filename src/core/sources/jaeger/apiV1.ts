import { parseTraceValue } from '../../formats/parseTraces';
import type { Trace } from '../../model/trace';
import { defaultSearchLimit, queryWindow, type OperationInfo, type TraceQuery, type TraceSearchResult } from '../traceSource';
import { getJson } from './httpClient';
import type { JaegerApi } from './jaegerApi';
import type { JaegerConnection } from './options';
import { apiUrl, expectOk, stringList } from './responses';

/**
 * Jaeger's internal v1 HTTP API (what Jaeger UI uses): `/api/services`, `/api/services/{s}/operations`,
 * `/api/traces?service=…` and `/api/traces/{id}`, answering `{data: […], errors}`. Used when v3 is not there.
 */
export class JaegerApiV1 implements JaegerApi {
  readonly version = 'v1';

  constructor(private readonly connection: JaegerConnection) {}

  async services(signal?: AbortSignal): Promise<string[]> {
    const response = await getJson(this.connection, apiUrl(this.connection.baseUrl, '/api/services'), signal);
    return stringList(expectOk(response), 'data', response.url).sort();
  }

  async operations(service: string, signal?: AbortSignal): Promise<OperationInfo[]> {
    const response = await getJson(this.connection, apiUrl(this.connection.baseUrl, `/api/services/${encodeURIComponent(service)}/operations`), signal);
    return stringList(expectOk(response), 'data', response.url)
      .sort()
      .map((name) => ({ name }));
  }

  async search(query: TraceQuery, signal?: AbortSignal): Promise<TraceSearchResult> {
    const { startMs, endMs } = queryWindow(query);
    const tags = query.tags && Object.keys(query.tags).length > 0 ? JSON.stringify(query.tags) : undefined;
    const url = apiUrl(this.connection.baseUrl, '/api/traces', {
      service: query.service,
      operation: query.operation,
      tags,
      start: String(Math.floor(startMs * 1000)),
      end: String(Math.ceil(endMs * 1000)),
      limit: String(query.limit ?? defaultSearchLimit),
      minDuration: query.minDurationMs === undefined ? undefined : `${query.minDurationMs}ms`,
      maxDuration: query.maxDurationMs === undefined ? undefined : `${query.maxDurationMs}ms`,
    });
    const response = await getJson(this.connection, url, signal);
    const parsed = parseTraceValue(expectOk(response), response.url);
    return { traces: parsed.traces, skipped: parsed.skipped };
  }

  async getTrace(traceId: string, signal?: AbortSignal): Promise<Trace | undefined> {
    const response = await getJson(this.connection, apiUrl(this.connection.baseUrl, `/api/traces/${encodeURIComponent(traceId)}`), signal);
    if (response.status === 404) return undefined;
    const parsed = parseTraceValue(expectOk(response), response.url);
    return parsed.traces.find((trace) => trace.traceId === traceId) ?? parsed.traces[0];
  }
}
