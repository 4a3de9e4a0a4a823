import { trace, type TextMapPropagator } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpHttpExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import type { TracedServiceConfig } from './tracedServiceProtocol';

/**
 * The traced service's OpenTelemetry setup. It must run before `node:http` is first required, so the service
 * imports this module first: the http instrumentation patches the module as it is loaded.
 */

export const config = JSON.parse(process.env.TRACED_SERVICE_CONFIG ?? '{}') as TracedServiceConfig;

const ignoreIncoming: TextMapPropagator = {
  inject: () => undefined,
  extract: (active) => active,
  fields: () => [],
};

function createExporter(): SpanExporter {
  switch (config.exporter) {
    case 'otlp-http':
      return new OtlpHttpExporter({ url: config.endpoint });
    case 'otlp-proto':
      return new OtlpProtoExporter({ url: config.endpoint });
    case 'zipkin':
      return new ZipkinExporter({ url: config.endpoint, serviceName: config.service });
  }
}

export const memory = new InMemorySpanExporter();
export const provider = new NodeTracerProvider({
  resource: resourceFromAttributes({ 'service.name': config.service, 'host.name': 'test-host' }),
  spanProcessors: [new BatchSpanProcessor(createExporter(), { scheduledDelayMillis: 100, maxExportBatchSize: 512 }), new SimpleSpanProcessor(memory)],
});
provider.register({ propagator: config.propagation === 'none' ? ignoreIncoming : new W3CTraceContextPropagator() });
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
export const tracer = trace.getTracer('traced-service', '1.0.0');

