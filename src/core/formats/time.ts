/**
 * Times in trace formats: nanoseconds as 64-bit integers (OTLP, often decimal strings), microseconds (Jaeger,
 * Zipkin), RFC 3339 with nanoseconds and Go durations ("5000ns") in Jaeger's protobuf JSON. A double cannot hold
 * today's epoch nanoseconds exactly, so times are split into whole seconds and nanoseconds: differences
 * (durations) stay exact even though the start itself is rounded to the nearest representable double.
 */

/** Nanoseconds since the epoch as `seconds * 1e9 + nanos`, both exact. */
export interface SplitNanos {
  readonly seconds: number;
  readonly nanos: number;
}

const digits = /^\d+$/;

/** Split nanoseconds as one number (rounded to the nearest double). */
export function splitToNumber(time: SplitNanos): number {
  return time.seconds * 1e9 + time.nanos;
}

/** Whole seconds of a 64-bit nanosecond value (number or decimal string), or NaN. No allocation: hot path. */
function secondsPart(value: unknown): number {
  if (typeof value === 'number') return value >= 0 ? Math.floor(value / 1e9) : Number.NaN;
  if (typeof value !== 'string' || value.length > 20 || !digits.test(value)) return Number.NaN;
  return value.length <= 9 ? 0 : Number(value.slice(0, -9));
}

function nanosPart(value: unknown): number {
  if (typeof value === 'number') return Math.round(value - Math.floor(value / 1e9) * 1e9);
  const text = value as string;
  return Number(text.length <= 9 ? text : text.slice(-9));
}

/** A 64-bit nanosecond time as a number (rounded to the nearest double), or undefined when unreadable. */
export function nanosToNumber(value: unknown): number | undefined {
  const seconds = secondsPart(value);
  return Number.isNaN(seconds) ? undefined : seconds * 1e9 + nanosPart(value);
}

/**
 * A span's start (rounded to a double) and exact duration from its 64-bit start and end times; NaN for what is
 * unreadable. Reads each value once, allocating nothing: this runs for every span of large files.
 */
export function readSpanTimes(start: unknown, end: unknown, into: { startNs: number; durationNs: number }): void {
  const startSeconds = secondsPart(start);
  if (Number.isNaN(startSeconds)) {
    into.startNs = Number.NaN;
    into.durationNs = Number.NaN;
    return;
  }
  const startNanos = nanosPart(start);
  into.startNs = startSeconds * 1e9 + startNanos;
  const endSeconds = secondsPart(end);
  into.durationNs = Number.isNaN(endSeconds) ? Number.NaN : (endSeconds - startSeconds) * 1e9 + (nanosPart(end) - startNanos);
}

/** Microseconds (number or decimal string) to nanoseconds. */
export function microsToNanos(value: unknown): number | undefined {
  const micros = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof micros !== 'number' || !Number.isFinite(micros) || micros < 0) return undefined;
  return micros * 1000;
}

const rfc3339 = /^(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/** An RFC 3339 timestamp with up to nanosecond precision (Go's time.Time JSON) to split nanoseconds. */
export function parseRfc3339(value: unknown): SplitNanos | undefined {
  if (typeof value !== 'string') return undefined;
  const match = rfc3339.exec(value);
  if (!match) return undefined;
  const [, whole = '', fraction = '', zone = 'Z'] = match;
  const millis = Date.parse(`${whole.replace(' ', 'T')}${zone.toUpperCase()}`);
  if (!Number.isFinite(millis) || millis < 0) return undefined;
  return { seconds: millis / 1000, nanos: Number(fraction.padEnd(9, '0')) };
}

const goDurationUnits: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};
const goDurationPart = /(\d+(?:\.\d+)?)(ns|us|µs|μs|ms|s|m|h)/gy;

/** A Go duration string ("5000ns", "1.5ms", "1h2m") to nanoseconds. */
export function parseGoDuration(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (value === '0') return 0;
  goDurationPart.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  for (let match = goDurationPart.exec(value); match; match = goDurationPart.exec(value)) {
    total += Number(match[1]) * (goDurationUnits[match[2] ?? ''] ?? Number.NaN);
    consumed = goDurationPart.lastIndex;
  }
  return consumed === value.length && Number.isFinite(total) ? Math.round(total) : undefined;
}

/** Parses a human lookback such as "15m", "1h", "2d" to milliseconds. */
export function parseLookback(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(s|m|h|d|w)$/.exec(value.trim());
  if (!match) return undefined;
  const unitMs: Readonly<Record<string, number>> = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 604800e3 };
  const amount = Number(match[1]) * (unitMs[match[2] ?? ''] ?? Number.NaN);
  return Number.isFinite(amount) && amount > 0 ? amount : undefined;
}
