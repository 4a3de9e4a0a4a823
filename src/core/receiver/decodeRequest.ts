import { resultFromSink } from '../formats/assemble';
import { locateJsonError } from '../formats/jsonError';
import { isOtlpDocument, parseOtlpDocument } from '../formats/otlpJson';
import { describeProtobufFailure, readOtlpProtobuf } from '../formats/otlpProtobuf';
import { ParseSink, type ParseResult } from '../formats/parseResult';
import { isZipkinSpan, parseZipkinArray } from '../formats/zipkin';
import { isRecord } from '../util/json';
import { RequestError } from './body';

/**
 * Request bodies to spans. Unlike `parseTraces` (which accepts anything it recognizes), an endpoint accepts only
 * its own format: a malformed or foreign body is a 400, individually broken spans are a partial success.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeText(body: Uint8Array): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new RequestError(400, 'the body is not valid UTF-8 text');
  }
}

function parseJson(body: Uint8Array): unknown {
  const text = decodeText(body);
  try {
    return JSON.parse(text);
  } catch (error) {
    const location = locateJsonError(text);
    const where = location ? ` at line ${location.line} column ${location.column}: ${location.problem}` : `: ${error instanceof Error ? error.message : String(error)}`;
    throw new RequestError(400, `the body is not valid JSON${where}`);
  }
}

export function decodeOtlpJson(body: Uint8Array, source: string): ParseResult {
  const document = parseJson(body);
  if (!isRecord(document) || !isOtlpDocument(document)) {
    throw new RequestError(400, 'the body is not an OTLP ExportTraceServiceRequest (expected {"resourceSpans": [...]})');
  }
  const sink = new ParseSink(source);
  parseOtlpDocument(document, sink);
  return resultFromSink(sink);
}

export function decodeOtlpProtobuf(body: Uint8Array, source: string): ParseResult {
  const sink = new ParseSink(source);
  try {
    readOtlpProtobuf(body, sink);
  } catch (error) {
    throw new RequestError(400, describeProtobufFailure(error));
  }
  return resultFromSink(sink);
}

export function decodeZipkinJson(body: Uint8Array, source: string): ParseResult {
  const document = parseJson(body);
  if (!Array.isArray(document)) throw new RequestError(400, 'the body is not a Zipkin v2 span array (expected [{"traceId": …, "id": …}, …])');
  const first: unknown = document[0];
  if (first !== undefined && (!isRecord(first) || !isZipkinSpan(first) || 'binaryAnnotations' in first)) {
    const hint = isRecord(first) && 'binaryAnnotations' in first ? ' (this looks like Zipkin v1, which is not supported: send v2 to /api/v2/spans)' : '';
    throw new RequestError(400, `the body is not a Zipkin v2 span array${hint}`);
  }
  const sink = new ParseSink(source);
  parseZipkinArray(document as readonly unknown[], sink);
  return resultFromSink(sink);
}
