import { silentLogger } from '../../src/core/log/logger';
import { TraceReceiver } from '../../src/core/receiver/receiver';
import { TraceStore } from '../../src/core/receiver/traceStore';

/** The receiver under load, alone in its process (one core): reports its port, then its memory and store on request. */
export interface IngestChildMessage {
  readonly port?: number;
  readonly heapUsedMb?: number;
  readonly rssMb?: number;
  readonly spans?: number;
  readonly evictedTraces?: number;
}

const maxSpans = Number(process.argv[2] ?? 50_000);
const store = new TraceStore(maxSpans);

void TraceReceiver.start({ host: '127.0.0.1', otlpPort: 0, zipkinPort: 0 }, store, silentLogger).then((receiver) => {
  const otlp = receiver.endpoints.find((endpoint) => endpoint.protocol === 'otlp');
  process.send?.({ port: otlp?.port } satisfies IngestChildMessage);
  process.on('message', () => {
    const memory = process.memoryUsage();
    process.send?.({
      heapUsedMb: Math.round(memory.heapUsed / (1024 * 1024)),
      rssMb: Math.round(memory.rss / (1024 * 1024)),
      spans: store.stats.spans,
      evictedTraces: store.stats.evictedTraces,
    } satisfies IngestChildMessage);
  });
  process.on('disconnect', () => {
    void receiver.stop().then(() => process.exit(0));
  });
});
