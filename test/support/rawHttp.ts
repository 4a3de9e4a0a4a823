import { request } from 'node:http';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

export interface RawRequest {
  readonly method?: string;
  readonly headers?: Record<string, string | number>;
  /** Sent in one piece (with Content-Length unless headers say otherwise). */
  readonly body?: Buffer | string;
  /** Sent chunked, one write per chunk, without Content-Length. */
  readonly chunks?: readonly Buffer[];
}

/**
 * An HTTP request with full control over headers and body, for feeding the receiver bad input. Resolves with the
 * response even when the server closes the connection while the body is still being sent (as after a 413).
 */
export function rawRequest(url: string, options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request(url, { method: options.method ?? 'POST', headers: options.headers }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
      });
      response.on('error', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
      });
    });
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (options.chunks) {
      // Buffered by the request when the socket is slower; a server that stops reading just never gets the rest.
      for (const chunk of options.chunks) outgoing.write(chunk);
      outgoing.end();
    } else {
      outgoing.end(options.body);
    }
  });
}
