/**
 * Trace and span ids arrive as hex (any case, sometimes without leading zeros) or as base64 (Jaeger's protobuf
 * JSON, OTLP protobuf bytes). The model wants lowercase hex: 16 or 32 characters for traces, 16 for spans.
 */

const hexPattern = /^[0-9a-f]+$/i;
const base64Pattern = /^[A-Za-z0-9+/_-]+={0,2}$/;
const allZeros = /^0+$/;

const hexDigits = '0123456789abcdef';

export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += hexDigits.charAt(byte >> 4) + hexDigits.charAt(byte & 15);
  return hex;
}

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const base64Values = new Map<string, number>(Array.from({ length: 64 }, (_, index) => [base64Alphabet.charAt(index), index]));
base64Values.set('-', 62);
base64Values.set('_', 63);

/** Decodes standard or URL-safe base64 (padding optional); undefined when a character is not base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (const char of clean) {
    const value = base64Values.get(char);
    if (value === undefined) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[written++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes.subarray(0, written);
}

/** Hex of `value` when it is hex or base64 of at most `maxBytes` bytes, left-padded to `width`, else undefined. */
function normalizeId(value: unknown, widths: readonly number[]): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const maxWidth = widths[widths.length - 1] ?? 16;
  let hex: string | undefined;
  if (value.length <= maxWidth && hexPattern.test(value)) {
    hex = value.toLowerCase();
  } else if (base64Pattern.test(value)) {
    const bytes = base64ToBytes(value);
    if (bytes && bytes.length > 0 && bytes.length * 2 <= maxWidth) hex = bytesToHex(bytes);
  }
  if (hex === undefined || allZeros.test(hex)) return undefined;
  const width = widths.find((candidate) => hex.length <= candidate) ?? maxWidth;
  return hex.padStart(width, '0');
}

/** A trace id as 16 or 32 lowercase hex characters, or undefined when it is missing, malformed or all zeros. */
export function normalizeTraceId(value: unknown): string | undefined {
  return normalizeId(value, [16, 32]);
}

/** A span id as 16 lowercase hex characters, or undefined when it is missing, malformed or all zeros. */
export function normalizeSpanId(value: unknown): string | undefined {
  return normalizeId(value, [16]);
}

/** Why an id was rejected, for the skipped-item message. */
export function describeBadId(value: unknown, what: string): string {
  if (value === undefined || value === null || value === '') return `${what} is missing`;
  if (typeof value !== 'string') return `${what} should be a hex or base64 string, found ${typeof value}`;
  if (allZeros.test(value.replace(/[=A]/g, '0'))) return `${what} "${value}" is all zeros (invalid)`;
  return `${what} "${value.slice(0, 48)}" is not a hex or base64 id of the right length`;
}
