import { normalizeTraceId } from '../../formats/ids';
import type { Trace } from '../../model/trace';
import { SourceError } from '../sourceError';
import type { OperationInfo, TraceQuery, TraceSearchResult, TraceSource } from '../traceSource';
import { JaegerApiV1 } from './apiV1';
import { JaegerApiV3 } from './apiV3';
import { authError, getJson } from './httpClient';
import type { JaegerApi } from './jaegerApi';
import type { JaegerConnection } from './options';
import { apiUrl } from './responses';

/** Failures that say the server is fine but has no v3 API, so v1 is worth a try. */
const v3Missing = new Set([404, 405, 501]);

/**
 * Jaeger as a trace source. The query API version is detected on first use: v3 (`/api/v3/services`) is preferred,
 * because upstream is removing v1's search endpoints; v1 (`/api/services`) is the fallback for older Jaegers.
 */
export class JaegerTraceSource implements TraceSource {
  readonly kind = 'jaeger';
  readonly label: string;
  private detected: Promise<JaegerApi> | undefined;

  constructor(private readonly connection: JaegerConnection) {
    let parsed: URL;
    try {
      parsed = new URL(connection.baseUrl);
    } catch {
      throw new SourceError('invalid-query', `"${connection.baseUrl}" is not a URL (expected something like http://localhost:16686)`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new SourceError('invalid-query', `"${connection.baseUrl}" is not an http(s) URL`);
    }
    this.label = `Jaeger at ${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  }

  /** The API version in use ('v3' or 'v1'), detecting it when needed. */
  async apiVersion(signal?: AbortSignal): Promise<'v3' | 'v1'> {
    return (await this.api(signal)).version;
  }

  async services(signal?: AbortSignal): Promise<string[]> {
    return (await this.api(signal)).services(signal);
  }

  async operations(service: string, signal?: AbortSignal): Promise<OperationInfo[]> {
    return (await this.api(signal)).operations(service, signal);
  }

  async search(query: TraceQuery, signal?: AbortSignal): Promise<TraceSearchResult> {
    if (query.service === undefined || query.service === '') throw new SourceError('invalid-query', 'Jaeger searches need a service');
    return (await this.api(signal)).search(query, signal);
  }

  async getTrace(traceId: string, signal?: AbortSignal): Promise<Trace | undefined> {
    const id = normalizeTraceId(traceId.trim());
    if (id === undefined) throw new SourceError('invalid-query', `"${traceId}" is not a trace id (16 or 32 hex digits)`);
    return (await this.api(signal)).getTrace(id, signal);
  }

  private api(signal?: AbortSignal): Promise<JaegerApi> {
    if (this.connection.apiVersion === 'v3') return Promise.resolve(new JaegerApiV3(this.connection));
    if (this.connection.apiVersion === 'v1') return Promise.resolve(new JaegerApiV1(this.connection));
    const detection = this.detected ?? this.detect(signal);
    this.detected = detection;
    // A failed detection (Jaeger down, a cancelled request) is retried next time rather than remembered.
    detection.catch(() => {
      if (this.detected === detection) this.detected = undefined;
    });
    return detection;
  }

  private async detect(signal?: AbortSignal): Promise<JaegerApi> {
    let v3Failure: SourceError | undefined;
    try {
      const response = await getJson(this.connection, apiUrl(this.connection.baseUrl, '/api/v3/services'), signal);
      const body = response.body;
      if (response.status === 200 && typeof body === 'object' && body !== null && 'services' in body) return new JaegerApiV3(this.connection);
      if (response.status === 401 || response.status === 403) throw authError(response.status, response.url);
      // Some other failure of a v3 API that is there (a 500, say): use it, and let its calls report the failure.
      if (!v3Missing.has(response.status) && response.status !== 200) return new JaegerApiV3(this.connection);
    } catch (error) {
      // An HTML page at /api/v3 may be an older Jaeger's UI answering every path: v1 decides. Anything else
      // (unreachable, 401, cancelled) fails the same way for v1, so it is reported now.
      if (!(error instanceof SourceError) || error.code !== 'not-json') throw error;
      v3Failure = error;
    }
    const response = await getJson(this.connection, apiUrl(this.connection.baseUrl, '/api/services'), signal).catch((error: unknown) => {
      throw v3Failure ?? error;
    });
    const body = response.body;
    if (response.status === 200 && typeof body === 'object' && body !== null && 'data' in body) return new JaegerApiV1(this.connection);
    if (response.status === 401 || response.status === 403) throw authError(response.status, response.url);
    throw new SourceError(
      'not-found',
      `${this.label.replace('Jaeger at ', '')} does not look like Jaeger's query service: neither /api/v3/services nor /api/services answered (HTTP ${response.status}). Is the base URL right, including any path prefix?`,
      response.status,
    );
  }
}
