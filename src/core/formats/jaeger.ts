import type { AttributeValue, Attributes, InstrumentationScope, Span, SpanEvent, SpanKind, SpanLink, SpanStatus } from '../model/trace';
import { arrayOrEmpty, describeValue, isRecord, optionalString, type JsonRecord } from '../util/json';
import { jaegerTags, setAttribute, type MutableAttributes } from './attributes';
import { describeBadId, hashToHex, normalizeSpanId, normalizeTraceId } from './ids';
import { unknownService } from './otlpJson';
import type { ParseSink } from './parseResult';
import { microsToNanos, parseGoDuration, parseRfc3339, splitToNumber } from './time';

/**
 * Jaeger JSON in all the shapes it is found in: the query API envelope `{data: [trace…], errors}`, a single trace
 * `{traceID, spans, processes, warnings}` (the UI's export and upload form, also wrapped as `{id, state, data}`),
 * an array of traces, Jaeger's protobuf JSON (`{spans, processMap}` with base64 ids, RFC 3339 times, "5000ns"
 * durations and `vType`/`vStr` tags) and single stored span documents.
 */

interface Process {
  readonly service: string;
  readonly resource: Attributes;
}

/** True when the object looks like any Jaeger JSON shape. */
export function isJaegerDocument(value: JsonRecord): boolean {
  if ('data' in value && (Array.isArray(value.data) || isRecord(value.data) || value.data === null)) return true;
  if (Array.isArray(value.spans)) return true;
  return isJaegerSpan(value);
}

export function isJaegerSpan(value: JsonRecord): boolean {
  return ('spanID' in value || 'spanId' in value) && ('operationName' in value || 'references' in value || 'process' in value || 'processID' in value);
}

/**
 * Jaeger UI test and demo data uses ids such as "trace-123" or "span-1". Such an id is mapped to a stable hex id
 * (the same text always gives the same id, so references still connect) and the span or trace says so.
 */
const freeFormId = /^[\x21-\x7e]{1,128}$/;

function jaegerTraceId(value: unknown): string | undefined {
  const id = normalizeTraceId(value);
  if (id !== undefined || typeof value !== 'string' || !freeFormId.test(value) || /^[0=A]+$/.test(value)) return id;
  return hashToHex(`trace:${value}`, 32);
}

function jaegerSpanId(value: unknown): string | undefined {
  const id = normalizeSpanId(value);
  if (id !== undefined || typeof value !== 'string' || !freeFormId.test(value) || /^[0=A]+$/.test(value)) return id;
  return hashToHex(`span:${value}`, 16);
}

/** Parses one Jaeger document (any shape above) into the sink. */
export function parseJaegerDocument(document: JsonRecord, sink: ParseSink, location = ''): void {
  sink.format('jaeger');
  const prefix = location === '' ? '' : `${location}: `;
  if ('data' in document && !Array.isArray(document.spans)) {
    reportEnvelopeErrors(document.errors, sink, prefix);
    const data = document.data;
    if (Array.isArray(data)) {
      data.forEach((trace, index) => {
        parseJaegerTrace(trace, sink, `${prefix}data[${index}]`);
      });
    } else if (data !== null && data !== undefined) {
      parseJaegerTrace(data, sink, `${prefix}data`);
    }
    return;
  }
  if (isJaegerSpan(document)) {
    const result = convertSpan(document, new Map(), undefined);
    if (typeof result === 'string') sink.skip(location, result);
    else sink.span(result);
    return;
  }
  parseJaegerTrace(document, sink, location);
}

/** An array whose items are Jaeger traces or Jaeger spans. */
export function parseJaegerArray(items: readonly unknown[], sink: ParseSink, location = ''): void {
  sink.format('jaeger');
  const prefix = location === '' ? '' : `${location}: `;
  items.forEach((item, index) => {
    if (isRecord(item) && isJaegerSpan(item)) {
      const result = convertSpan(item, new Map(), undefined);
      if (typeof result === 'string') sink.skip(`${prefix}[${index}]`, result);
      else sink.span(result);
    } else {
      parseJaegerTrace(item, sink, `${prefix}[${index}]`);
    }
  });
}

function reportEnvelopeErrors(errors: unknown, sink: ParseSink, prefix: string): void {
  arrayOrEmpty(errors).forEach((error, index) => {
    if (!isRecord(error)) return;
    const message = optionalString(error.msg) ?? optionalString(error.message) ?? 'no message';
    const code = typeof error.code === 'number' ? ` (code ${error.code})` : '';
    const trace = optionalString(error.traceID) === undefined ? '' : ` for trace ${String(error.traceID)}`;
    sink.skip(`${prefix}errors[${index}]`, `Jaeger reported an error${trace}: ${message}${code}`);
  });
}

