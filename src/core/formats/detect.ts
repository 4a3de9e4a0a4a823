import { describeValue, isRecord, type JsonRecord } from '../util/json';
import { isJaegerDocument, isJaegerSpan, parseJaegerArray, parseJaegerDocument } from './jaeger';
import { isOtlpDocument, parseOtlpDocument } from './otlpJson';
import type { ParseSink } from './parseResult';
import { isZipkinSpan, parseZipkinArray } from './zipkin';

/** What the trace formats look like, for the message when a document is none of them. */
const expected =
  'expected Jaeger JSON ({data:[…]} or {traceID, spans, processes}), OTLP JSON ({resourceSpans:[…]}) or a Zipkin v2 span array';

/** Routes one parsed JSON document to the parser of the format its content shows (never its file name). */
export function parseDocument(value: unknown, sink: ParseSink, location = ''): void {
  if (Array.isArray(value)) {
    parseArray(value as readonly unknown[], sink, location);
    return;
  }
  if (!isRecord(value)) {
    sink.skip(location, `not a trace document: found ${describeValue(value)}; ${expected}`);
    return;
  }
  if (isOtlpDocument(value)) parseOtlpDocument(value, sink, location);
  else if (isRecord(value.error)) sink.skip(location, describeApiError(value.error));
  else if (isJaegerDocument(value)) parseJaegerDocument(value, sink, location);
  else if (isZipkinSpan(value)) parseZipkinArray([value], sink, location);
  else sink.skip(location, describeUnknownObject(value));
}

function parseArray(items: readonly unknown[], sink: ParseSink, location: string): void {
  const first: unknown = items.find((item) => item !== null && !(Array.isArray(item) && item.length === 0));
  if (first === undefined) {
    sink.skip(location, 'an empty array: no spans');
    return;
  }
  const sample: unknown = Array.isArray(first) ? (first as readonly unknown[])[0] : first;
  if (!isRecord(sample)) {
    sink.skip(location, `not a trace document: an array of ${describeValue(sample)}; ${expected}`);
  } else if (isZipkinSpan(sample)) {
    parseZipkinArray(items, sink, location);
  } else if (isOtlpDocument(sample)) {
    const prefix = location === '' ? '' : `${location} `;
    items.forEach((item, index) => {
      parseDocument(item, sink, `${prefix}[${index}]`);
    });
  } else if (isJaegerSpan(sample) || Array.isArray(sample.spans)) {
    parseJaegerArray(items, sink, location);
  } else {
    sink.skip(location, `not a trace document: an array of ${describeValue(sample)}; ${expected}`);
  }
}

/** Jaeger API v3 (grpc-gateway) error bodies: `{error: {httpCode, grpcCode, message}}`. */
function describeApiError(error: JsonRecord): string {
  const message = typeof error.message === 'string' ? error.message : 'no message';
  const code = typeof error.httpCode === 'number' ? ` (HTTP ${error.httpCode})` : typeof error.code === 'number' ? ` (code ${error.code})` : '';
  return `the document is an API error, not traces: ${message}${code}`;
}

function describeUnknownObject(value: JsonRecord): string {
  if (Array.isArray(value.services)) return 'a Jaeger services list, not traces';
  if (Array.isArray(value.operations)) return 'a Jaeger operations list, not traces';
  if (Array.isArray(value.summaries)) return 'Jaeger trace summaries (no spans), not traces';
  return `not a trace document: found ${describeValue(value)}; ${expected}`;
}
