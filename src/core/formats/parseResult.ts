import type { Span, Trace } from '../model/trace';

/** The formats `parseTraces` recognizes by content. */
export type TraceFormat = 'jaeger' | 'otlp' | 'zipkin';

/** Something a parser could not use, and why: the source (file name, URL), where in it, and what was expected. */
export interface SkippedItem {
  readonly source: string;
  readonly reason: string;
}

/** What a parse yields: every valid trace, plus whatever was skipped. Parsers never throw. */
export interface ParseResult {
  readonly traces: readonly Trace[];
  readonly skipped: readonly SkippedItem[];
  /** The formats found, in order of first appearance (a JSON Lines file may mix them). */
  readonly formats: readonly TraceFormat[];
}

/** Where format parsers put what they find; `assemble` turns it into traces. */
export class ParseSink {
  readonly spans: Span[] = [];
  readonly skipped: SkippedItem[] = [];
  readonly formats: TraceFormat[] = [];
  readonly traceWarnings = new Map<string, string[]>();

  constructor(readonly source: string) {}

  span(span: Span): void {
    this.spans.push(span);
  }

  /** Records a skipped item; `location` says where in the source (a JSON path, a line number). */
  skip(location: string, reason: string): void {
    this.skipped.push({ source: this.source, reason: location === '' ? reason : `${location}: ${reason}` });
  }

  format(format: TraceFormat): void {
    if (!this.formats.includes(format)) this.formats.push(format);
  }

  traceWarning(traceId: string, warning: string): void {
    const warnings = this.traceWarnings.get(traceId);
    if (warnings) {
      if (!warnings.includes(warning)) warnings.push(warning);
    } else {
      this.traceWarnings.set(traceId, [warning]);
    }
  }
}