function parseJaegerTrace(trace: unknown, sink: ParseSink, where: string): void {
  if (!isRecord(trace)) {
    sink.skip(where, `expected a Jaeger trace object, found ${describeValue(trace)}`);
    return;
  }
  if (!Array.isArray(trace.spans)) {
    sink.skip(where, `expected a Jaeger trace with a "spans" array, found ${describeValue(trace)}`);
    return;
  }
  const processes = readProcesses(trace.processes, trace.processMap);
  const traceId = jaegerTraceId(trace.traceID ?? trace.traceId);
  const traceWarnings = arrayOrEmpty(trace.warnings).filter((warning): warning is string => typeof warning === 'string');
  const seenTraces = new Set<string>();
  (trace.spans as readonly unknown[]).forEach((raw, index) => {
    const result = convertSpan(raw, processes, traceId);
    if (typeof result === 'string') {
      sink.skip(`${where}.spans[${index}]`, result);
      return;
    }
    sink.span(result);
    seenTraces.add(result.traceId);
    const rawTraceId = isRecord(raw) ? (raw.traceID ?? raw.traceId ?? trace.traceID ?? trace.traceId) : undefined;
    if (typeof rawTraceId === 'string' && normalizeTraceId(rawTraceId) === undefined) {
      sink.traceWarning(result.traceId, `trace id "${rawTraceId}" is not hex; shown as ${result.traceId}`);
    }
  });
  for (const id of seenTraces) for (const warning of traceWarnings) sink.traceWarning(id, warning);
}

function readProcesses(processes: unknown, processMap: unknown): Map<string, Process> {
  const map = new Map<string, Process>();
  if (isRecord(processes)) {
    for (const [id, process] of Object.entries(processes)) map.set(id, toProcess(process));
  }
  for (const mapping of arrayOrEmpty(processMap)) {
    if (isRecord(mapping) && typeof mapping.processID === 'string') map.set(mapping.processID, toProcess(mapping.process));
  }
  return map;
}

function toProcess(value: unknown): Process {
  if (!isRecord(value)) return { service: unknownService, resource: { 'service.name': unknownService } };
  const service = optionalString(value.serviceName) ?? unknownService;
  const resource = jaegerTags(value.tags);
  setAttribute(resource, 'service.name', service);
  return { service, resource };
}

const spanKinds: ReadonlySet<string> = new Set(['client', 'server', 'producer', 'consumer', 'internal']);

/** One Jaeger span, or the reason it was skipped. */
function convertSpan(raw: unknown, processes: ReadonlyMap<string, Process>, traceTraceId: string | undefined): Span | string {
  if (!isRecord(raw)) return `expected a Jaeger span object, found ${describeValue(raw)}`;
  const rawTraceId = raw.traceID ?? raw.traceId;
  const traceId = jaegerTraceId(rawTraceId) ?? (rawTraceId === undefined ? traceTraceId : undefined);
  if (traceId === undefined) return describeBadId(rawTraceId, 'traceID');
  const rawSpanId = raw.spanID ?? raw.spanId;
  const spanId = jaegerSpanId(rawSpanId);
  if (spanId === undefined) return describeBadId(rawSpanId, 'spanID');
  const warnings = arrayOrEmpty(raw.warnings).filter((warning): warning is string => typeof warning === 'string');
  if (normalizeSpanId(rawSpanId) === undefined) warnings.push(`span id "${String(rawSpanId)}" is not hex; shown as ${spanId}`);
  const { parentSpanId, links } = readReferences(raw, traceId);

  const processId = typeof raw.processID === 'string' ? raw.processID : undefined;
  let process = processId === undefined ? undefined : processes.get(processId);
  if (process === undefined) {
    if (isRecord(raw.process)) process = toProcess(raw.process);
    else {
      if (processId !== undefined) warnings.push(`process "${processId}" is not in the trace's processes`);
      process = toProcess(undefined);
    }
  }

  const startNs = readStart(raw.startTime);
  const durationNs = readDuration(raw.duration);
  if (startNs === undefined) warnings.push('no readable startTime');
  if (durationNs === undefined) warnings.push('no readable duration');

  const attributes = jaegerTags(raw.tags);
  const kind = takeKind(attributes);
  const status = takeStatus(attributes);
  const scope = takeScope(attributes);
  return {
    traceId,
    spanId,
    parentSpanId,
    links,
    name: typeof raw.operationName === 'string' ? raw.operationName : '',
    kind,
    service: process.service,
    resource: process.resource,
    scope,
    attributes,
    events: arrayOrEmpty(raw.logs).flatMap((log) => convertLog(log, startNs ?? 0)),
    status,
    startNs: startNs ?? 0,
    durationNs: durationNs ?? 0,
    warnings,
    dropped: undefined,
  };
}

