import { isRecord } from '../util/json';
import {
  copyKinds,
  lookbackChoices,
  maxSearchLimit,
  webviewCommands,
  type SearchQuery,
  type TraceRef,
  type WebviewMessage,
} from './protocol';

/**
 * Narrows an untrusted value from `onDidReceiveMessage` to a known, well-formed message, or returns undefined.
 * Every field is checked for type, range and size, so that the host never acts on a message the webview could
 * not have produced honestly.
 */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value)) return undefined;
  try {
    return parseByType(value);
  } catch (error) {
    if (error instanceof Invalid) return undefined;
    throw error;
  }
}

const limits = {
  id: 2_048,
  name: 1_024,
  tags: 64,
  copyText: 8 * 1024 * 1024,
  findQuery: 1_024,
  /** Beyond any trace the host would hold (its library keeps 1,500,000 spans in all). */
  spanIndex: 10_000_000,
} as const;

const traceIdPattern = /^[0-9a-f]{1,32}$/;
const spanIdPattern = /^[0-9a-f]{1,32}$/;

class Invalid extends Error {}

function parseByType(value: Record<string, unknown>): WebviewMessage {
  switch (value.type) {
    case 'ready': {
      const restore = value.restore === undefined ? undefined : traceRef(value.restore);
      return restore ? { type: 'ready', restore } : { type: 'ready' };
    }
    case 'listServices':
      return { type: 'listServices', requestId: requestId(value.requestId), sourceId: text(value.sourceId, limits.id) };
    case 'listOperations':
      return {
        type: 'listOperations',
        requestId: requestId(value.requestId),
        sourceId: text(value.sourceId, limits.id),
        service: text(value.service, limits.name),
      };
    case 'search':
      return {
        type: 'search',
        requestId: requestId(value.requestId),
        sourceId: text(value.sourceId, limits.id),
        query: searchQuery(value.query),
      };
    case 'openTrace': {
      const message = { type: 'openTrace', requestId: requestId(value.requestId), ref: traceRef(value.ref) } as const;
      return value.focusSpanId === undefined ? message : { ...message, focusSpanId: spanId(value.focusSpanId) };
    }
    case 'openCode':
      return { type: 'openCode', ref: traceRef(value.ref), spanId: spanId(value.spanId) };
    case 'getSpanDetail':
      return {
        type: 'getSpanDetail',
        requestId: requestId(value.requestId),
        ref: traceRef(value.ref),
        spanIndex: integer(value.spanIndex, 0, limits.spanIndex),
        spanId: spanId(value.spanId),
      };
    case 'find':
      return { type: 'find', requestId: requestId(value.requestId), ref: traceRef(value.ref), query: text(value.query, limits.findQuery) };
    case 'openCallSite':
      return { type: 'openCallSite', ref: traceRef(value.ref), warningIndex: integer(value.warningIndex, 0, 10_000) };
    case 'copy':
      return { type: 'copy', what: oneOf(value.what, copyKinds), text: text(value.text, limits.copyText) };
    case 'runCommand':
      return { type: 'runCommand', command: oneOf(value.command, webviewCommands) };
    default:
      throw new Invalid();
  }
}

function traceRef(value: unknown): TraceRef {
  if (!isRecord(value)) throw new Invalid();
  const traceId = text(value.traceId, 32);
  if (!traceIdPattern.test(traceId)) throw new Invalid();
  return { sourceId: text(value.sourceId, limits.id), traceId };
}

function spanId(value: unknown): string {
  const id = text(value, 32);
  if (!spanIdPattern.test(id)) throw new Invalid();
  return id;
}

function searchQuery(value: unknown): SearchQuery {
  if (!isRecord(value)) throw new Invalid();
  const limit = integer(value.limit, 1, maxSearchLimit);
  const query: { -readonly [K in keyof SearchQuery]: SearchQuery[K] } = {
    tags: tags(value.tags),
    time: timeRange(value.time),
    limit,
  };
  if (value.service !== undefined) query.service = text(value.service, limits.name);
  if (value.operation !== undefined) query.operation = text(value.operation, limits.name);
  if (value.minDurationNs !== undefined) query.minDurationNs = duration(value.minDurationNs);
  if (value.maxDurationNs !== undefined) query.maxDurationNs = duration(value.maxDurationNs);
  if (query.minDurationNs !== undefined && query.maxDurationNs !== undefined && query.minDurationNs > query.maxDurationNs) {
    throw new Invalid();
  }
  return query;
}

function tags(value: unknown): Record<string, string> {
  if (!isRecord(value)) throw new Invalid();
  const entries = Object.entries(value);
  if (entries.length > limits.tags) throw new Invalid();
  return Object.fromEntries(
    entries.map(([key, tagValue]) => {
      if (key.length === 0 || key.length > limits.name) throw new Invalid();
      return [key, text(tagValue, limits.name)];
    }),
  );
}

function timeRange(value: unknown): SearchQuery['time'] {
  if (!isRecord(value)) throw new Invalid();
  if (value.lookback !== undefined) return { lookback: oneOf(value.lookback, lookbackChoices) };
  const startMs = integer(value.startMs, 0, Number.MAX_SAFE_INTEGER);
  const endMs = integer(value.endMs, 0, Number.MAX_SAFE_INTEGER);
  if (endMs <= startMs) throw new Invalid();
  return { startMs, endMs };
}

function duration(value: unknown): number {
  return integer(value, 0, Number.MAX_SAFE_INTEGER);
}

function requestId(value: unknown): number {
  return integer(value, 0, Number.MAX_SAFE_INTEGER);
}

function integer(value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) throw new Invalid();
  return value;
}

function text(value: unknown, maxLength: number): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) throw new Invalid();
  return value;
}

function oneOf<T extends string>(value: unknown, choices: readonly T[]): T {
  const found = choices.find((choice) => choice === value);
  if (found === undefined) throw new Invalid();
  return found;
}
