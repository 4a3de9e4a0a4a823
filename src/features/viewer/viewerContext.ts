import type * as vscode from 'vscode';
import type { BrokenLink } from '../../core/analysis/types';
import type { Span, Trace } from '../../core/model/trace';
import type { TraceLibrary } from '../../core/viewer/traceLibrary';
import type { TraceRef } from '../../core/viewer/protocol';
import type { Host } from '../../host/host';
import type { SourceRegistry } from './sources/registry';
import type { ViewerSource } from './sources/viewerSource';

/** What Enter on a span (or "Open code" in its detail) asks for. */
export interface OpenCodeRequest {
  readonly ref: TraceRef;
  readonly trace: Trace;
  readonly span: Span;
  readonly spanIndex: number;
}

/** Resolves a span to its code and opens it; returns false when no location is known. */
export type OpenCodeHandler = (request: OpenCodeRequest) => Promise<boolean>;

/** The line of code that broke a link: a label for the warning, and how to open it (the webview never names files). */
export interface CallSite {
  readonly label: string;
  open(): Promise<void>;
}

/** Finds the call site that broke a link, from the workspace's code (code links); undefined when none is known. */
export type CallSiteResolver = (link: BrokenLink) => Promise<CallSite | undefined>;

/** What every viewer panel shares: sources, the held traces, and the hooks other features plug into. */
export interface ViewerContext {
  readonly host: Host;
  readonly registry: SourceRegistry;
  readonly library: TraceLibrary;
  /** Finds a source that is not registered (yet), such as a file reopened after a reload. */
  readonly resolveSource: (sourceId: string) => Promise<ViewerSource | undefined>;
  readonly openCode: { handler: OpenCodeHandler | undefined };
  /** A trace of a live source (the receiver) gained spans; a panel showing it sends it again. */
  readonly traceUpdated: vscode.EventEmitter<TraceRef>;
  readonly callSites: { resolver: CallSiteResolver | undefined };
  readonly disposables: vscode.Disposable[];
}
