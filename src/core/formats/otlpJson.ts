import type { Attributes, InstrumentationScope, Span, SpanEvent, SpanKind, SpanLink, SpanStatus, StatusCode } from '../model/trace';
import { arrayOrEmpty, describeValue, isRecord, numberFrom, optionalString, type JsonRecord } from '../util/json';
import { otlpAttributes } from './attributes';
import { describeBadId, normalizeSpanId, normalizeTraceId } from './ids';
import type { ParseSink } from './parseResult';
import { nanosToNumber, readSpanTimes } from './time';

/**
 * OTLP JSON (`ExportTraceServiceRequest` / `TracesData`): `resourceSpans[].scopeSpans[].spans[]`, also the legacy
 * `instrumentationLibrarySpans` and Tempo-style `batches`, and Jaeger API v3's `{result: {resourceSpans}}`.
 * Ids may be hex or base64, kinds and status codes ints or enum names, 64-bit numbers strings or numbers.
 * The OTLP protobuf decoder produces this same JSON shape, so both wire formats share this code.
 */

/** OTLP's default when a resource has no `service.name`. */
export const unknownService = 'unknown_service';

const kindsByNumber: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const kindsByName: Readonly<Record<string, SpanKind>> = {
  SPAN_KIND_UNSPECIFIED: 'unspecified',
  SPAN_KIND_INTERNAL: 'internal',
  SPAN_KIND_SERVER: 'server',
  SPAN_KIND_CLIENT: 'client',
  SPAN_KIND_PRODUCER: 'producer',
  SPAN_KIND_CONSUMER: 'consumer',
};

export function otlpKind(value: unknown): SpanKind {
  if (typeof value === 'number') return kindsByNumber[value] ?? 'unspecified';
  if (typeof value === 'string') return kindsByName[value.toUpperCase()] ?? kindsByNumber[Number(value)] ?? 'unspecified';
  return 'unspecified';
}

const statusByNumber: readonly StatusCode[] = ['unset', 'ok', 'error'];
const statusByName: Readonly<Record<string, StatusCode>> = {
  STATUS_CODE_UNSET: 'unset',
  STATUS_CODE_OK: 'ok',
  STATUS_CODE_ERROR: 'error',
};

function otlpStatusCode(value: unknown): StatusCode {
  if (typeof value === 'number') return statusByNumber[value] ?? 'unset';
  if (typeof value === 'string') return statusByName[value.toUpperCase()] ?? statusByNumber[Number(value)] ?? 'unset';
  return 'unset';
}

/** True when the value looks like an OTLP traces document (possibly wrapped by Jaeger API v3). */
export function isOtlpDocument(value: JsonRecord): boolean {
  if (Array.isArray(value.resourceSpans) || Array.isArray(value.batches)) return true;
  return isRecord(value.result) && Array.isArray(value.result.resourceSpans);
}

/** Parses one OTLP JSON document into the sink. `location` prefixes skipped-item locations (e.g. "line 3"). */
export function parseOtlpDocument(document: JsonRecord, sink: ParseSink, location = ''): void {
  sink.format('otlp');
  const prefix = location === '' ? '' : `${location}: `;
  const wrapped = isRecord(document.result) ? document.result : document;
  const resourceKey = Array.isArray(wrapped.resourceSpans) ? 'resourceSpans' : 'batches';
  const resources = arrayOrEmpty(wrapped[resourceKey]);
  resources.forEach((resourceSpans, resourceIndex) => {
    const where = `${prefix}${resourceKey}[${resourceIndex}]`;
    if (!isRecord(resourceSpans)) {
      sink.skip(where, `expected a ResourceSpans object, found ${describeValue(resourceSpans)}`);
      return;
    }
    const resource = otlpAttributes(isRecord(resourceSpans.resource) ? resourceSpans.resource.attributes : undefined);
    const serviceName = resource['service.name'];
    const service = typeof serviceName === 'string' && serviceName !== '' ? serviceName : unknownService;
    const scopeKey = Array.isArray(resourceSpans.scopeSpans) ? 'scopeSpans' : 'instrumentationLibrarySpans';
    arrayOrEmpty(resourceSpans[scopeKey]).forEach((scopeSpans, scopeIndex) => {
      if (!isRecord(scopeSpans)) {
        sink.skip(`${where}.${scopeKey}[${scopeIndex}]`, `expected a ScopeSpans object, found ${describeValue(scopeSpans)}`);
        return;
      }
      const scope = readScope(scopeSpans.scope ?? scopeSpans.instrumentationLibrary);
      const context: SpanContext = { resource, service, scope };
      arrayOrEmpty(scopeSpans.spans).forEach((raw, spanIndex) => {
        const result = convertSpan(raw, context);
        if (typeof result === 'string') sink.skip(`${where}.${scopeKey}[${scopeIndex}].spans[${spanIndex}]`, result);
        else sink.span(result);
      });
    });
  });
}

function readScope(value: unknown): InstrumentationScope | undefined {
  if (!isRecord(value)) return undefined;
  const name = optionalString(value.name);
  if (name === undefined) return undefined;
  const version = optionalString(value.version);
  return version === undefined ? { name } : { name, version };
}

