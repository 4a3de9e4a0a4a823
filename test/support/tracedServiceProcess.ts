import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChildMessage, DownstreamCall, ParentMessage, ReportedSpan, TracedServiceConfig } from './tracedServiceProtocol';

/** A running traced service child process (see tracedService.ts). */
export interface TracedService {
  readonly port: number;
  readonly url: string;
  /** GET /work with the given downstream calls; resolves when the response arrived. */
  work(calls: readonly DownstreamCall[]): Promise<void>;
  get(path: string): Promise<number>;
  /** Flushes the service's exporter (the export request has completed) and returns the spans it recorded. */
  flush(): Promise<readonly ReportedSpan[]>;
  stop(): Promise<void>;
}

function nextMessage<T extends ChildMessage['type']>(child: ChildProcess, type: T, timeoutMs = 20_000): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`traced service sent no "${type}" message within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: ChildMessage): void => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`traced service exited (${String(code)}) before sending "${type}"`));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

export async function startTracedService(config: TracedServiceConfig): Promise<TracedService> {
  const child = fork(path.join(__dirname, 'tracedService.js'), [], {
    env: { ...process.env, TRACED_SERVICE_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await nextMessage(child, 'ready');
  const url = `http://127.0.0.1:${port}`;
  const get = async (requestPath: string): Promise<number> => {
    const response = await fetch(`${url}${requestPath}`);
    await response.text();
    return response.status;
  };
  return {
    port,
    url,
    work: async (calls) => {
      await get(`/work?calls=${encodeURIComponent(JSON.stringify(calls))}`);
    },
    get,
    flush: async () => {
      const reply = nextMessage(child, 'spans');
      child.send({ type: 'flush' } satisfies ParentMessage);
      return (await reply).spans;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.disconnect();
      }),
  };
}
