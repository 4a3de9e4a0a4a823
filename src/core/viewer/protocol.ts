/**
 * The one message protocol between the trace viewer webview and the extension host.
 * Both sides import these types; the host validates every incoming message with `parseWebviewMessage`
 * (see `validate.ts`) before it acts on it.
 */
import type { GroupStats } from '../analysis/types';
import type { Span } from '../model/trace';
import type { CriticalPathTable, SpanTable } from './spanTable';

// ─── shared shapes ───────────────────────────────────────────────────────────────────────────────────────────

export type SourceKind = 'jaeger' | 'receiver' | 'file';

/** A place traces come from, as the search form lists it. */
export interface SourceInfo {
  /** Stable across sessions: `receiver`, `jaeger:<n>`, `file:<uri>`. */
  readonly id: string;
  readonly kind: SourceKind;
  readonly label: string;
  /** One line about its state: "listening on 127.0.0.1:4318", "3 traces", "unreachable: …". */
  readonly detail: string;
  readonly state: 'ready' | 'error';
}

/** Names a trace in a source; what the webview keeps in its state to reload the trace after a restart. */
export interface TraceRef {
  readonly sourceId: string;
  readonly traceId: string;
}

export const lookbackChoices = ['5m', '15m', '30m', '1h', '2h', '6h', '12h', '24h', '2d', '7d'] as const;
export type Lookback = (typeof lookbackChoices)[number];

export interface SearchQuery {
  readonly service?: string;
  readonly operation?: string;
  /** Span or resource attributes that must be present with these values. */
  readonly tags: Readonly<Record<string, string>>;
  /** Either a lookback from now, or an explicit range in epoch milliseconds. */
  readonly time: { readonly lookback: Lookback } | { readonly startMs: number; readonly endMs: number };
  readonly minDurationNs?: number;
  readonly maxDurationNs?: number;
  readonly limit: number;
}

export const maxSearchLimit = 1500;

export interface ServiceCount {
  readonly service: string;
  readonly spans: number;
  readonly errors: number;
}

/** One row of search results. */
export interface TraceSummary {
  readonly traceId: string;
  readonly rootService: string;
  readonly rootOperation: string;
  readonly spanCount: number;
  readonly errorCount: number;
  readonly startNs: number;
  readonly durationNs: number;
  readonly services: readonly ServiceCount[];
  /** Set when the trace is a broken-off piece of another trace, or has orphans: why, in one sentence. */
  readonly broken?: string;
}

export type TraceWarningKind = 'orphans' | 'multiple-roots' | 'clock-skew' | 'broken-link' | 'source';

/** A problem with the trace as a whole or some of its spans, with what it means for the reader. */
export interface TraceWarning {
  readonly kind: TraceWarningKind;
  /** One line: "3 spans have no parent in this trace". */
  readonly title: string;
  /** What happened, why it matters, what to look at. */
  readonly explanation: string;
  /** The spans of this trace concerned, as indices into the document's `spans` (may be empty). */
  readonly spanIndices: readonly number[];
  /**
   * For a broken link: the line of code that dropped the trace context, when the linter found it — a label such as
   * `services/orders/app.py:14 requests.get(…)`. The webview asks the host to open it by warning index only.
   */
  readonly callSite?: { readonly label: string };
}

/**
 * Everything the trace view shows about one trace: the spans in columns (after clock-skew adjustment, in start
 * order) and what analysis found. Spans are referred to by index, because span ids are not always unique.
 */
export interface TraceDocument {
  readonly ref: TraceRef;
  readonly sourceLabel: string;
  readonly traceId: string;
  readonly spans: SpanTable;
  readonly warnings: readonly TraceWarning[];
  readonly criticalPath: CriticalPathTable;
  /** Per service (no operation) and per service and operation, as analysis computed them. */
  readonly stats: readonly GroupStats[];
  /** Other traces the host holds, which span links may jump to. */
  readonly loadedTraceIds: readonly string[];
}

// ─── host → webview ──────────────────────────────────────────────────────────────────────────────────────────

/** Tells a freshly loaded webview which extension version it talks to. */
export interface WelcomeMessage {
  readonly type: 'welcome';
  readonly extensionVersion: string;
}

export interface SourcesMessage {
  readonly type: 'sources';
  readonly sources: readonly SourceInfo[];
}

/** The host asks the webview to show the search for a source (after opening a file of several traces, say). */
export interface ShowSearchMessage {
  readonly type: 'showSearch';
  readonly sourceId: string;
}

export interface ServicesMessage {
  readonly type: 'services';
  readonly requestId: number;
  readonly sourceId: string;
  readonly services: readonly string[];
}

export interface OperationsMessage {
  readonly type: 'operations';
  readonly requestId: number;
  readonly sourceId: string;
  readonly service: string;
  readonly operations: readonly string[];
}

export interface SearchResultsMessage {
  readonly type: 'searchResults';
  /** Absent when the host pushed the results (a file with several traces). */
  readonly requestId?: number;
  readonly sourceId: string;
  readonly results: readonly TraceSummary[];
  /** Things the source could not read, e.g. skipped parts of a file. */
  readonly notes: readonly string[];
}

