/**
 * OTLP/HTTP response bodies, in the request's encoding: `ExportTraceServiceResponse` (with `partial_success` when
 * spans were rejected) on success, `google.rpc.Status` on failure. The protobuf encodings are tiny, so they are
 * written by hand: field 1 `partial_success` { 1: `rejected_spans` int64, 2: `error_message` string };
 * Status { 1: `code` int32, 2: `message` string }.
 */

export type OtlpEncoding = 'json' | 'protobuf';

/** gRPC status codes used in Status bodies. */
export const GrpcCode = { invalidArgument: 3, resourceExhausted: 8, unimplemented: 12, internal: 13 } as const;

const utf8 = new TextEncoder();

function varint(value: number): number[] {
  const bytes: number[] = [];
  let remaining = value;
  while (remaining >= 0x80) {
    bytes.push((remaining % 128) | 0x80);
    remaining = Math.floor(remaining / 128);
  }
  bytes.push(remaining);
  return bytes;
}

function lengthDelimited(field: number, payload: Uint8Array | readonly number[]): number[] {
  return [...varint(field * 8 + 2), ...varint(payload.length), ...payload];
}

function varintField(field: number, value: number): number[] {
  return value === 0 ? [] : [...varint(field * 8), ...varint(value)];
}

export function exportResponse(encoding: OtlpEncoding, rejectedSpans: number, errorMessage: string): Buffer {
  if (encoding === 'json') {
    const body = rejectedSpans > 0 || errorMessage !== '' ? { partialSuccess: { rejectedSpans: String(rejectedSpans), errorMessage } } : {};
    return Buffer.from(JSON.stringify(body));
  }
  if (rejectedSpans === 0 && errorMessage === '') return Buffer.alloc(0);
  const partial = [...varintField(1, rejectedSpans), ...(errorMessage === '' ? [] : lengthDelimited(2, utf8.encode(errorMessage)))];
  return Buffer.from(lengthDelimited(1, partial));
}

export function statusResponse(encoding: OtlpEncoding, code: number, message: string): Buffer {
  if (encoding === 'json') return Buffer.from(JSON.stringify({ code, message }));
  return Buffer.from([...varintField(1, code), ...lengthDelimited(2, utf8.encode(message))]);
}

export function contentTypeOf(encoding: OtlpEncoding): string {
  return encoding === 'json' ? 'application/json' : 'application/x-protobuf';
}
