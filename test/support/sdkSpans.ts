import { context, trace, SpanKind, SpanStatusCode, type Link } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';

/**
 * Real spans from the OpenTelemetry SDK (not hand-written objects): a SERVER span with a CLIENT child carrying
 * every attribute type, events, a link and an error status, plus an INTERNAL span. Exporters serialize these.
 */
export async function recordSdkSpans(serviceName = 'checkout'): Promise<ReadableSpan[]> {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName, 'host.name': 'test-host', 'deployment.environment': 'test' }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('trace-stitch-tests', '1.2.3');
  const linked = tracer.startSpan('background-job', { kind: SpanKind.INTERNAL });
  linked.end();
  const link: Link = { context: linked.spanContext(), attributes: { 'link.reason': 'batch' } };
  const server = tracer.startSpan('POST /orders', {
    kind: SpanKind.SERVER,
    attributes: { 'http.request.method': 'POST', 'url.path': '/orders', 'http.route': '/orders', 'server.port': 8080 },
    links: [link],
  });
  const serverContext = trace.setSpan(context.active(), server);
  const client = tracer.startSpan(
    'GET',
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'url.full': 'http://payments:9090/charge?id=7',
        'server.address': 'payments',
        'server.port': 9090,
        'retry.count': 3,
        'sampling.ratio': 0.25,
        'cache.hit': false,
        'tags.list': ['a', 'b'],
        'big.number': 2 ** 40,
      },
    },
    serverContext,
  );
  client.addEvent('request.sent', { 'bytes.sent': 512 });
  client.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream failed' });
  client.end();
  server.addEvent('order.validated');
  server.end();
  await provider.forceFlush();
  const spans = memory.getFinishedSpans();
  await provider.shutdown();
  return [...spans];
}