interface SpanContext {
  readonly resource: Attributes;
  readonly service: string;
  readonly scope: InstrumentationScope | undefined;
}

/** Shared immutable values: most spans have no links, events or warnings, and an unset status. */
const noLinks: readonly SpanLink[] = Object.freeze([]);
const noEvents: readonly SpanEvent[] = Object.freeze([]);
const noWarnings: readonly string[] = Object.freeze([]);
const plainStatuses: Readonly<Record<StatusCode, SpanStatus>> = {
  unset: Object.freeze({ code: 'unset' }),
  ok: Object.freeze({ code: 'ok' }),
  error: Object.freeze({ code: 'error' }),
};

/**
 * Ids repeat (every span of a trace carries the same trace id): the last normalization is remembered, which
 * saves a regular expression per span on large traces.
 */
let lastRawTraceId: unknown;
let lastTraceId: string | undefined;

function traceIdOf(raw: unknown): string | undefined {
  if (raw !== lastRawTraceId) {
    lastRawTraceId = raw;
    lastTraceId = normalizeTraceId(raw);
  }
  return lastTraceId;
}

/** Scratch space for `readSpanTimes`, reused for every span. */
const times = { startNs: 0, durationNs: 0 };

/** One OTLP span, or the reason it was skipped. The hot path of large files: few allocations. */
function convertSpan(raw: unknown, context: SpanContext): Span | string {
  if (!isRecord(raw)) return `expected a Span object, found ${describeValue(raw)}`;
  const traceId = traceIdOf(raw.traceId);
  if (traceId === undefined) return describeBadId(raw.traceId, 'traceId');
  const spanId = normalizeSpanId(raw.spanId);
  if (spanId === undefined) return describeBadId(raw.spanId, 'spanId');
  let warnings: string[] | undefined;
  const warn = (warning: string): void => {
    (warnings ??= []).push(warning);
  };
  let parentSpanId: string | undefined;
  const rawParent = raw.parentSpanId;
  if (rawParent !== undefined && rawParent !== '' && rawParent !== null) {
    parentSpanId = normalizeSpanId(rawParent);
    if (parentSpanId === undefined && !(typeof rawParent === 'string' && /^[0A=]*$/.test(rawParent))) {
      warn(`${describeBadId(rawParent, 'parentSpanId')}; shown as a root`);
    }
  }
  readSpanTimes(raw.startTimeUnixNano, raw.endTimeUnixNano, times);
  let startNs = times.startNs;
  let durationNs = times.durationNs;
  if (Number.isNaN(startNs)) {
    startNs = 0;
    durationNs = 0;
    warn('no start time (startTimeUnixNano)');
  } else if (Number.isNaN(durationNs)) {
    durationNs = 0;
    warn('no end time (endTimeUnixNano); duration unknown');
  } else if (durationNs < 0) {
    durationNs = 0;
    warn('ends before it starts; duration set to 0');
  }
  return {
    traceId,
    spanId,
    parentSpanId,
    links: Array.isArray(raw.links) && raw.links.length > 0 ? (raw.links as readonly unknown[]).flatMap(convertLink) : noLinks,
    name: typeof raw.name === 'string' ? raw.name : '',
    kind: otlpKind(raw.kind),
    service: context.service,
    resource: context.resource,
    scope: context.scope,
    attributes: otlpAttributes(raw.attributes),
    events: Array.isArray(raw.events) && raw.events.length > 0 ? (raw.events as readonly unknown[]).flatMap((event) => convertEvent(event, startNs)) : noEvents,
    status: readStatus(raw.status),
    startNs,
    durationNs,
    warnings: warnings ?? noWarnings,
    dropped: droppedCounts(raw),
  };
}

function readStatus(value: unknown): SpanStatus {
  if (!isRecord(value)) return plainStatuses.unset;
  const code = otlpStatusCode(value.code);
  const message = optionalString(value.message);
  return message === undefined ? plainStatuses[code] : { code, message };
}

function convertEvent(raw: unknown, spanStartNs: number): SpanEvent[] {
  if (!isRecord(raw)) return [];
  return [
    {
      timeNs: nanosToNumber(raw.timeUnixNano) ?? spanStartNs,
      name: typeof raw.name === 'string' ? raw.name : '',
      attributes: otlpAttributes(raw.attributes),
    },
  ];
}

function convertLink(raw: unknown): SpanLink[] {
  if (!isRecord(raw)) return [];
  const traceId = normalizeTraceId(raw.traceId);
  const spanId = normalizeSpanId(raw.spanId);
  if (traceId === undefined || spanId === undefined) return [];
  return [{ traceId, spanId, relation: 'link', attributes: otlpAttributes(raw.attributes) }];
}

function droppedCounts(raw: JsonRecord): Span['dropped'] {
  const attributes = numberFrom(raw.droppedAttributesCount) ?? 0;
  const events = numberFrom(raw.droppedEventsCount) ?? 0;
  const links = numberFrom(raw.droppedLinksCount) ?? 0;
  return attributes > 0 || events > 0 || links > 0 ? { attributes, events, links } : undefined;
}
