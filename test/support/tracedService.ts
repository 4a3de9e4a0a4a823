// First: sets up tracing and the http instrumentation before node:http loads below.
import { memory, provider, tracer } from './tracedServiceTracing';
import * as http from 'node:http';
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ChildMessage, DownstreamCall, ReportedSpan } from './tracedServiceProtocol';

/**
 * A real instrumented Node service, run as a child process by tests: NodeTracerProvider + HttpInstrumentation over
 * a local HTTP server, exporting with a real OpenTelemetry exporter to the receiver under test. GET /work?calls=…
 * makes the listed downstream calls (propagated, context dropped, or uninstrumented fetch); GET /leaf answers;
 * GET /fail answers 500. On 'flush' it flushes its exporter and reports the spans it recorded.
 */

function send(message: ChildMessage): void {
  process.send?.(message);
}

function main(): void {
  const get = (url: string): Promise<void> =>
    new Promise((resolve, reject) => {
      http
        .get(url, (response) => {
          response.resume();
          response.on('end', () => {
            resolve();
          });
        })
        .on('error', reject);
    });

  const call = async ({ url, mode }: DownstreamCall): Promise<void> => {
    if (mode === 'fetch') {
      await (await fetch(url)).text();
    } else if (mode === 'root') {
      await context.with(ROOT_CONTEXT, () => get(url));
    } else {
      await get(url);
    }
  };

  // Requests still being answered: their server spans end only when the response is flushed, so 'flush' waits.
  let inFlight = 0;
  let idle: (() => void)[] = [];
  const whenIdle = (): Promise<void> => (inFlight === 0 ? Promise.resolve() : new Promise((resolve) => idle.push(resolve)));

  const server = http.createServer((request, response) => {
    inFlight++;
    response.on('close', () => {
      setImmediate(() => {
        inFlight--;
        if (inFlight > 0) return;
        const waiting = idle;
        idle = [];
        for (const resolve of waiting) resolve();
      });
    });
    const url = new URL(request.url ?? '/', 'http://localhost');
    void (async () => {
      if (url.pathname === '/work') {
        const calls = JSON.parse(url.searchParams.get('calls') ?? '[]') as DownstreamCall[];
        await tracer.startActiveSpan('handle work', { kind: SpanKind.INTERNAL, attributes: { 'work.calls': calls.length } }, async (span) => {
          span.addEvent('work.started');
          for (const downstream of calls) await call(downstream);
          span.end();
        });
        response.end('done');
      } else if (url.pathname === '/fail') {
        trace.getActiveSpan()?.setStatus({ code: SpanStatusCode.ERROR, message: 'failing on purpose' });
        response.statusCode = 500;
        response.end('failed');
      } else {
        // A little simulated work, so the server span visibly encloses nothing shorter than itself.
        await new Promise((resolve) => setTimeout(resolve, 3));
        response.end('leaf');
      }
    })();
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    send({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
  });

  // 'flush' is the only message: flush the exporter, then report the recorded spans.
  process.on('message', () => {
    void whenIdle()
      .then(() => provider.forceFlush())
      .then(() => {
        const spans: ReportedSpan[] = memory.getFinishedSpans().map((span) => ({
          traceId: span.spanContext().traceId,
          spanId: span.spanContext().spanId,
          parentSpanId: span.parentSpanContext?.spanId,
          name: span.name,
          kind: span.kind,
          attributes: { ...span.attributes },
          events: span.events.map((event) => event.name),
          statusCode: span.status.code,
          durationNs: (span.endTime[0] - span.startTime[0]) * 1e9 + (span.endTime[1] - span.startTime[1]),
        }));
        send({ type: 'spans', spans });
      });
  });
  process.on('disconnect', () => {
    server.close();
    void provider.shutdown().finally(() => process.exit(0));
  });
}

main();
