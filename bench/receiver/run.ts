import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { report } from '../report';
import { generateOtlpBatches } from '../traces/generateOtlp';
import type { IngestChildMessage } from './ingestChild';

function nextMessage(child: ChildProcess): Promise<IngestChildMessage> {
  return new Promise((resolve, reject) => {
    child.once('message', (message: IngestChildMessage) => {
      resolve(message);
    });
    child.once('exit', (code) => {
      reject(new Error(`the receiver process exited (${String(code)})`));
    });
  });
}

function post(agent: Agent, port: number, body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path: '/v1/traces', method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': body.length } }, (response) => {
      response.resume();
      response.on('end', () => {
        if (response.statusCode === 200) resolve();
        else reject(new Error(`the receiver answered ${String(response.statusCode)}`));
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * Receiver ingest: OTLP JSON export requests of 512 spans (distinct traces) posted to the receiver running alone in
 * its own process, 4 requests in flight, as a batching SDK exporter fleet would. Spans per second per round; the
 * store is capped at 50,000 spans, so memory stays bounded while 100,000+ spans flow through.
 */
export async function benchReceiverIngest(rounds = 5, batchesPerRound = 40, batchSize = 512, inFlight = 4): Promise<void> {
  const bodies = generateOtlpBatches(rounds * batchesPerRound, batchSize).map((text) => Buffer.from(text));
  const child = fork(path.join(__dirname, 'ingestChild.js'), ['50000'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  try {
    const { port } = await nextMessage(child);
    if (port === undefined) throw new Error('the receiver did not start');
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const batch = bodies.slice(round * batchesPerRound, (round + 1) * batchesPerRound);
      const started = performance.now();
      let cursor = 0;
      const worker = async (): Promise<void> => {
        while (cursor < batch.length) {
          const body = batch[cursor++];
          if (body) await post(agent, port, body);
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
      samples.push((batch.length * batchSize) / ((performance.now() - started) / 1000));
    }
    child.send('stats');
    const stats = await nextMessage(child);
    console.log(
      `  (${rounds * batchesPerRound * batchSize} spans sent; store holds ${String(stats.spans)} (cap 50000), ${String(stats.evictedTraces)} traces evicted; receiver heap ${String(stats.heapUsedMb)} MB, RSS ${String(stats.rssMb)} MB)`,
    );
    report('receiver-ingest-otlp-json-512', samples, 'spans/s', 0);
    report('receiver-ingest-heap', [stats.heapUsedMb ?? 0], 'MB', 0);
  } finally {
    agent.destroy();
    child.disconnect();
  }
}
