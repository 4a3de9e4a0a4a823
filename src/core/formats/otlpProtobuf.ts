import { resultFromSink } from './assemble';
import { bytesToBase64, bytesToHex } from './ids';
import { parseOtlpDocument } from './otlpJson';
import { ParseSink, type ParseResult } from './parseResult';
import { ProtobufError, ProtobufReader, WireType } from './protobufReader';

/**
 * OTLP protobuf (`ExportTraceServiceRequest`, as `application/x-protobuf` bodies carry it) decoded with the small
 * wire-format reader into the OTLP JSON shape, which `parseOtlpDocument` then converts like any JSON document.
 * Field numbers are those of opentelemetry-proto's trace/v1, common/v1 and resource/v1 messages; the deprecated
 * `instrumentation_library_spans` (field 1000) is read like `scope_spans`.
 */

type JsonShape = Record<string, unknown>;

/** Decodes a request body; a malformed body yields no traces and one skipped item saying where it broke. */
export function parseOtlpProtobuf(bytes: Uint8Array, sourceName: string): ParseResult {
  const sink = new ParseSink(sourceName);
  try {
    readOtlpProtobuf(bytes, sink);
  } catch (error) {
    sink.skip('', describeProtobufFailure(error));
  }
  return resultFromSink(sink);
}

/**
 * Decodes into a sink, throwing when the request as a whole is malformed (a single broken span, whose length is
 * intact, is skipped instead). The receiver uses this to tell a 400 from a partial success.
 */
export function readOtlpProtobuf(bytes: Uint8Array, sink: ParseSink): void {
  const document = decodeExportRequest(bytes, sink);
  parseOtlpDocument(document, sink);
}

export function describeProtobufFailure(error: unknown): string {
  return `not a valid OTLP protobuf ExportTraceServiceRequest: ${error instanceof Error ? error.message : String(error)}`;
}

function expectWireType(actual: number, expected: number, field: number, reader: ProtobufReader): void {
  if (actual !== expected) throw new ProtobufError(`field ${field} has wire type ${actual}, expected ${expected}`, reader.offset);
}

/** Reads every field of a message, handing the length-delimited/varint/… ones to `onField`; skips the rest. */
function readFields(reader: ProtobufReader, onField: (field: number, wireType: number) => boolean): void {
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (!onField(field, wireType)) reader.skip(wireType);
  }
}

function decodeExportRequest(bytes: Uint8Array, sink: ParseSink): JsonShape {
  const reader = new ProtobufReader(bytes);
  const resourceSpans: JsonShape[] = [];
  readFields(reader, (field, wireType) => {
    if (field !== 1) return false;
    expectWireType(wireType, WireType.lengthDelimited, field, reader);
    resourceSpans.push(decodeResourceSpans(reader.message(), sink, resourceSpans.length));
    return true;
  });
  return { resourceSpans };
}

function decodeResourceSpans(reader: ProtobufReader, sink: ParseSink, resourceIndex: number): JsonShape {
  let attributes: JsonShape[] = [];
  const scopeSpans: JsonShape[] = [];
  readFields(reader, (field, wireType) => {
    if (field === 1) {
      expectWireType(wireType, WireType.lengthDelimited, field, reader);
      attributes = decodeAttributesOf(reader.message(), 1);
      return true;
    }
    if (field === 2 || field === 1000) {
      expectWireType(wireType, WireType.lengthDelimited, field, reader);
      scopeSpans.push(decodeScopeSpans(reader.message(), sink, `resourceSpans[${resourceIndex}].scopeSpans[${scopeSpans.length}]`));
      return true;
    }
    return false;
  });
  return { resource: { attributes }, scopeSpans };
}

/** The repeated KeyValue field `field` of a message (Resource, InstrumentationScope). */
function decodeAttributesOf(reader: ProtobufReader, field: number): JsonShape[] {
  const attributes: JsonShape[] = [];
  readFields(reader, (number, wireType) => {
    if (number === field) {
      expectWireType(wireType, WireType.lengthDelimited, number, reader);
      attributes.push(decodeKeyValue(reader.message()));
      return true;
    }
    return false;
  });
  return attributes;
}

