import { silentLogger } from '../../src/core/log/logger';
import { TraceReceiver, type ReceiverOptions, type ReceiverProtocol } from '../../src/core/receiver/receiver';
import { TraceStore } from '../../src/core/receiver/traceStore';

/** A receiver on ephemeral ports with its own store, for tests. */
export interface RunningReceiver {
  readonly receiver: TraceReceiver;
  readonly store: TraceStore;
  url(protocol: ReceiverProtocol): string;
  stop(): Promise<void>;
}

export async function startTestReceiver(maxSpans = 100_000, options: Partial<ReceiverOptions> = {}): Promise<RunningReceiver> {
  const store = new TraceStore(maxSpans);
  const receiver = await TraceReceiver.start({ host: '127.0.0.1', otlpPort: 0, zipkinPort: 0, ...options }, store, silentLogger);
  return {
    receiver,
    store,
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
