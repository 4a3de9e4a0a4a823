import * as vscode from 'vscode';
import type { BrokenLink, TraceAnalysis } from '../../core/analysis/types';
import { parseFindQuery, SpanFinder } from '../../core/viewer/layout/find';
import type { FindMessage, GetSpanDetailMessage, HostMessage, TraceDocument, TraceRef, TraceSummary, WebviewMessage } from '../../core/viewer/protocol';
import { maxSearchLimit } from '../../core/viewer/protocol';
import { buildTraceDocument, linksTouching, summarizeTrace } from '../../core/viewer/traceDocument';
import type { LoadedTrace } from '../../core/viewer/traceLibrary';
import type { ViewerSource } from './sources/viewerSource';
import type { CallSite, ViewerContext } from './viewerContext';

type RequestKind = 'services' | 'operations' | 'search' | 'trace';

/** A trace on show that gains spans is sent again at most this often… */
const liveIntervalMs = 1_000;
/** …and less often when it is big: one millisecond per this many spans (5 s at 100,000 spans). */
const liveSpansPerMs = 20;
/** Spans of one export batch arrive in several requests: wait this long for the rest before updating. */
const liveBatchMs = 150;

/**
 * One webview's conversation with the host: answers its (validated) requests from the sources and the trace
 * library, and carries out what commands ask of it. Nothing is posted before the webview's "ready"; a newer request
 * of a kind cancels the older one.
 */
export class ViewerSession implements vscode.Disposable {
  private ready = false;
  private disposed = false;
  private readonly queued: HostMessage[] = [];
  private pendingTrace: { ref: TraceRef; focusSpanId?: string } | undefined;
  private readonly running = new Map<RequestKind, AbortController>();
  private readonly disposables: vscode.Disposable[] = [];
  private sourcesTimer: ReturnType<typeof setTimeout> | undefined;
  /** The trace the webview shows (the last one posted), which live updates keep current. */
  private shown: TraceRef | undefined;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  private liveSentAt = 0;
  private liveSpans = 0;
  /** Find indexes every span's text on first use: one per analysis, dropped with it. */
  private readonly finders = new WeakMap<TraceAnalysis, SpanFinder>();
  /** The call sites of the shown trace's broken-link warnings, by warning index. */
  private callSites: { ref: TraceRef; byWarning: Map<number, CallSite> } | undefined;

  constructor(
    private readonly context: ViewerContext,
    private readonly send: (message: HostMessage) => void,
  ) {
    this.disposables.push(
      context.registry.onDidChange(() => {
        this.postSourcesSoon();
      }),
      context.traceUpdated.event((ref) => {
        if (this.shown && sameRef(ref, this.shown)) this.updateSoon();
      }),
    );
  }

