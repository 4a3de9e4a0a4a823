import { resultFromSink } from './assemble';
import { parseDocument } from './detect';
import { locateJsonError } from './jsonError';
import { ParseSink, type ParseResult } from './parseResult';

/**
 * Parses trace data of any supported format (detected by content): Jaeger JSON, OTLP JSON or JSON Lines, Zipkin v2.
 * Never throws: what is valid is returned as traces, everything else is listed in `skipped` with the source name,
 * where, and what was expected.
 */
export function parseTraces(text: string, sourceName: string): ParseResult {
  return guarded(sourceName, (sink) => {
    parseText(text, sink);
  });
}

/** Parses an already decoded JSON value (a Jaeger API response, say) the same way. */
export function parseTraceValue(value: unknown, sourceName: string): ParseResult {
  return guarded(sourceName, (sink) => {
    parseDocument(value, sink);
  });
}

/** The parsers are written not to throw; this is the last line of defence for the "never throws" promise. */
function guarded(sourceName: string, parse: (sink: ParseSink) => void): ParseResult {
  const sink = new ParseSink(sourceName);
  try {
    parse(sink);
  } catch (error) {
    sink.skip('', `could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return resultFromSink(sink);
}

function parseText(raw: string, sink: ParseSink): void {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') {
    sink.skip('', 'the file is empty');
    return;
  }
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch (error) {
    if (!parseJsonLines(text, sink)) sink.skip('', describeJsonError(text, error));
    return;
  }
  parseDocument(whole, sink);
}

/**
 * JSON Lines (one document per line, as the collector's file exporter writes). Returns false when the text does
 * not look like JSON Lines, so the caller reports the whole-document JSON error instead.
 */
function parseJsonLines(text: string, sink: ParseSink): boolean {
  const lines = text.split('\n');
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  if (nonEmpty.length < 2) return false;
  const firstLine = nonEmpty[0] ?? '';
  if (!isJson(firstLine)) return false;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const location = `line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      sink.skip(location, describeJsonError(line, error).replace('at line 1 column', 'at column'));
      return;
    }
    parseDocument(value, sink, location);
  });
  return true;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** "not valid JSON at line L column C: <problem>", with a hint when the content is clearly not JSON. */
function describeJsonError(text: string, error: unknown): string {
  const location = locateJsonError(text);
  const engineMessage = error instanceof Error ? error.message : String(error);
  if (location === undefined) return `not valid JSON: ${engineMessage.slice(0, 160)}`;
  let hint = '';
  if (text.trimStart().startsWith('<')) hint = ' (it looks like HTML or XML, not trace JSON)';
  else if (location.problem.startsWith('unexpected end') || location.problem === 'unterminated string') hint = ' (the file ends early: truncated?)';
  return `not valid JSON at line ${location.line} column ${location.column}: ${location.problem}${hint}`;
}
