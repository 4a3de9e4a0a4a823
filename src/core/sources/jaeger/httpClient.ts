import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { SourceError } from '../sourceError';
import type { JaegerConnection } from './options';

/** A JSON response: the status, and the body parsed (undefined when it was empty, or not JSON on an error status). */
export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
  readonly url: string;
  /** The start of a non-JSON error body ("404 page not found"), for messages. */
  readonly text?: string;
}

const defaultTimeoutMs = 15_000;
const defaultMaxBytes = 100 * 1024 * 1024;

/**
 * GETs a URL and parses JSON, turning every way that can go wrong into a `SourceError` that says what happened:
 * unreachable, timeout, cancelled, redirected (a login proxy), HTML instead of JSON, too large, truncated.
 * Non-2xx statuses with a JSON body are returned for the caller to interpret (404 may mean "no traces").
 * Redirects are not followed, so credentials never go anywhere but the configured server.
 */
export async function getJson(connection: JaegerConnection, url: URL, signal?: AbortSignal): Promise<JsonResponse> {
  const where = `${url.origin}${url.pathname}`;
  const response = await send(connection, url, signal);
  const status = response.statusCode ?? 0;
  if (status >= 300 && status < 400) {
    response.resume();
    const location = response.headers.location ?? '(no location)';
    throw new SourceError('redirected', `${where} redirected (${status}) to ${location}: a login page or proxy in front of Jaeger? Use the query service's own URL, or add credentials.`, status);
  }
  const text = await readText(response, connection.maxResponseBytes ?? defaultMaxBytes, where, signal);
  const contentType = response.headers['content-type'] ?? '';
  if (/html/i.test(contentType) || /^\s*</.test(text)) {
    if (status === 401 || status === 403) throw authError(status, where);
    throw new SourceError('not-json', `${where} answered with an HTML page (HTTP ${status}) where JSON was expected: a login page or proxy in front of Jaeger? Check the URL and credentials.`, status);
  }
  if (text.trim() === '') return { status, body: undefined, url: where };
  try {
    return { status, body: JSON.parse(text) as unknown, url: where };
  } catch (error) {
    // Older Jaegers' API v3 streams search results as one `{"result": …}` document per line.
    const documents = jsonLines(text);
    if (documents) return { status, body: documents, url: where };
    if (status === 401 || status === 403) throw authError(status, where);
    // An error status with a plain-text body: the status says what happened.
    if (status < 200 || status >= 300) return { status, body: undefined, url: where, text: text.trim().slice(0, 200) };
    const detail = error instanceof Error ? error.message : String(error);
    if (/end of JSON input|Unterminated/i.test(detail)) throw new SourceError('truncated', `${where} sent an incomplete JSON response (it ends early)`, status);
    throw new SourceError('bad-response', `${where} did not answer with JSON (HTTP ${status}): ${text.slice(0, 120)}`, status);
  }
}

/** Every non-empty line parsed as JSON, or undefined when the text is not (at least two lines of) JSON Lines. */
function jsonLines(text: string): unknown[] | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length < 2) return undefined;
  try {
    return lines.map((line) => JSON.parse(line) as unknown);
  } catch {
    return undefined;
  }
}

export function authError(status: number, where: string): SourceError {
  return status === 401
    ? new SourceError('unauthorized', `${where} answered 401 Unauthorized: Jaeger (or a proxy in front of it) needs credentials; set a bearer token or user and password.`, status)
    : new SourceError('forbidden', `${where} answered 403 Forbidden: the credentials were accepted but may not read traces.`, status);
}

function send(connection: JaegerConnection, url: URL, signal?: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new SourceError('cancelled', 'the request was cancelled'));
      return;
    }
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Encoding': 'gzip, deflate, br', ...connection.headers };
    const auth = connection.auth;
    if (auth?.kind === 'bearer') headers.Authorization = `Bearer ${auth.token}`;
    if (auth?.kind === 'basic') headers.Authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    const options: RequestOptions & { ca?: string; cert?: string; key?: string; rejectUnauthorized?: boolean } = {
      method: 'GET',
      headers,
      ...(url.protocol === 'https:' ? { ca: connection.tls?.ca, cert: connection.tls?.cert, key: connection.tls?.key, rejectUnauthorized: connection.tls?.rejectUnauthorized ?? true } : {}),
    };
    const timeoutMs = connection.timeoutMs ?? defaultTimeoutMs;
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, (response) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(response);
    });
    const timer = setTimeout(() => {
      request.destroy(new SourceError('timeout', `${url.origin} did not answer within ${timeoutMs / 1000} s (is the URL right and Jaeger up?)`));
    }, timeoutMs);
    const onAbort = (): void => {
      request.destroy(new SourceError('cancelled', 'the request was cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(error instanceof SourceError ? error : connectionError(error, url));
    });
    request.end();
  });
}

function connectionError(error: NodeJS.ErrnoException, url: URL): SourceError {
  const where = url.origin;
  switch (error.code) {
    case 'ECONNREFUSED':
      return new SourceError('unreachable', `cannot reach Jaeger at ${where}: connection refused (is jaeger-query running, and is this its port? The UI and query API usually listen on 16686.)`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new SourceError('unreachable', `cannot reach Jaeger at ${where}: the host name does not resolve`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new SourceError('unreachable', `cannot reach Jaeger at ${where}: ${error.code === 'ETIMEDOUT' ? 'the connection timed out' : 'no route to the host'}`);
    case 'ECONNRESET':
      return new SourceError('unreachable', `Jaeger at ${where} closed the connection (wrong protocol, http vs https?)`);
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return new SourceError('unreachable', `the TLS certificate of ${where} is not trusted (${error.code}): add its CA certificate, or turn off verification for testing`);
    default:
      return new SourceError('unreachable', `cannot reach Jaeger at ${where}: ${error.message}`);
  }
}

/** The body as text, decompressed, within `maxBytes`; an early end is reported as truncation. */
function readText(response: IncomingMessage, maxBytes: number, where: string, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(response.headers['content-length']);
    const encoding = (response.headers['content-encoding'] ?? '').toLowerCase();
    if (encoding === '' && Number.isFinite(declared) && declared > maxBytes) {
      response.destroy();
      reject(tooLarge(where, maxBytes));
      return;
    }
    let stream: Readable = response;
    if (encoding === 'gzip') stream = response.pipe(createGunzip());
    else if (encoding === 'deflate') stream = response.pipe(createInflate());
    else if (encoding === 'br') stream = response.pipe(createBrotliDecompress());
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: SourceError): void => {
      if (settled) return;
      settled = true;
      response.destroy();
      reject(error);
    };
    const onAbort = (): void => {
      fail(new SourceError('cancelled', 'the request was cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(tooLarge(where, maxBytes));
      else chunks.push(chunk);
    });
    stream.on('end', () => {
      signal?.removeEventListener('abort', onAbort);
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    const truncated = (): void => {
      fail(new SourceError('truncated', `the response from ${where} was cut off after ${size} bytes (the connection closed early)`));
    };
    response.on('aborted', truncated);
    response.on('error', truncated);
    if (stream !== response) stream.on('error', () => {
      fail(new SourceError('truncated', `the compressed response from ${where} is incomplete or corrupt`));
    });
  });
}

function tooLarge(where: string, maxBytes: number): SourceError {
  return new SourceError('too-large', `the response from ${where} is larger than ${Math.round(maxBytes / (1024 * 1024))} MiB: narrow the search (fewer traces, a shorter lookback)`);
}
