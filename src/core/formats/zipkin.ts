import type { AttributeValue, Attributes, Span, SpanEvent, SpanKind, SpanStatus } from '../model/trace';
import { describeValue, isRecord, optionalString, type JsonRecord } from '../util/json';
import { setAttribute, type MutableAttributes } from './attributes';
import { describeBadId, normalizeSpanId, normalizeTraceId } from './ids';
import { unknownService } from './otlpJson';
import type { ParseSink } from './parseResult';
import { splitSharedSpanIds } from './sharedSpans';
import { microsToNanos } from './time';

/**
 * Zipkin v2 JSON: an array of spans (or an array of traces, as `/api/v2/traces` returns). Zipkin quirks handled
 * here and nowhere else:
 * - A shared span (`shared: true`): the SERVER half reuses the CLIENT's id; see `splitSharedSpanIds`.
 * - Missing `timestamp`/`duration`: the earliest annotation, else the parent's start, is used and the span says so.
 * - `localEndpoint` becomes the resource, `remoteEndpoint` the peer attributes, an `error` tag the error status.
 */

/** True for a single Zipkin v2 span object. */
export function isZipkinSpan(value: JsonRecord): boolean {
  return typeof value.traceId === 'string' && 'id' in value && !('spanID' in value) && !('spanId' in value);
}

interface PendingSpan {
  readonly raw: JsonRecord;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly kind: SpanKind;
  startNs: number | undefined;
  readonly warnings: string[];
}

/** Parses an array of Zipkin v2 spans, or of arrays of them, into the sink. */
export function parseZipkinArray(items: readonly unknown[], sink: ParseSink, location = ''): void {
  sink.format('zipkin');
  const prefix = location === '' ? '' : `${location}: `;
  const pending: PendingSpan[] = [];
  const resources = new Map<string, Attributes>();
  items.forEach((item, index) => {
    if (Array.isArray(item)) {
      (item as readonly unknown[]).forEach((nested, nestedIndex) => {
        readSpan(nested, `${prefix}[${index}][${nestedIndex}]`);
      });
    } else {
      readSpan(item, `${prefix}[${index}]`);
    }
  });

  function readSpan(raw: unknown, where: string): void {
    const result = readPending(raw);
    if (typeof result === 'string') sink.skip(where, result);
    else pending.push(result);
  }

  for (const group of groupByTrace(pending).values()) {
    fillMissingStarts(group);
    for (const span of splitSharedSpanIds(group.map((entry) => toSpan(entry, resources)))) sink.span(span);
  }
}

function readPending(raw: unknown): PendingSpan | string {
  if (!isRecord(raw)) return `expected a Zipkin span object, found ${describeValue(raw)}`;
  const traceId = normalizeTraceId(raw.traceId);
  if (traceId === undefined) return describeBadId(raw.traceId, 'traceId');
  const spanId = normalizeSpanId(raw.id);
  if (spanId === undefined) return describeBadId(raw.id, 'id');
  const warnings: string[] = [];
  const parentSpanId = raw.parentId === undefined || raw.parentId === null ? undefined : normalizeSpanId(raw.parentId);
  if (raw.parentId !== undefined && raw.parentId !== null && parentSpanId === undefined) {
    warnings.push(`${describeBadId(raw.parentId, 'parentId')}; shown as a root`);
  }
  let startNs = microsToNanos(raw.timestamp);
  if (startNs === 0) startNs = undefined;
  return {
    raw,
    traceId,
    spanId,
    parentSpanId: parentSpanId === spanId ? undefined : parentSpanId,
    kind: zipkinKind(raw.kind),
    startNs,
    warnings,
  };
}

function zipkinKind(value: unknown): SpanKind {
  switch (typeof value === 'string' ? value.toUpperCase() : '') {
    case 'CLIENT':
      return 'client';
    case 'SERVER':
      return 'server';
    case 'PRODUCER':
      return 'producer';
    case 'CONSUMER':
      return 'consumer';
    default:
      return 'unspecified';
  }
}

function groupByTrace(spans: readonly PendingSpan[]): Map<string, PendingSpan[]> {
  const groups = new Map<string, PendingSpan[]>();
  for (const span of spans) {
    const group = groups.get(span.traceId);
    if (group) group.push(span);
    else groups.set(span.traceId, [span]);
  }
  return groups;
}

/** Spans without a timestamp start at their first annotation, else at their parent's start, else the trace's. */
function fillMissingStarts(group: readonly PendingSpan[]): void {
  const byId = new Map<string, PendingSpan>();
  for (const span of group) if (!byId.has(span.spanId)) byId.set(span.spanId, span);
  let traceStart: number | undefined;
  for (const span of group) {
    span.startNs ??= firstAnnotationNs(span.raw);
    if (span.startNs !== undefined) traceStart = Math.min(traceStart ?? span.startNs, span.startNs);
  }
  for (const span of group) {
    if (span.startNs !== undefined) continue;
    let ancestor = span.parentSpanId === undefined ? undefined : byId.get(span.parentSpanId);
    for (let hops = 0; ancestor && ancestor.startNs === undefined && hops < group.length; hops++) {
      ancestor = ancestor.parentSpanId === undefined ? undefined : byId.get(ancestor.parentSpanId);
    }
    if (ancestor?.startNs !== undefined) {
      span.startNs = ancestor.startNs;
      span.warnings.push('no timestamp; placed at its parent’s start');
    } else {
      span.startNs = traceStart ?? 0;
      span.warnings.push('no timestamp; placed at the trace’s start');
    }
  }
}