  async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.onReady(message.restore);
        return;
      case 'listServices':
        await this.run('services', message.requestId, async (signal) => {
          const source = await this.source(message.sourceId);
          const services = await source.services(signal);
          this.post({ type: 'services', requestId: message.requestId, sourceId: source.id, services });
        });
        return;
      case 'listOperations':
        await this.run('operations', message.requestId, async (signal) => {
          const source = await this.source(message.sourceId);
          const operations = await source.operations(message.service, signal);
          this.post({ type: 'operations', requestId: message.requestId, sourceId: source.id, service: message.service, operations });
        });
        return;
      case 'search':
        await this.run('search', message.requestId, async (signal) => {
          const source = await this.source(message.sourceId);
          const outcome = await source.search(message.query, signal);
          const loaded = this.context.library.add(source.id, outcome.traces);
          this.post({ type: 'searchResults', requestId: message.requestId, sourceId: source.id, results: this.summaries(loaded), notes: outcome.notes });
        });
        return;
      case 'openTrace':
        await this.openTrace(message.ref, message.focusSpanId, message.requestId);
        return;
      case 'openCode':
        await this.openCode(message.ref, message.spanId);
        return;
      case 'getSpanDetail':
        await this.answerSpanDetail(message);
        return;
      case 'find':
        await this.answerFind(message);
        return;
      case 'openCallSite':
        await this.openCallSite(message.ref, message.warningIndex);
        return;
      case 'copy':
        await vscode.env.clipboard.writeText(message.text);
        vscode.window.setStatusBarMessage(`Trace Stitch: copied the ${message.what}`, 3_000);
        return;
      case 'runCommand':
        await vscode.commands.executeCommand(`traceStitch.${message.command}`);
        return;
    }
  }

  /** Shows a trace the user chose outside the webview (a command, the sidebar). */
  showTrace(ref: TraceRef, focusSpanId?: string): void {
    if (!this.ready) {
      this.pendingTrace = { ref, ...(focusSpanId ? { focusSpanId } : {}) };
      return;
    }
    this.post({ type: 'traceLoading', ref });
    void this.openTrace(ref, focusSpanId, undefined);
  }

  /**
   * A file the user opened is being read: the panel says so at once (and loads its page meanwhile) instead of
   * appearing only once a big file has been read and analyzed.
   */
  showFileLoading(fileName: string): void {
    this.pendingTrace = undefined;
    this.post({ type: 'fileLoading', fileName });
  }

  /** The file announced by `showFileLoading` could not be read; the notification says why. */
  showFileFailed(message: string): void {
    this.post({ type: 'requestFailed', message });
  }

  /** Lists the traces of a source as search results (a file of several traces was opened). */
  showTraces(source: ViewerSource, traces: LoadedTrace[], notes: readonly string[]): void {
    const shown = traces.slice(0, maxSearchLimit);
    const more = traces.length > shown.length ? [`Showing ${shown.length} of ${traces.length} traces; search to narrow them down.`] : [];
    this.post({ type: 'showSearch', sourceId: source.id });
    this.post({ type: 'searchResults', sourceId: source.id, results: this.summaries(shown), notes: [...notes, ...more] });
  }

  /**
   * The panel was hidden: VS Code discards a hidden webview's page, so hold messages until the page that loads
   * when the panel is shown again says it is ready.
   */
  hidden(): void {
    this.ready = false;
  }

  /** Switches the webview to the search page with a source selected. */
  showSearch(sourceId: string): void {
    this.post({ type: 'showSearch', sourceId });
  }

  private onReady(restore: TraceRef | undefined): void {
    this.ready = true;
    this.send({ type: 'welcome', extensionVersion: this.context.host.version });
    this.send({ type: 'sources', sources: this.context.registry.infos() });
    for (const message of this.queued.splice(0)) this.send(message);
    const pending = this.pendingTrace ?? (restore ? { ref: restore } : undefined);
    this.pendingTrace = undefined;
    if (pending) this.showTrace(pending.ref, pending.focusSpanId);
  }

  private async openTrace(ref: TraceRef, focusSpanId: string | undefined, requestId: number | undefined): Promise<void> {
    await this.run('trace', requestId, async (signal) => {
      const started = performance.now();
      const loaded = await this.load(ref, signal);
      const loadedAt = performance.now();
      this.shown = ref;
      this.liveSpans = loaded.analysis.trace.spans.length;
      this.liveSentAt = Date.now();
      const document = await this.document(loaded);
      this.post({ type: 'trace', ...(requestId === undefined ? {} : { requestId }), document, ...(focusSpanId ? { focusSpanId } : {}) });
      this.context.host.log.info(
        `Showing trace ${ref.traceId} (${this.liveSpans} spans): loaded and analyzed in ${Math.round(loadedAt - started)} ms, ` +
          `explained and posted in ${Math.round(performance.now() - loadedAt)} ms`,
      );
    });
  }

  /** The trace view's document, with the call sites code links found for its broken-link warnings. */
  private async document(loaded: LoadedTrace): Promise<TraceDocument> {
    const library = this.context.library;
    const source = this.context.registry.get(loaded.ref.sourceId);
    const brokenLinks = library.brokenLinks();
    const links = linksTouching(loaded.analysis, brokenLinks);
    const found = await this.findCallSites(links);
    // Broken-link warnings come first, one per touching link, in order.
    const byWarning = new Map<number, CallSite>();
    links.forEach((link, index) => {
      const site = found.get(link);
      if (site) byWarning.set(index, site);
    });
    this.callSites = { ref: loaded.ref, byWarning };
    return buildTraceDocument(loaded.analysis, {
      ref: loaded.ref,
      sourceLabel: source?.label ?? loaded.ref.sourceId,
      brokenLinks,
      loadedTraceIds: library.loadedTraceIds(),
      callSiteLabels: new Map([...found].map(([link, site]) => [link, site.label])),
    });
  }

  /**
   * The trace on show gained spans: sends it again (the webview keeps its view), batching what arrives close
   * together and no more often than `liveIntervalMs`, less often for big traces.
   */
  private updateSoon(): void {
    if (this.liveTimer !== undefined) return;
    const interval = Math.max(liveIntervalMs, this.liveSpans / liveSpansPerMs);
    const wait = Math.max(liveBatchMs, this.liveSentAt + interval - Date.now());
    this.liveTimer = setTimeout(() => {
      this.liveTimer = undefined;
      this.postUpdate().catch((error: unknown) => {
        this.context.host.log.warn(`Could not update the trace on show: ${error instanceof Error ? error.message : String(error)}`);
      });
    }, wait);
  }

  private async postUpdate(): Promise<void> {
    const ref = this.shown;
    // A hidden webview gets the newest trace when it is shown again and asks for it (`load` re-reads live sources).
    if (!ref || !this.ready) return;
    const loaded = await this.load(ref, new AbortController().signal);
    if (!this.isShowing(ref)) return;
    if (loaded.analysis.trace.spans.length === this.liveSpans) return;
    this.liveSentAt = Date.now();
    this.liveSpans = loaded.analysis.trace.spans.length;
    const document = await this.document(loaded);
    if (!this.isShowing(ref)) return;
    this.post({ type: 'trace', document, update: true });
  }

  /** Whether the webview is there and still shows this trace (it may have moved on while the host worked). */
  private isShowing(ref: TraceRef): boolean {
    return this.ready && this.shown !== undefined && sameRef(ref, this.shown);
  }

  /**
   * The trace from the library, or fetched from its source (and then kept). A trace of a live source (the receiver)
   * is read from it again, since it may have gained spans since it was analyzed.
   */
  private async load(ref: TraceRef, signal: AbortSignal): Promise<LoadedTrace> {
    const held = this.context.library.get(ref);
    const live = this.context.registry.get(ref.sourceId)?.kind === 'receiver';
    if (held && !live) return held;
    const source = await this.source(ref.sourceId);
    const trace = await source.trace(ref.traceId, signal);
    if (!trace && held) return held;
    if (!trace) throw new Error(`Trace ${ref.traceId} was not found in ${source.label}.`);
    const [loaded] = this.context.library.add(source.id, [trace]);
    if (!loaded) throw new Error(`Trace ${ref.traceId} could not be analyzed.`);
    return loaded;
  }

  /** The span of a detail request: at its index, or found by id when the trace changed since the webview got it. */
  private async answerSpanDetail(message: GetSpanDetailMessage): Promise<void> {
    try {
      const spans = (await this.load(message.ref, new AbortController().signal)).analysis.trace.spans;
      const atIndex = spans[message.spanIndex];
      const span = atIndex?.spanId === message.spanId ? atIndex : spans.find((candidate) => candidate.spanId === message.spanId);
      if (!span) throw new Error(`Span ${message.spanId} is not in trace ${message.ref.traceId} any more.`);
      this.post({ type: 'spanDetail', requestId: message.requestId, span });
    } catch (error) {
      this.post({ type: 'requestFailed', requestId: message.requestId, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async answerFind(message: FindMessage): Promise<void> {
    try {
      const { analysis } = await this.load(message.ref, new AbortController().signal);
      let finder = this.finders.get(analysis);
      if (!finder) {
        finder = new SpanFinder(analysis.trace.spans);
        this.finders.set(analysis, finder);
      }
      this.post({ type: 'findResults', requestId: message.requestId, spanIndices: finder.find(parseFindQuery(message.query)) });
    } catch (error) {
      this.post({ type: 'requestFailed', requestId: message.requestId, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async openCode(ref: TraceRef, spanId: string): Promise<void> {
    const loaded = this.context.library.get(ref);
    const spans = loaded?.analysis.trace.spans ?? [];
    const spanIndex = spans.findIndex((span) => span.spanId === spanId);
    const span = spans[spanIndex];
    if (!loaded || !span) return;
    const handler = this.context.openCode.handler;
    const opened = handler ? await handler({ ref, trace: loaded.analysis.trace, span, spanIndex }) : false;
    if (!opened) vscode.window.setStatusBarMessage(`Trace Stitch: no source location is known for "${span.name}"`, 4_000);
  }

  /** Asks code links for the call site behind each broken link; a failure only costs the link its button. */
  private async findCallSites(links: readonly BrokenLink[]): Promise<Map<BrokenLink, CallSite>> {
    const resolver = this.context.callSites.resolver;
    const found = new Map<BrokenLink, CallSite>();
    if (!resolver) return found;
    for (const link of links) {
      try {
        const site = await resolver(link);
        if (site) found.set(link, site);
      } catch (error) {
        this.context.host.log.warn(`Finding the call site of ${link.fromService} → ${link.toService} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return found;
  }

  private async openCallSite(ref: TraceRef, warningIndex: number): Promise<void> {
    const shown = this.callSites;
    const site = shown?.ref.sourceId === ref.sourceId && shown.ref.traceId === ref.traceId ? shown.byWarning.get(warningIndex) : undefined;
    if (site) await site.open();
  }

  private summaries(loaded: readonly LoadedTrace[]): TraceSummary[] {
    const links = this.context.library.brokenLinks();
    return loaded.map((entry) => summarizeTrace(entry.analysis, links));
  }

  private async source(sourceId: string): Promise<ViewerSource> {
    const source = this.context.registry.get(sourceId) ?? (await this.context.resolveSource(sourceId));
    if (!source) throw new Error(`The source "${sourceId}" is no longer available: open the file or connect to Jaeger again.`);
    return source;
  }

  /**
   * Runs a request, cancelling the previous one of its kind; a failure is logged and posted back as
   * `requestFailed` with a message for the user, so the webview never waits forever.
   */
  private async run(kind: RequestKind, requestId: number | undefined, work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    this.running.get(kind)?.abort();
    const controller = new AbortController();
    this.running.set(kind, controller);
    try {
      await work(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      this.context.host.log.warn(`Viewer ${kind} request failed: ${message}`);
      this.post({ type: 'requestFailed', ...(requestId === undefined ? {} : { requestId }), message });
    } finally {
      if (this.running.get(kind) === controller) this.running.delete(kind);
    }
  }

  private post(message: HostMessage): void {
    // A command still at work when the panel was closed (reading a big file) has nothing to show it in.
    if (this.disposed) return;
    if (this.ready) this.send(message);
    else this.queued.push(message);
  }

  private postSourcesSoon(): void {
    if (this.sourcesTimer !== undefined) return;
    this.sourcesTimer = setTimeout(() => {
      this.sourcesTimer = undefined;
      if (this.ready) this.send({ type: 'sources', sources: this.context.registry.infos() });
    }, 300);
  }

  dispose(): void {
    this.disposed = true;
    for (const controller of this.running.values()) controller.abort();
    this.running.clear();
    if (this.sourcesTimer !== undefined) clearTimeout(this.sourcesTimer);
    if (this.liveTimer !== undefined) clearTimeout(this.liveTimer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

function sameRef(a: TraceRef, b: TraceRef): boolean {
  return a.sourceId === b.sourceId && a.traceId === b.traceId;
}