/**
 * The primary parent is the first CHILD_OF reference within the same trace (Jaeger's rule), else the first
 * FOLLOWS_FROM within it (as Jaeger UI draws it), else a legacy `parentSpanID`. Every other reference is a link.
 */
function readReferences(raw: JsonRecord, traceId: string): { parentSpanId: string | undefined; links: SpanLink[] } {
  const references: SpanLink[] = [];
  for (const reference of arrayOrEmpty(raw.references ?? raw.refs)) {
    if (!isRecord(reference)) continue;
    const spanId = jaegerSpanId(reference.spanID ?? reference.spanId);
    const refTraceId = jaegerTraceId(reference.traceID ?? reference.traceId) ?? traceId;
    if (spanId === undefined) continue;
    const type = typeof reference.refType === 'string' ? reference.refType.toUpperCase().replace('-', '_') : 'CHILD_OF';
    references.push({ traceId: refTraceId, spanId, relation: type === 'FOLLOWS_FROM' ? 'follows_from' : 'child_of', attributes: {} });
  }
  const primary =
    references.find((reference) => reference.relation === 'child_of' && reference.traceId === traceId) ??
    references.find((reference) => reference.relation === 'follows_from' && reference.traceId === traceId);
  if (primary) return { parentSpanId: primary.spanId, links: references.filter((reference) => reference !== primary) };
  const legacyParent = jaegerSpanId(raw.parentSpanID ?? raw.parentSpanId);
  return { parentSpanId: legacyParent, links: references };
}

function readStart(value: unknown): number | undefined {
  if (typeof value === 'string' && /[T:-]/.test(value)) {
    const split = parseRfc3339(value);
    return split === undefined ? undefined : splitToNumber(split);
  }
  return microsToNanos(value);
}

function readDuration(value: unknown): number | undefined {
  if (typeof value === 'string' && /[a-zµμ]$/i.test(value)) return parseGoDuration(value);
  return microsToNanos(value);
}

function convertLog(raw: unknown, spanStartNs: number): SpanEvent[] {
  if (!isRecord(raw)) return [];
  const attributes = jaegerTags(raw.fields);
  const event = attributes.event;
  let name = 'log';
  if (typeof event === 'string' && event !== '') {
    name = event;
    take(attributes, 'event');
  }
  return [{ timeNs: readStart(raw.timestamp) ?? spanStartNs, name, attributes }];
}

function take(attributes: MutableAttributes, key: string): AttributeValue | undefined {
  if (!Object.hasOwn(attributes, key)) return undefined;
  const value = attributes[key];
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- moving a known tag out of a fresh map
  delete attributes[key];
  return value;
}

/** `span.kind` is how Jaeger carries the kind; it moves out of the attributes into `Span.kind`. */
function takeKind(attributes: MutableAttributes): SpanKind {
  const value = take(attributes, 'span.kind');
  const kind = typeof value === 'string' ? value.toLowerCase() : '';
  return spanKinds.has(kind) ? (kind as SpanKind) : 'unspecified';
}

/** `otel.status_code`/`otel.status_description` become the status; an `error=true` tag also means error. */
function takeStatus(attributes: MutableAttributes): SpanStatus {
  const code = take(attributes, 'otel.status_code');
  const description = take(attributes, 'otel.status_description');
  const message = typeof description === 'string' && description !== '' ? description : undefined;
  const errorTag = attributes.error;
  const failed = code === 'ERROR' || errorTag === true || errorTag === 'true';
  const statusCode = failed ? 'error' : code === 'OK' ? 'ok' : 'unset';
  return message === undefined ? { code: statusCode } : { code: statusCode, message };
}

function takeScope(attributes: MutableAttributes): InstrumentationScope | undefined {
  const name = take(attributes, 'otel.scope.name') ?? take(attributes, 'otel.library.name');
  const version = take(attributes, 'otel.scope.version') ?? take(attributes, 'otel.library.version');
  if (typeof name !== 'string' || name === '') return undefined;
  return typeof version === 'string' && version !== '' ? { name, version } : { name };
}
