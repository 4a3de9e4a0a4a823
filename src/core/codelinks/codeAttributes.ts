import type { Attributes, AttributeValue } from '../model/trace';

/** What a span says about its own source location through the OpenTelemetry `code.*` attributes. */
export interface CodeAttributeLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly functionName?: string;
  readonly namespace?: string;
  /** The attribute keys that supplied the location, for the evidence shown to the user. */
  readonly keys: readonly string[];
}

// Current semantic conventions first, then the names they replaced.
const fileKeys = ['code.file.path', 'code.filepath'];
const lineKeys = ['code.line.number', 'code.lineno'];
const columnKeys = ['code.column.number', 'code.column'];
const functionKeys = ['code.function.name', 'code.function'];
const namespaceKeys = ['code.namespace'];

function first<T>(
  attributes: Attributes,
  keys: readonly string[],
  convert: (value: AttributeValue) => T | undefined,
): { key: string; value: T } | undefined {
  for (const key of keys) {
    const raw = attributes[key];
    const value = raw === undefined ? undefined : convert(raw);
    if (value !== undefined) return { key, value };
  }
  return undefined;
}

const asText = (value: AttributeValue): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const asPositiveInteger = (value: AttributeValue): number | undefined => {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
};

/** Reads the `code.*` attributes of a span; undefined when it carries none that locate code. */
export function readCodeAttributes(attributes: Attributes): CodeAttributeLocation | undefined {
  const file = first(attributes, fileKeys, asText);
  const line = first(attributes, lineKeys, asPositiveInteger);
  const column = first(attributes, columnKeys, asPositiveInteger);
  const functionName = first(attributes, functionKeys, asText);
  const namespace = first(attributes, namespaceKeys, asText);
  if (!file && !functionName) return undefined;
  const found = [file, line, column, functionName, namespace].filter((entry) => entry !== undefined);
  return {
    ...(file ? { file: file.value } : {}),
    ...(line ? { line: line.value } : {}),
    ...(column ? { column: column.value } : {}),
    ...(functionName ? { functionName: functionName.value } : {}),
    ...(namespace ? { namespace: namespace.value } : {}),
    keys: found.map((entry) => entry.key),
  };
}