/** The host started loading a trace the webview did not ask for (a command, a link from the sidebar). */
export interface TraceLoadingMessage {
  readonly type: 'traceLoading';
  readonly ref: TraceRef;
}

/** The host is reading a trace file the user opened (its traces are known once it has been read). */
export interface FileLoadingMessage {
  readonly type: 'fileLoading';
  readonly fileName: string;
}

export interface TraceMessage {
  readonly type: 'trace';
  readonly requestId?: number;
  readonly document: TraceDocument;
  /** Select and reveal this span after rendering. */
  readonly focusSpanId?: string;
  /**
   * The trace on show gained spans (the receiver got more): show the new document in place, keeping scroll
   * position, selection, collapsed spans, zoom and find; do nothing if the webview has moved on to another trace.
   */
  readonly update?: true;
}

/** Answers `GetSpanDetailMessage`: the span in full (attributes, resource, events, links, scope, warnings). */
export interface SpanDetailMessage {
  readonly type: 'spanDetail';
  readonly requestId: number;
  readonly span: Span;
}

/** Answers `FindMessage`: the indices of the matching spans, in span order. */
export interface FindResultsMessage {
  readonly type: 'findResults';
  readonly requestId: number;
  readonly spanIndices: Int32Array;
}

/** A request the webview made failed; `message` says why, in words for the user. */
export interface RequestFailedMessage {
  readonly type: 'requestFailed';
  readonly requestId?: number;
  readonly message: string;
}

export type HostMessage =
  | WelcomeMessage
  | SourcesMessage
  | ShowSearchMessage
  | ServicesMessage
  | OperationsMessage
  | SearchResultsMessage
  | TraceLoadingMessage
  | FileLoadingMessage
  | TraceMessage
  | SpanDetailMessage
  | FindResultsMessage
  | RequestFailedMessage;

// ─── webview → host ──────────────────────────────────────────────────────────────────────────────────────────

/** The webview's handshake: it has loaded and listens; the host posts nothing before this. */
export interface ReadyMessage {
  readonly type: 'ready';
  /** The trace the webview showed before it was hidden or reloaded, to be loaded again. */
  readonly restore?: TraceRef;
}

export interface ListServicesMessage {
  readonly type: 'listServices';
  readonly requestId: number;
  readonly sourceId: string;
}

export interface ListOperationsMessage {
  readonly type: 'listOperations';
  readonly requestId: number;
  readonly sourceId: string;
  readonly service: string;
}

export interface SearchMessage {
  readonly type: 'search';
  readonly requestId: number;
  readonly sourceId: string;
  readonly query: SearchQuery;
}

export interface OpenTraceMessage {
  readonly type: 'openTrace';
  readonly requestId: number;
  readonly ref: TraceRef;
  readonly focusSpanId?: string;
}

/** A span's detail was opened: the webview holds only the columns of `SpanTable`, the host the rest. */
export interface GetSpanDetailMessage {
  readonly type: 'getSpanDetail';
  readonly requestId: number;
  readonly ref: TraceRef;
  readonly spanIndex: number;
  /** The span's id, which the host checks: a trace that gained spans since may have moved it to another index. */
  readonly spanId: string;
}

/**
 * Find in trace (see `layout/find.ts` for the query language). It runs on the host, which holds the spans' attributes
 * and events.
 */
export interface FindMessage {
  readonly type: 'find';
  readonly requestId: number;
  readonly ref: TraceRef;
  readonly query: string;
}

/** Enter on a span, or "Open code" in its detail: the host resolves the span to source code (issue 7). */
export interface OpenCodeMessage {
  readonly type: 'openCode';
  readonly ref: TraceRef;
  readonly spanId: string;
}

/** "Open code" on a broken-link warning: the host opens the call site it found for that warning. */
export interface OpenCallSiteMessage {
  readonly type: 'openCallSite';
  readonly ref: TraceRef;
  readonly warningIndex: number;
}

export const copyKinds = ['trace id', 'span id', 'span JSON', 'attribute value'] as const;
export type CopyKind = (typeof copyKinds)[number];

/** Copy to the clipboard through the host (the webview's own clipboard access depends on focus). */
export interface CopyMessage {
  readonly type: 'copy';
  readonly what: CopyKind;
  readonly text: string;
}

/** The commands the webview's buttons may run; nothing else is accepted. */
export const webviewCommands = ['openTraceFile', 'openTraceById', 'connectJaeger'] as const;
export type WebviewCommand = (typeof webviewCommands)[number];

export interface RunCommandMessage {
  readonly type: 'runCommand';
  readonly command: WebviewCommand;
}

export type WebviewMessage =
  | ReadyMessage
  | ListServicesMessage
  | ListOperationsMessage
  | SearchMessage
  | OpenTraceMessage
  | OpenCodeMessage
  | GetSpanDetailMessage
  | FindMessage
  | OpenCallSiteMessage
  | CopyMessage
  | RunCommandMessage;
