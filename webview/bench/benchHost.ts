/**
 * A stand-in for the extension host in the viewer benchmark page: provides `acquireVsCodeApi`, answers the
 * handshake, and delivers a synthetic trace through `window.postMessage` exactly as VS Code delivers host
 * messages. Loaded as a classic script before the real `dist/webview/viewer.js`.
 */
import { generateOtlpTrace } from '../../bench/traces/generateOtlp';
import { analyzeTrace } from '../../src/core/analysis/analyze';
import { parseTraces } from '../../src/core/formats/parseTraces';
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
      }
    },
    getState: () => savedState,
    setState(state: unknown) {
      savedState = state;
    },
  }),
});

let prepared: TraceDocument | undefined;

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
    prepared = buildTraceDocument(analyzeTrace(trace), { ref, sourceLabel: 'Benchmark', brokenLinks: [], loadedTraceIds: [] });
    return prepared.trace.spans.length;
  },
  /** Posts the prepared trace; resolves with the viewer's own arrival-to-painted-timeline measure. */
  async deliverTrace(): Promise<number> {
    if (!prepared) throw new Error('prepare() first');
    performance.clearMeasures();
    performance.clearMarks();
    deliver({ type: 'trace', document: prepared });
    for (;;) {
      const [measure] = performance.getEntriesByName('trace-to-timeline');
      if (measure) return measure.duration;
      await afterPaint();
    }
  },
  /**
   * Scrolls the timeline a frame at a time and returns each frame's main-thread time: from the scroll event
   * (captured before the viewer's own listener) to after that frame's paint.
   */
  async measureScroll(frames: number, step: number): Promise<number[]> {
    const body = document.querySelector<HTMLElement>('.timeline-body');
    if (!body) throw new Error('no timeline');
    const durations: number[] = [];
    let frameStart = -1;
    const onScroll = (): void => {
      frameStart = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        if (frameStart >= 0) durations.push(performance.now() - frameStart);
        frameStart = -1;
      };
      channel.port2.postMessage(null);
    };
    document.addEventListener('scroll', onScroll, true);
    try {
      let direction = 1;
      for (let frame = 0; frame < frames; frame++) {
        await new Promise<void>((resolve) => {
          requestAnimationFrame(() => {
            const max = body.scrollHeight - body.clientHeight;
            if (body.scrollTop + step * direction > max || body.scrollTop + step * direction < 0) direction = -direction;
            body.scrollTop += step * direction;
            resolve();
          });
        });
      }
      await afterPaint();
      await afterPaint();
    } finally {
      document.removeEventListener('scroll', onScroll, true);
    }
    return durations;
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
