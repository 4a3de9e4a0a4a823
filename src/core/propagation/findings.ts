import type { Finding, RelatedLocation } from '../findings/finding';
import { describeMissingSets } from './headers';
import type { InboundHandler, OutboundCall } from './model';
import type { PropagationOptions, RuleId } from './options';

/** The README section each rule's diagnostics link to. */
export const ruleDocumentation: Readonly<Record<RuleId, string>> = {
  'missing-propagation': 'https://github.com/trace-stitch/trace-stitch#rule-missing-propagation',
  'incomplete-propagation': 'https://github.com/trace-stitch/trace-stitch#rule-incomplete-propagation',
};

export const ruleSummaries: Readonly<Record<RuleId, string>> = {
  'missing-propagation': 'An outbound HTTP call made while handling a request does not carry the trace context.',
  'incomplete-propagation': 'An outbound HTTP call forwards trace headers from a list that has no complete set.',
};

function describeHandler(handler: InboundHandler): string {
  const where = handler.route === undefined ? '' : ` ${[...handler.methods, handler.route].join(' ')}`;
  const framework = handler.framework === 'request-receiver' ? 'receives the incoming request' : `${handler.framework} handler${where}`;
  return `\`${handler.name}\` (${framework})`;
}

function relatedOf(file: string, handler: InboundHandler): RelatedLocation[] {
  const span = handler.requestParameter?.span ?? handler.nameSpan ?? handler.span;
  const message = handler.requestParameter
    ? `the incoming request reaches ${describeHandler(handler)} here, as \`${handler.requestParameter.name}\``
    : `the incoming request is handled by ${describeHandler(handler)}`;
  return [{ file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn, message }];
}

/** `traceparent, tracestate, x-request-id, x-b3-*, b3`: the B3 multi-header names folded into one. */
export function summarizeHeaders(headers: readonly string[]): string {
  const b3 = headers.filter((header) => header.startsWith('x-b3-'));
  const shown = headers.flatMap((header) => {
    if (!header.startsWith('x-b3-') || b3.length < 3) return [header];
    return header === b3[0] ? ['x-b3-*'] : [];
  });
  return shown.join(', ');
}

/** Turns the calls that do not propagate into findings, with the configured severities. */
export function findingsFor(
  file: string,
  calls: readonly OutboundCall[],
  handlers: readonly InboundHandler[],
  options: PropagationOptions,
): Finding[] {
  const findings: Finding[] = [];
  const handlerById = new Map(handlers.map((handler) => [handler.id, handler]));
  const headers = summarizeHeaders(options.headers);
  for (const call of calls) {
    const status = call.propagation.status;
    if (status !== 'missing' && status !== 'incomplete') continue;
    const ruleId: RuleId = status === 'missing' ? 'missing-propagation' : 'incomplete-propagation';
    const severity = options.severity[ruleId];
    if (severity === 'off') continue;
    const handler = call.handlerId === undefined ? undefined : handlerById.get(call.handlerId);
    const inHandler = handler ? ` in ${describeHandler(handler)}` : '';
    const message =
      status === 'missing'
        ? `\`${call.callee}(…)\`${inHandler} drops the trace context: ${call.propagation.reason}. Forward ${headers} from the incoming request.`
        : `\`${call.callee}(…)\`${inHandler} ${call.propagation.reason}: the trace breaks without ${describeMissingSets(new Set(call.propagation.forwardedHeaders))}.`;
    findings.push({
      file,
      line: call.span.line,
      column: call.span.column,
      endLine: call.span.endLine,
      endColumn: call.span.endColumn,
      ruleId,
      severity,
      message,
      related: handler ? relatedOf(file, handler) : [],
    });
  }
  return findings;
}
