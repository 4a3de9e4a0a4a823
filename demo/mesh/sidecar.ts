/**
 * An Envoy-like sidecar for the demo mesh, built on the real OpenTelemetry SDK. Like Istio's Envoy it traces
 * every hop from outside the application:
 * - inbound: a SERVER span per request, continuing the trace context the caller sent, forwarded to the app with
 *   that span as the parent (W3C and B3 headers, and `x-request-id`);
 * - outbound: the app's calls reach it as an HTTP proxy (`HTTP_PROXY`), and it opens a CLIENT span that continues
 *   the context the app put on the request, or — when the app dropped the headers — starts a new trace, which is
 *   exactly how a mesh trace breaks.
 *
 * Usage: node sidecar.js --service orders --listen 7001 --app 7101 --egress 7201
 *        --route inventory:8080=127.0.0.1:7002 --otlp http://127.0.0.1:4318/v1/traces
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import { CompositePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { B3InjectEncoding, B3Propagator } from '@opentelemetry/propagator-b3';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { parseSidecarArguments, type SidecarOptions } from './sidecarOptions';

const traceHeaders = ['traceparent', 'tracestate', 'b3', 'x-b3-traceid', 'x-b3-spanid', 'x-b3-parentspanid', 'x-b3-sampled', 'x-b3-flags'];

const getter: TextMapGetter<IncomingHttpHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key.toLowerCase()],
};
const setter: TextMapSetter<Record<string, string | string[] | undefined>> = {
  set: (carrier, key, value) => {
    carrier[key.toLowerCase()] = value;
  },
};

const propagator = new CompositePropagator({
  propagators: [new W3CTraceContextPropagator(), new B3Propagator({ injectEncoding: B3InjectEncoding.MULTI_HEADER })],
});

function meshHost(service: string): string {
  return `${service}.default.svc.cluster.local`;
}

/** Headers for the next hop: the request's own, minus any trace context, plus the context of `span`. */
function forwardHeaders(headers: IncomingHttpHeaders, context: Context, span: Span): Record<string, string | string[] | undefined> {
  const next: Record<string, string | string[] | undefined> = Object.fromEntries(
    Object.entries(headers).filter(([name]) => !traceHeaders.includes(name)),
  );
  next['x-request-id'] ??= randomUUID();
  propagator.inject(trace.setSpan(context, span), next, setter);
  return next;
}

function proxy(
  span: Span,
  request: IncomingMessage,
  response: ServerResponse,
  target: { port: number; path: string },
  headers: Record<string, string | string[] | undefined>,
): void {
  const upstream = http.request(
    { host: '127.0.0.1', port: target.port, path: target.path, method: request.method, headers },
    (reply) => {
      const status = reply.statusCode ?? 502;
      span.setAttribute('http.status_code', status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      response.writeHead(status, reply.headers);
      reply.pipe(response);
      reply.on('end', () => {
        span.end();
      });
    },
  );
  upstream.on('error', (error) => {
    span.setAttribute('http.status_code', 503);
    span.setAttribute('response_flags', 'UF');
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    span.end();
    if (!response.headersSent) response.writeHead(503, { 'content-type': 'text/plain' });
    response.end('upstream connect error');
  });
  request.pipe(upstream);
}

function start(options: SidecarOptions): void {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.service, 'k8s.namespace.name': 'default' }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: options.otlpEndpoint }), { scheduledDelayMillis: 500 }),
    ],
  });
  const tracer = provider.getTracer('envoy-like-sidecar');
  const host = meshHost(options.service);

  const inbound = http.createServer((request, response) => {
    const parent = propagator.extract(ROOT_CONTEXT, request.headers, getter);
    const path = request.url ?? '/';
    const span = tracer.startSpan(
      `${host}:8080/*`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.method': request.method ?? 'GET',
          'http.url': `http://${host}:8080${path}`,
          'http.protocol': 'HTTP/1.1',
          'upstream_cluster': `inbound|8080||`,
          'node_id': `sidecar~${options.service}`,
          'component': 'proxy',
          'guid:x-request-id': String(request.headers['x-request-id'] ?? ''),
        },
      },
      parent,
    );
    proxy(span, request, response, { port: options.appPort, path }, forwardHeaders(request.headers, parent, span));
  });

  const egress = http.createServer((request, response) => {
    let url: URL;
    try {
      url = new URL(request.url ?? '');
    } catch {
      response.writeHead(400).end('the sidecar egress expects proxy-style absolute URLs');
      return;
    }
    const route = options.routes.get(`${url.hostname}:${url.port || '80'}`);
    // The app's own headers decide whether the call continues a trace or, missing, starts a new one.
    const parent = propagator.extract(ROOT_CONTEXT, request.headers, getter);
    const span = tracer.startSpan(
      `${meshHost(url.hostname)}:${url.port || '80'}/*`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.method': request.method ?? 'GET',
          'http.url': url.toString(),
          'upstream_cluster': `outbound|${url.port || '80'}||${meshHost(url.hostname)}`,
          'peer.service': url.hostname,
          'node_id': `sidecar~${options.service}`,
          'component': 'proxy',
        },
      },
      parent,
    );
    if (!route) {
      span.setAttribute('http.status_code', 503);
      span.setAttribute('response_flags', 'NR');
      span.setStatus({ code: SpanStatusCode.ERROR, message: `no route to ${url.host}` });
      span.end();
      response.writeHead(503).end(`no route to ${url.host}`);
      return;
    }
    proxy(span, request, response, { port: route, path: `${url.pathname}${url.search}` }, forwardHeaders(request.headers, parent, span));
  });

  inbound.listen(options.listenPort, '127.0.0.1');
  egress.listen(options.egressPort, '127.0.0.1');
  const stop = (): void => {
    inbound.close();
    egress.close();
    void provider.shutdown().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

start(parseSidecarArguments(process.argv.slice(2)));
