/**
 * A stand-in for the extension host in the viewer benchmark page: provides `acquireVsCodeApi`, answers the
 * handshake, span-detail and find requests, and delivers a synthetic trace through `window.postMessage` as VS Code
 * delivers host messages. Loaded as a classic script before the real `dist/webview/viewer.js`.
 */
import { generateOtlpTrace } from '../../bench/traces/generateOtlp';
import { analyzeTrace } from '../../src/core/analysis/analyze';
import type { TraceAnalysis } from '../../src/core/analysis/types';
import { parseTraces } from '../../src/core/formats/parseTraces';
import { parseFindQuery, SpanFinder } from '../../src/core/viewer/layout/find';
import type { HostMessage, TraceDocument, WebviewMessage } from '../../src/core/viewer/protocol';
import { buildTraceDocument } from '../../src/core/viewer/traceDocument';

const posted: WebviewMessage[] = [];
let savedState: unknown;

function deliver(message: HostMessage): void {
  window.postMessage(message, '*');
}

Object.assign(window, {
  acquireVsCodeApi: () => ({
    postMessage(message: WebviewMessage) {
      posted.push(message);
      if (message.type === 'ready') {
        deliver({ type: 'welcome', extensionVersion: 'bench' });
        deliver({ type: 'sources', sources: [] });
      } else if (message.type === 'getSpanDetail') {
        const span = prepared?.analysis.trace.spans[message.spanIndex];
        if (span) deliver({ type: 'spanDetail', requestId: message.requestId, span });
        else deliver({ type: 'requestFailed', requestId: message.requestId, message: 'no such span' });
      } else if (message.type === 'find' && prepared) {
        prepared.finder ??= new SpanFinder(prepared.analysis.trace.spans);
        deliver({ type: 'findResults', requestId: message.requestId, spanIndices: prepared.finder.find(parseFindQuery(message.query)) });
      }
    },
    getState: () => savedState,
    setState(state: unknown) {
      savedState = state;
    },
  }),
});

let prepared: { analysis: TraceAnalysis; document: TraceDocument; finder?: SpanFinder } | undefined;

/** After the next paint: a message posted from requestAnimationFrame runs once the frame is on screen. */
function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        resolve(performance.now());
      };
      channel.port2.postMessage(null);
    });
  });
}

const benchHost = {
  posted,
  /**
   * Builds the document beforehand as the extension host does (parsing and analysis included), so that neither
   * generating nor analyzing the trace is part of the measurement, which starts when the message arrives.
   */
  prepare(spans: number, seed: number): number {
    const [trace] = parseTraces(generateOtlpTrace(spans, seed), 'bench').traces;
    if (!trace) throw new Error('the generated trace did not parse');
    const ref = { sourceId: 'bench', traceId: trace.traceId };
    const analysis = analyzeTrace(trace);
    prepared = { analysis, document: buildTraceDocument(analysis, { ref, sourceLabel: 'Benchmark', brokenLinks: [], loadedTraceIds: [] }) };
    return prepared.document.spans.count;
  },
  /** Posts the prepared trace; resolves with the viewer's own arrival-to-painted-timeline measure. */
  async deliverTrace(): Promise<number> {
    if (!prepared) throw new Error('prepare() first');
    performance.clearMeasures();
    performance.clearMarks();
    deliver({ type: 'trace', document: prepared.document });
    for (;;) {
      const [measure] = performance.getEntriesByName('trace-to-timeline');
      if (measure) return measure.duration;
      await afterPaint();
    }
  },
  /** Clicks a toolbar button at the start of a frame; resolves with the time until that change is painted. */
  async measureClick(label: string): Promise<number> {
    const button = document.querySelector<HTMLElement>(`vscode-toolbar-button[label="${label}"]`);
    if (!button) throw new Error(`no button ${label}`);
    const started = await new Promise<number>((resolve) => {
      requestAnimationFrame(() => {
        const start = performance.now();
        button.click();
        resolve(start);
      });
    });
    return (await new Promise<number>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        resolve(performance.now());
      };
      channel.port2.postMessage(null);
    })) - started;
  },
  rowCount(): number {
    return document.querySelectorAll('.timeline-spacer > .row:not(.hidden)').length;
  },
};

Object.assign(window, { benchHost });
export type BenchHost = typeof benchHost;
