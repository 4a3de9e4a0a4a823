/**
 * What users type into the search form, parsed: tags in logfmt (`http.status_code=500 error=true
 * http.route="/api/orders/{id}"`) and durations with units (`250ms`, `1.5s`, `300us`).
 */

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const durationUnits: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3_600e9,
};

/** `250ms` → 250,000,000 ns. Empty input means "no bound" (undefined). A bare number is milliseconds. */
export function parseDurationInput(input: string): Parsed<number | undefined> {
  const text = input.trim();
  if (text === '') return { ok: true, value: undefined };
  const match = /^(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|m|h)?$/i.exec(text);
  if (!match) return { ok: false, error: `"${text}" is not a duration; write it like 250ms, 1.5s or 300us.` };
  const unit = (match[2] ?? 'ms').toLowerCase();
  const value = Math.round(Number(match[1]) * (durationUnits[unit] ?? 1e6));
  if (!Number.isSafeInteger(value)) return { ok: false, error: `"${text}" is too long a duration.` };
  return { ok: true, value };
}

/** Parses `key=value` pairs separated by spaces; values with spaces go in double quotes (`\"` escapes a quote). */
export function parseTagsInput(input: string): Parsed<Record<string, string>> {
  const tags: [string, string][] = [];
  let position = 0;
  const text = input.trim();
  while (position < text.length) {
    while (text[position] === ' ') position++;
    if (position >= text.length) break;
    const equals = text.indexOf('=', position);
    const space = text.indexOf(' ', position);
    if (equals < 0 || (space >= 0 && space < equals)) {
      const word = text.slice(position, space < 0 ? undefined : space);
      return { ok: false, error: `"${word}" has no value; write tags as key=value, separated by spaces.` };
    }
    const key = text.slice(position, equals);
    if (key === '') return { ok: false, error: 'A tag needs a key before "=".' };
    const value = readValue(text, equals + 1);
    if (!value.ok) return value;
    tags.push([key, value.value.text]);
    position = value.value.end;
  }
  return { ok: true, value: Object.fromEntries(tags) };
}

function readValue(text: string, from: number): Parsed<{ text: string; end: number }> {
  if (text[from] !== '"') {
    const space = text.indexOf(' ', from);
    const end = space < 0 ? text.length : space;
    const value = text.slice(from, end);
    if (value === '') return { ok: false, error: `The tag "${text.slice(0, from)}" has an empty value.` };
    return { ok: true, value: { text: value, end } };
  }
  let value = '';
  for (let i = from + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length) {
      value += text[++i] ?? '';
    } else if (char === '"') {
      return { ok: true, value: { text: value, end: i + 1 } };
    } else {
      value += char ?? '';
    }
  }
  return { ok: false, error: 'A quoted tag value is missing its closing quote.' };
}

/** Writes tags back in the form `parseTagsInput` reads, quoting values that need it. */
export function formatTagsInput(tags: Readonly<Record<string, string>>): string {
  return Object.entries(tags)
    .map(([key, value]) => (/[\s"]/.test(value) || value === '' ? `${key}="${value.replace(/["\\]/g, '\\$&')}"` : `${key}=${value}`))
    .join(' ');
}
