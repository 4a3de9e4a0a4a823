import { resultFromSink } from './assemble';
import { parseDocument } from './detect';
import { ParseSink, type ParseResult } from './parseResult';

/**
 * Parses trace data of any supported format (detected by content): Jaeger JSON, OTLP JSON or JSON Lines, Zipkin v2.
 * Never throws: what is valid is returned as traces, everything else is listed in `skipped` with the source name,
 * where, and what was expected.
 */
export function parseTraces(text: string, sourceName: string): ParseResult {
  const sink = new ParseSink(sourceName);
  try {
    parseText(text, sink);
  } catch (error) {
    // The parsers are written not to throw; this is the last line of defence for the "never throws" promise.
    sink.skip('', `could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return resultFromSink(sink);
}

/** Parses an already decoded JSON value (a Jaeger API response, say) the same way. */
export function parseTraceValue(value: unknown, sourceName: string): ParseResult {
  const sink = new ParseSink(sourceName);
  try {
    parseDocument(value, sink);
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
      sink.skip(location, describeJsonError(line, error).replace(/line 1 column/, 'column'));
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

/** "not valid JSON at line L column C: <engine message>", with a hint when the content is clearly not JSON. */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const start = text.trimStart();
  const offset = position ? Number(position[1]) : /end of JSON input|Unterminated/.test(message) ? text.length : undefined;
  let where = '';
  if (offset !== undefined) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    where = ` at line ${line} column ${column}`;
  }
  const brief = message.replace(/^Unexpected token.*?, "[\s\S]*" is not valid JSON$/, 'unexpected character').slice(0, 160);
  let hint = '';
  if (start.startsWith('<')) hint = ' (it looks like HTML or XML, not trace JSON)';
  else if (offset !== undefined && offset >= text.trimEnd().length) hint = ' (the file ends early: truncated?)';
  return `not valid JSON${where}: ${brief}${hint}`;
}
