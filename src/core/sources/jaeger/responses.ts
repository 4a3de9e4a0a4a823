import { isRecord } from '../../util/json';
import { SourceError } from '../sourceError';
import { authError, type JsonResponse } from './httpClient';

/** The error message a Jaeger response carries: v3 `{error: {message}}`, v1 `{errors: [{msg}]}`. */
export function errorMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  if (isRecord(body.error) && typeof body.error.message === 'string') return body.error.message;
  if (Array.isArray(body.errors)) {
    const messages = (body.errors as readonly unknown[]).flatMap((error) => (isRecord(error) && typeof error.msg === 'string' ? [error.msg] : []));
    if (messages.length > 0) return messages.join('; ');
  }
  return typeof body.message === 'string' ? body.message : undefined;
}

/** The body of a 2xx response; any other status becomes the SourceError that explains it. */
export function expectOk(response: JsonResponse): unknown {
  const { status, body, url } = response;
  if (status >= 200 && status < 300) return body;
  const message = errorMessage(body) ?? response.text;
  const detail = message === undefined ? '' : `: ${message}`;
  if (status === 401 || status === 403) throw authError(status, url);
  if (status === 404) throw new SourceError('not-found', `${url} answered 404 Not Found${detail}. Is the base URL right, including any path prefix (such as /jaeger)?`, status);
  if (status >= 500) throw new SourceError('server-error', `Jaeger at ${url} failed with HTTP ${status}${detail}`, status);
  throw new SourceError('bad-response', `Jaeger at ${url} refused the request with HTTP ${status}${detail}`, status);
}

/** Reads `key` as an array of strings from a response body, or explains what came instead. */
export function stringList(body: unknown, key: string, url: string): string[] {
  const list = isRecord(body) ? body[key] : undefined;
  if (list === null) return [];
  if (!Array.isArray(list)) throw new SourceError('bad-response', `${url} did not answer with a "${key}" list: is this Jaeger's query service?`);
  return (list as readonly unknown[]).filter((item): item is string => typeof item === 'string');
}

/** A URL under the connection's base URL (which may carry a path prefix), with query parameters. */
export function apiUrl(baseUrl: string, path: string, params: Readonly<Record<string, string | undefined>> = {}): URL {
  const base = new URL(baseUrl);
  const url = new URL(`${base.pathname.replace(/\/+$/, '')}${path}`, base);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url;
}
