import * as assert from 'node:assert/strict';
import { ExportResultCode } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { startCapturingServer } from './capturingServer';
import { recordSdkSpans } from './sdkSpans';

/** The request body @opentelemetry/exporter-trace-otlp-proto sends for the given spans (default: `recordSdkSpans`). */
export async function exportProtobufBody(spans?: ReadableSpan[]): Promise<Buffer> {
  const server = await startCapturingServer();
  try {
    const exporter = new OTLPTraceExporter({ url: `${server.url}/v1/traces` });
    const toExport = spans ?? (await recordSdkSpans());
    const code = await new Promise<ExportResultCode>((resolve) => {
      exporter.export(toExport, (result) => {
        resolve(result.code);
      });
    });
    await exporter.shutdown();
    assert.equal(code, ExportResultCode.SUCCESS);
    const request = server.requests[0];
    assert.ok(request, 'the exporter sent nothing');
    assert.equal(request.headers['content-type'], 'application/x-protobuf');
    return request.body;
  } finally {
    await server.close();
  }
}
