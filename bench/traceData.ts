import { benchReceiverIngest } from './receiver/run';
import { benchLargeOtlpTrace, benchZipkinFixture } from './traces/run';

/** The trace data layer's benchmarks: parse + analyze (large OTLP, the big Zipkin fixture) and receiver ingest. */
export async function benchTraceData(): Promise<void> {
  await benchLargeOtlpTrace();
  await benchZipkinFixture();
  await benchReceiverIngest();
}
