import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A local HTTP server (ephemeral port) that records every request and answers 200 with an empty body. */
export interface CapturingServer {
  readonly url: string;
  readonly requests: CapturedRequest[];
  /** Resolves once `ready(requests)` holds, re-checking on every request that arrives. */
  waitFor(ready: (requests: readonly CapturedRequest[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startCapturingServer(): Promise<CapturingServer> {
  const requests: CapturedRequest[] = [];
  const listeners = new Set<() => void>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(200).end();
      for (const listener of [...listeners]) listener();
    });
  });
  const waitFor = (ready: (captured: readonly CapturedRequest[]) => boolean, what: string, timeoutMs = 20_000): Promise<void> =>
    new Promise((resolve, reject) => {
      if (ready(requests)) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const check = (): void => {
        if (!ready(requests)) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve();
      };
      listeners.add(check);
    });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    waitFor,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
