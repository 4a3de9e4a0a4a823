import type { Attributes, InstrumentationScope, Span, SpanEvent, SpanKind, SpanLink, StatusCode } from '../model/trace';
import { arrayOrEmpty, describeValue, isRecord, numberFrom, optionalString, type JsonRecord } from '../util/json';
import { otlpAttributes } from './attributes';
import { describeBadId, normalizeSpanId, normalizeTraceId } from './ids';
import type { ParseSink } from './parseResult';
import { nanosBetween, splitNanos, splitToNumber } from './time';

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

/** One OTLP span, or the reason it was skipped. */
function convertSpan(raw: unknown, context: SpanContext): Span | string {
  if (!isRecord(raw)) return `expected a Span object, found ${describeValue(raw)}`;
  const traceId = normalizeTraceId(raw.traceId);
  if (traceId === undefined) return describeBadId(raw.traceId, 'traceId');
  const spanId = normalizeSpanId(raw.spanId);
  if (spanId === undefined) return describeBadId(raw.spanId, 'spanId');
  const warnings: string[] = [];
  let parentSpanId: string | undefined;
  if (raw.parentSpanId !== undefined && raw.parentSpanId !== '' && raw.parentSpanId !== null) {
    parentSpanId = normalizeSpanId(raw.parentSpanId);
    if (parentSpanId === undefined && !(typeof raw.parentSpanId === 'string' && /^[0A=]*$/.test(raw.parentSpanId))) {
      warnings.push(`${describeBadId(raw.parentSpanId, 'parentSpanId')}; shown as a root`);
    }
  }
  const start = splitNanos(raw.startTimeUnixNano);
  const end = splitNanos(raw.endTimeUnixNano);
  let startNs = 0;
  let durationNs = 0;
  if (start === undefined) {
    warnings.push('no start time (startTimeUnixNano)');
  } else {
    startNs = splitToNumber(start);
    if (end === undefined) warnings.push('no end time (endTimeUnixNano); duration unknown');
    else {
      durationNs = nanosBetween(start, end);
      if (durationNs < 0) {
        warnings.push('ends before it starts; duration set to 0');
        durationNs = 0;
      }
    }
  }
  const status = isRecord(raw.status) ? raw.status : {};
  const statusMessage = optionalString(status.message);
  const dropped = droppedCounts(raw);
  return {
    traceId,
    spanId,
    parentSpanId,
    links: arrayOrEmpty(raw.links).flatMap((link) => convertLink(link)),
    name: typeof raw.name === 'string' ? raw.name : '',
    kind: otlpKind(raw.kind),
    service: context.service,
    resource: context.resource,
    scope: context.scope,
    attributes: otlpAttributes(raw.attributes),
    events: arrayOrEmpty(raw.events).flatMap((event) => convertEvent(event, startNs)),
    status: statusMessage === undefined ? { code: otlpStatusCode(status.code) } : { code: otlpStatusCode(status.code), message: statusMessage },
    startNs,
    durationNs,
    warnings,
    dropped,
  };
}

function convertEvent(raw: unknown, spanStartNs: number): SpanEvent[] {
  if (!isRecord(raw)) return [];
  const time = splitNanos(raw.timeUnixNano);
  return [
    {
      timeNs: time === undefined ? spanStartNs : splitToNumber(time),
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