function decodeScope(reader: ProtobufReader): JsonShape {
  const scope: JsonShape = {};
  const attributes: JsonShape[] = [];
  readFields(reader, (field, wireType) => {
    if (field === 1 || field === 2) {
      expectWireType(wireType, WireType.lengthDelimited, field, reader);
      scope[field === 1 ? 'name' : 'version'] = reader.string();
      return true;
    }
    if (field === 3) {
      expectWireType(wireType, WireType.lengthDelimited, field, reader);
      attributes.push(decodeKeyValue(reader.message()));
      return true;
    }
    return false;
  });
  scope.attributes = attributes;
  return scope;
}

function decodeScopeSpans(reader: ProtobufReader, sink: ParseSink, where: string): JsonShape {
  let scope: JsonShape = {};
  const spans: JsonShape[] = [];
  let index = 0;
  readFields(reader, (field, wireType) => {
    if (field === 1) {
      expectWireType(wireType, WireType.lengthDelimited, field, reader);
      scope = decodeScope(reader.message());
      return true;
    }
    if (field === 2) {
      expectWireType(wireType, WireType.lengthDelimited, field, reader);
      const spanReader = reader.message();
      try {
        spans.push(decodeSpan(spanReader));
      } catch (error) {
        // The span's length was intact, so only this span is lost; the rest of the request still decodes.
        sink.skip(`${where}.spans[${index}]`, `malformed span: ${error instanceof Error ? error.message : String(error)}`);
      }
      index++;
      return true;
    }
    return false;
  });
  return { scope, spans };
}

function decodeSpan(reader: ProtobufReader): JsonShape {
  const span: JsonShape = {};
  const attributes: JsonShape[] = [];
  const events: JsonShape[] = [];
  const links: JsonShape[] = [];
  readFields(reader, (field, wireType) => {
    switch (field) {
      case 1:
      case 2:
      case 4:
        expectWireType(wireType, WireType.lengthDelimited, field, reader);
        span[field === 1 ? 'traceId' : field === 2 ? 'spanId' : 'parentSpanId'] = bytesToHex(reader.bytesField());
        return true;
      case 3:
      case 5:
        expectWireType(wireType, WireType.lengthDelimited, field, reader);
        span[field === 3 ? 'traceState' : 'name'] = reader.string();
        return true;
      case 6:
      case 10:
      case 12:
      case 14:
        expectWireType(wireType, WireType.varint, field, reader);
        span[{ 6: 'kind', 10: 'droppedAttributesCount', 12: 'droppedEventsCount', 14: 'droppedLinksCount' }[field]] = reader.varint();
        return true;
      case 7:
      case 8:
        expectWireType(wireType, WireType.fixed64, field, reader);
        span[field === 7 ? 'startTimeUnixNano' : 'endTimeUnixNano'] = reader.fixed64String();
        return true;
      case 9:
        expectWireType(wireType, WireType.lengthDelimited, field, reader);
        attributes.push(decodeKeyValue(reader.message()));
        return true;
      case 11:
        expectWireType(wireType, WireType.lengthDelimited, field, reader);
        events.push(decodeEvent(reader.message()));
        return true;
      case 13:
        expectWireType(wireType, WireType.lengthDelimited, field, reader);
        links.push(decodeLink(reader.message()));
        return true;
      case 15:
        expectWireType(wireType, WireType.lengthDelimited, field, reader);
        span.status = decodeStatus(reader.message());
        return true;
      default:
        return false;
    }
  });
  span.attributes = attributes;
  span.events = events;
  span.links = links;
  return span;
}

