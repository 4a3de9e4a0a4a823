import type { AttributeValue, Attributes } from '../model/trace';
import { isRecord, numberFrom } from '../util/json';

/** A plain attribute map; `__proto__` from hostile input becomes an ordinary key instead of a prototype. */
export type MutableAttributes = Record<string, AttributeValue>;

export function setAttribute(target: MutableAttributes, key: string, value: AttributeValue): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** An int64 that fits a double exactly becomes a number; beyond ±2^53 it stays a decimal string. */
export function int64Value(value: unknown): AttributeValue {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') {
    const parsed = Number(value);
    return /^-?\d+$/.test(value.trim()) && Number.isSafeInteger(parsed) ? parsed : value;
  }
  return null;
}

const maxDepth = 16;

/** OTLP `AnyValue` (JSON form) to an attribute value. Bytes stay base64 text. */
export function otlpAnyValue(value: unknown, depth = 0): AttributeValue {
  if (!isRecord(value) || depth > maxDepth) return null;
  if ('stringValue' in value) return typeof value.stringValue === 'string' ? value.stringValue : String(value.stringValue);
  if ('boolValue' in value) return value.boolValue === true || value.boolValue === 'true';
  if ('intValue' in value) return int64Value(value.intValue);
  if ('doubleValue' in value) {
    const double = value.doubleValue;
    return typeof double === 'number' ? double : typeof double === 'string' ? (numberFrom(double) ?? double) : null;
  }
  if ('arrayValue' in value) {
    const values = isRecord(value.arrayValue) ? value.arrayValue.values : undefined;
    return Array.isArray(values) ? values.map((item: unknown) => otlpAnyValue(item, depth + 1)) : [];
  }
  if ('kvlistValue' in value) {
    const values = isRecord(value.kvlistValue) ? value.kvlistValue.values : undefined;
    return otlpAttributes(values, depth + 1);
  }
  if ('bytesValue' in value) return typeof value.bytesValue === 'string' ? value.bytesValue : null;
  return null;
}

/** OTLP `KeyValue[]` (JSON form) to attributes; entries without a string key are ignored. */
export function otlpAttributes(list: unknown, depth = 0): Attributes {
  const attributes: MutableAttributes = {};
  if (!Array.isArray(list)) return attributes;
  for (const entry of list as readonly unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { key, value } = entry as { key?: unknown; value?: unknown };
    if (typeof key !== 'string') continue;
    const converted = otlpAnyValue(value, depth);
    if (key === '__proto__') setAttribute(attributes, key, converted);
    else attributes[key] = converted;
  }
  return attributes;
}

/** One Jaeger tag's value: the UI/query form `{type, value}` or the protobuf JSON form `{vType, vStr, …}`. */
export function jaegerTagValue(tag: Readonly<Record<string, unknown>>): AttributeValue {
  if ('value' in tag) {
    const type = typeof tag.type === 'string' ? tag.type.toLowerCase() : 'string';
    const value = tag.value;
    switch (type) {
      case 'bool':
        return value === true || value === 'true';
      case 'int64':
        return int64Value(value);
      case 'float64':
        return typeof value === 'number' ? value : (numberFrom(value) ?? (typeof value === 'string' ? value : null));
      default:
        return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
    }
  }
  if ('vStr' in tag) return typeof tag.vStr === 'string' ? tag.vStr : null;
  if ('vBool' in tag) return tag.vBool === true;
  if ('vInt64' in tag) return int64Value(tag.vInt64);
  if ('vFloat64' in tag) return typeof tag.vFloat64 === 'number' ? tag.vFloat64 : (numberFrom(tag.vFloat64) ?? null);
  if ('vBinary' in tag) return typeof tag.vBinary === 'string' ? tag.vBinary : null;
  // The protobuf JSON form omits zero values: a tag with only a key and vType is "", false or 0.
  switch (tag.vType) {
    case 'BOOL':
      return false;
    case 'INT64':
    case 'FLOAT64':
      return 0;
    default:
      return '';
  }
}

/** Jaeger tags (`[{key, type, value}]` or `[{key, vType, vStr…}]`) to attributes. */
export function jaegerTags(list: unknown): MutableAttributes {
  const attributes: MutableAttributes = {};
  if (!Array.isArray(list)) return attributes;
  for (const tag of list as readonly unknown[]) {
    if (!isRecord(tag) || typeof tag.key !== 'string') continue;
    setAttribute(attributes, tag.key, jaegerTagValue(tag));
  }
  return attributes;
}

/** Reads an attribute as text (numbers too), for evidence and matching. */
export function attributeText(attributes: Attributes, key: string): string | undefined {
  const value = attributes[key];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
