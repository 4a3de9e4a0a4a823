import { silentLogger } from '../../src/core/log/logger';
import { TraceReceiver, type ReceiverOptions, type ReceiverProtocol } from '../../src/core/receiver/receiver';
import { TraceStore } from '../../src/core/receiver/traceStore';

/** A receiver on ephemeral ports with its own store, for tests. */
export interface RunningReceiver {
  readonly receiver: TraceReceiver;
  readonly store: TraceStore;
  /** Resolves once the store holds `count` spans (checked on every update), for exports still in flight. */
  waitForSpans(count: number, timeoutMs?: number): Promise<void>;
  url(protocol: ReceiverProtocol): string;
  stop(): Promise<void>;
}

export async function startTestReceiver(maxSpans = 100_000, options: Partial<ReceiverOptions> = {}): Promise<RunningReceiver> {
  const store = new TraceStore(maxSpans);
  const receiver = await TraceReceiver.start({ host: '127.0.0.1', otlpPort: 0, zipkinPort: 0, ...options }, store, silentLogger);
  const waitForSpans = (count: number, timeoutMs = 20_000): Promise<void> =>
    new Promise((resolve, reject) => {
      if (store.stats.spans >= count) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`Timed out after ${timeoutMs} ms: the store holds ${store.stats.spans} of ${count} spans`));
      }, timeoutMs);
      const subscription = store.onDidUpdateTrace(() => {
        if (store.stats.spans < count) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      });
    });
  return {
    receiver,
    store,
    waitForSpans,
    url: (protocol) => {
      const endpoint = receiver.endpoints.find((candidate) => candidate.protocol === protocol);
      if (endpoint?.url === undefined) throw new Error(`the ${protocol} endpoint is not listening: ${endpoint?.error ?? 'no state'}`);
      return endpoint.url;
    },
    stop: async () => {
      await receiver.stop();
      store.dispose();
    },
  };
}
