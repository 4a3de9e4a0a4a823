// OpenTelemetry for the frontend: HTTP instrumentation, W3C trace context, OTLP/HTTP export.
// The endpoint comes from OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the demo points it at Trace Stitch's receiver).
'use strict';
const { NodeTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-node');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { resourceFromAttributes } = require('@opentelemetry/resources');

const provider = new NodeTracerProvider({
  resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME ?? 'frontend' }),
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: 500 })],
});
provider.register();
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });

process.on('SIGTERM', () => {
  provider.shutdown().finally(() => process.exit(0));
});