function firstAnnotationNs(raw: JsonRecord): number | undefined {
  if (!Array.isArray(raw.annotations)) return undefined;
  let first: number | undefined;
  for (const annotation of raw.annotations as readonly unknown[]) {
    const time = isRecord(annotation) ? microsToNanos(annotation.timestamp) : undefined;
    if (time !== undefined && time > 0) first = Math.min(first ?? time, time);
  }
  return first;
}

function toSpan(pending: PendingSpan, resources: Map<string, Attributes>): Span {
  const { raw, warnings } = pending;
  const local = isRecord(raw.localEndpoint) ? raw.localEndpoint : {};
  const service = optionalString(local.serviceName) ?? unknownService;
  let durationNs = microsToNanos(raw.duration);
  if (durationNs === undefined) {
    durationNs = 0;
    warnings.push('no duration (the span may be incomplete)');
  }
  const attributes = readTags(raw.tags);
  addRemoteEndpoint(attributes, raw.remoteEndpoint);
  const startNs = pending.startNs ?? 0;
  return {
    traceId: pending.traceId,
    spanId: pending.spanId,
    parentSpanId: pending.parentSpanId,
    links: [],
    name: typeof raw.name === 'string' ? raw.name : '',
    kind: pending.kind,
    service,
    resource: resourceFor(local, service, resources),
    scope: undefined,
    attributes,
    events: readAnnotations(raw.annotations, startNs),
    status: takeStatus(attributes),
    startNs,
    durationNs,
    warnings,
    dropped: undefined,
  };
}

/** One resource object per distinct local endpoint, shared by its spans. */
function resourceFor(local: JsonRecord, service: string, cache: Map<string, Attributes>): Attributes {
  const ip = optionalString(local.ipv4) ?? optionalString(local.ipv6);
  const port = typeof local.port === 'number' ? local.port : undefined;
  const key = `${service}\u0000${ip ?? ''}\u0000${port ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const resource: MutableAttributes = { 'service.name': service };
  if (ip !== undefined) resource['host.ip'] = ip;
  if (port !== undefined) resource['server.port'] = port;
  cache.set(key, resource);
  return resource;
}

function readTags(tags: unknown): MutableAttributes {
  const attributes: MutableAttributes = {};
  if (!isRecord(tags)) return attributes;
  for (const [key, value] of Object.entries(tags)) {
    const text: AttributeValue = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
    setAttribute(attributes, key, text);
  }
  return attributes;
}

function addRemoteEndpoint(attributes: MutableAttributes, remote: unknown): void {
  if (!isRecord(remote)) return;
  const service = optionalString(remote.serviceName);
  const ip = optionalString(remote.ipv4) ?? optionalString(remote.ipv6);
  if (service !== undefined && !('peer.service' in attributes)) attributes['peer.service'] = service;
  if (ip !== undefined) attributes['network.peer.address'] = ip;
  if (typeof remote.port === 'number') attributes['network.peer.port'] = remote.port;
}

function readAnnotations(annotations: unknown, spanStartNs: number): SpanEvent[] {
  if (!Array.isArray(annotations)) return [];
  return (annotations as readonly unknown[]).flatMap((annotation) => {
    if (!isRecord(annotation)) return [];
    return [{ timeNs: microsToNanos(annotation.timestamp) ?? spanStartNs, name: typeof annotation.value === 'string' ? annotation.value : '', attributes: {} }];
  });
}

/**
 * Zipkin marks failures with an `error` tag whose value is the message (or empty); OpenTelemetry's Zipkin exporter
 * also writes `otel.status_code` (and the message only when there is one). The status tags move into the status.
 */
function takeStatus(attributes: MutableAttributes): SpanStatus {
  const code = attributes['otel.status_code'];
  const description = attributes['otel.status_description'];
  Reflect.deleteProperty(attributes, 'otel.status_code');
  Reflect.deleteProperty(attributes, 'otel.status_description');
  const errorTag = Object.hasOwn(attributes, 'error') ? attributes.error : undefined;
  const failed = code === 'ERROR' || (errorTag !== undefined && errorTag !== 'false');
  if (!failed) return { code: code === 'OK' ? 'ok' : 'unset' };
  const message = [errorTag, description].find((value): value is string => typeof value === 'string' && value !== '' && value !== 'true');
  return message === undefined ? { code: 'error' } : { code: 'error', message };
}
