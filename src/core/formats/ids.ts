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

/**
 * Lowercase hex of `value`, left-padded to the smallest of `widths` (hex digits) that holds it, or undefined.
 * Hex may lack leading zeros (older Jaeger versions print ids that way); base64 must encode exactly one of the
 * widths' byte counts, as Jaeger's protobuf JSON always does.
 */
function normalizeId(value: unknown, widths: readonly number[]): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const maxWidth = widths[widths.length - 1] ?? 16;
  let hex: string | undefined;
  if (value.length <= maxWidth && hexPattern.test(value)) {
    hex = value.toLowerCase();
  } else if (base64Pattern.test(value)) {
    const bytes = base64ToBytes(value);
    if (bytes && widths.includes(bytes.length * 2) && value.replace(/=+$/, '').length === Math.ceil((bytes.length * 4) / 3)) {
      hex = bytesToHex(bytes);
    }
  }
  if (hex === undefined || allZeros.test(hex)) return undefined;
  const width = widths.find((candidate) => hex.length <= candidate) ?? maxWidth;
  return hex.padStart(width, '0');
}

/** A trace id as 16 or 32 lowercase hex characters, or undefined when it is missing, malformed or all zeros. */
export function normalizeTraceId(value: unknown): string | undefined {
  return normalizeId(value, [16, 32]);
}

const canonicalSpanId = /^[0-9a-f]{16}$/;

/** A span id as 16 lowercase hex characters, or undefined when it is missing, malformed or all zeros. */
export function normalizeSpanId(value: unknown): string | undefined {
  // Fast path: most ids already are canonical, and large traces have hundreds of thousands of them.
  if (typeof value === 'string' && value.length === 16 && canonicalSpanId.test(value)) return value === '0000000000000000' ? undefined : value;
  return normalizeId(value, [16]);
}

/** Why an id was rejected, for the skipped-item message. */
export function describeBadId(value: unknown, what: string): string {
  if (value === undefined || value === null || value === '') return `${what} is missing`;
  if (typeof value !== 'string') return `${what} should be a hex or base64 string, found ${typeof value}`;
  if (allZeros.test(value.replace(/[=A]/g, '0'))) return `${what} "${value}" is all zeros (invalid)`;
  return `${what} "${value.slice(0, 48)}" is not a hex or base64 id of the right length`;
}

/** Standard base64 with padding (OTLP JSON's encoding of bytes attribute values). */
export function bytesToBase64(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index] ?? 0;
    const b = bytes[index + 1] ?? 0;
    const c = bytes[index + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    text += base64Alphabet.charAt((triple >> 18) & 63) + base64Alphabet.charAt((triple >> 12) & 63);
    text += index + 1 < bytes.length ? base64Alphabet.charAt((triple >> 6) & 63) : '=';
    text += index + 2 < bytes.length ? base64Alphabet.charAt(triple & 63) : '=';
  }
  return text;
}

/** A deterministic hex string of `length` digits derived from any text (FNV-1a, two lanes per 64 bits). */
export function hashToHex(text: string, length: 16 | 32): string {
  let hex = '';
  for (let lane = 0; hex.length < length; lane++) {
    let hash = (0x811c9dc5 ^ Math.imul(lane, 0x9e3779b1)) >>> 0;
    for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
    hex += hash.toString(16).padStart(8, '0');
  }
  return hex === '0'.repeat(length) ? `${'0'.repeat(length - 1)}1` : hex;
}
