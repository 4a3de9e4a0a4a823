import { parseTraceValue } from '../../formats/parseTraces';
import type { Trace } from '../../model/trace';
import { isRecord } from '../../util/json';
import { searchTraces } from '../memorySearch';
import { SourceError } from '../sourceError';
import { defaultSearchLimit, queryWindow, type OperationInfo, type TraceQuery, type TraceSearchResult } from '../traceSource';
import { getJson } from './httpClient';
import type { JaegerApi } from './jaegerApi';
import type { JaegerConnection } from './options';
import { apiUrl, expectOk, stringList } from './responses';

/**
 * Jaeger query API v3 over HTTP: `/api/v3/services`, `/api/v3/operations?service=`, `/api/v3/traces?query.*` and
 * `/api/v3/traces/{id}`, answering OTLP JSON `{result: {resourceSpans}}`. Its HTTP gateway reports "no traces" as a
 * 404 and cannot filter by attributes, so tags are applied here, to what the search returned.
 */
export class JaegerApiV3 implements JaegerApi {
  readonly version = 'v3';

  constructor(private readonly connection: JaegerConnection) {}

  async services(signal?: AbortSignal): Promise<string[]> {
    const response = await getJson(this.connection, apiUrl(this.connection.baseUrl, '/api/v3/services'), signal);
    return stringList(expectOk(response), 'services', response.url).sort();
  }

  async operations(service: string, signal?: AbortSignal): Promise<OperationInfo[]> {
    const response = await getJson(this.connection, apiUrl(this.connection.baseUrl, '/api/v3/operations', { service }), signal);
    const body = expectOk(response);
    const list = isRecord(body) ? body.operations : undefined;
    if (list === null || list === undefined) return [];
    if (!Array.isArray(list)) throw new SourceError('bad-response', `${response.url} did not answer with an "operations" list`);
    return (list as readonly unknown[]).flatMap((item) =>
      isRecord(item) && typeof item.name === 'string' ? [typeof item.spanKind === 'string' && item.spanKind !== '' ? { name: item.name, spanKind: item.spanKind } : { name: item.name }] : [],
    );
  }

  async search(query: TraceQuery, signal?: AbortSignal): Promise<TraceSearchResult> {
    const { startMs, endMs } = queryWindow(query);
    const url = apiUrl(this.connection.baseUrl, '/api/v3/traces', {
      'query.service_name': query.service,
      'query.operation_name': query.operation,
      'query.start_time_min': new Date(startMs).toISOString(),
      'query.start_time_max': new Date(endMs).toISOString(),
      'query.num_traces': String(query.limit ?? defaultSearchLimit),
      'query.duration_min': query.minDurationMs === undefined ? undefined : `${query.minDurationMs}ms`,
      'query.duration_max': query.maxDurationMs === undefined ? undefined : `${query.maxDurationMs}ms`,
    });
    const response = await getJson(this.connection, url, signal);
    if (response.status === 404) return { traces: [], skipped: [] };
    const parsed = parseTraceValue(expectOk(response), response.url);
    const hasTags = Object.keys(query.tags ?? {}).length > 0;
    const traces = hasTags ? searchTraces(parsed.traces, { ...query, startMs: 0, endMs: Number.MAX_SAFE_INTEGER }) : parsed.traces;
    return { traces, skipped: parsed.skipped };
  }

  async getTrace(traceId: string, signal?: AbortSignal): Promise<Trace | undefined> {
    const response = await getJson(this.connection, apiUrl(this.connection.baseUrl, `/api/v3/traces/${encodeURIComponent(traceId)}`), signal);
    if (response.status === 404) return undefined;
    const parsed = parseTraceValue(expectOk(response), response.url);
    return parsed.traces.find((trace) => trace.traceId === traceId) ?? parsed.traces[0];
  }
}