function decodeEvent(reader: ProtobufReader): JsonShape {
  const event: JsonShape = {};
  const attributes: JsonShape[] = [];
  readFields(reader, (field, wireType) => {
    if (field === 1) {
      expectWireType(wireType, WireType.fixed64, field, reader);
      event.timeUnixNano = reader.fixed64String();
    } else if (field === 2) {
      expectWireType(wireType, WireType.lengthDelimited, field, reader);
      event.name = reader.string();
    } else if (field === 3) {
      expectWireType(wireType, WireType.lengthDelimited, field, reader);
      attributes.push(decodeKeyValue(reader.message()));
    } else {
      return false;
    }
    return true;
  });
  event.attributes = attributes;
  return event;
}

function decodeLink(reader: ProtobufReader): JsonShape {
  const link: JsonShape = {};
  const attributes: JsonShape[] = [];
  readFields(reader, (field, wireType) => {
    if (field === 1 || field === 2) {
      expectWireType(wireType, WireType.lengthDelimited, field, reader);
      link[field === 1 ? 'traceId' : 'spanId'] = bytesToHex(reader.bytesField());
    } else if (field === 4) {
      expectWireType(wireType, WireType.lengthDelimited, field, reader);
      attributes.push(decodeKeyValue(reader.message()));
    } else {
      return false;
    }
    return true;
  });
  link.attributes = attributes;
  return link;
}

function decodeStatus(reader: ProtobufReader): JsonShape {
  const status: JsonShape = {};
  readFields(reader, (field, wireType) => {
    if (field === 2) {
      expectWireType(wireType, WireType.lengthDelimited, field, reader);
      status.message = reader.string();
    } else if (field === 3) {
      expectWireType(wireType, WireType.varint, field, reader);
      status.code = reader.varint();
    } else {
      return false;
    }
    return true;
  });
  return status;
}

function decodeKeyValue(reader: ProtobufReader, depth = 0): JsonShape {
  const entry: JsonShape = {};
  readFields(reader, (field, wireType) => {
    if (field === 1) {
      expectWireType(wireType, WireType.lengthDelimited, field, reader);
      entry.key = reader.string();
    } else if (field === 2) {
      expectWireType(wireType, WireType.lengthDelimited, field, reader);
      entry.value = decodeAnyValue(reader.message(), depth);
    } else {
      return false;
    }
    return true;
  });
  return entry;
}

/** Nesting deeper than this is hostile rather than real; it is cut off instead of recursing without bound. */
const maxNesting = 32;

function decodeAnyValue(reader: ProtobufReader, depth: number): JsonShape {
  if (depth > maxNesting) throw new ProtobufError('attribute values nested too deeply', reader.offset);
  let value: JsonShape = {};
  readFields(reader, (field, wireType) => {
    switch (field) {
      case 1:
        expectWireType(wireType, WireType.lengthDelimited, field, reader);
        value = { stringValue: reader.string() };
        return true;
      case 2:
        expectWireType(wireType, WireType.varint, field, reader);
        value = { boolValue: reader.varint() !== 0 };
        return true;
      case 3:
        expectWireType(wireType, WireType.varint, field, reader);
        value = { intValue: reader.int64() };
        return true;
      case 4:
        expectWireType(wireType, WireType.fixed64, field, reader);
        value = { doubleValue: reader.double() };
        return true;
      case 5:
      case 6: {
        expectWireType(wireType, WireType.lengthDelimited, field, reader);
        const list = reader.message();
        const values: JsonShape[] = [];
        readFields(list, (inner, innerWireType) => {
          if (inner !== 1) return false;
          expectWireType(innerWireType, WireType.lengthDelimited, inner, list);
          values.push(field === 5 ? decodeAnyValue(list.message(), depth + 1) : decodeKeyValue(list.message(), depth + 1));
          return true;
        });
        value = field === 5 ? { arrayValue: { values } } : { kvlistValue: { values } };
        return true;
      }
      case 7:
        expectWireType(wireType, WireType.lengthDelimited, field, reader);
        value = { bytesValue: bytesToBase64(reader.bytesField()) };
        return true;
      default:
        return false;
    }
  });
  return value;
}
