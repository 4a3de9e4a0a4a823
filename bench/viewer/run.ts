import os from 'node:os';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../../test/harness/workbench';
import { median, report } from '../report';
import { traceScrollFrames, type FrameTime } from './frameTimes';
import { startViewerPage } from './page';

/** What `webview/bench/benchHost.ts` exposes on the page (it is compiled for the browser, so not imported here). */
interface BenchHost {
  prepare(spans: number, seed: number): number;
  deliverTrace(): Promise<number>;
  measureClick(label: string): Promise<number>;
  rowCount(): number;
}

/** Calls a method of the page's bench host; the function runs in the page, so it names nothing from this module. */
async function call<K extends keyof BenchHost>(
  tab: Page,
  method: K,
  ...args: Parameters<BenchHost[K]>
): Promise<Awaited<ReturnType<BenchHost[K]>>> {
  const result: unknown = await tab.evaluate(
    ([name, values]) => {
      const target = (globalThis as unknown as { benchHost: Record<string, (...parameters: unknown[]) => unknown> }).benchHost;
      const method = target[name];
      if (!method) throw new Error(`benchHost has no ${name}`);
      return method(...values);
    },
    [method, args] as const,
  );
  return result as Awaited<ReturnType<BenchHost[K]>>;
}

/** Scrolling speeds: a brisk mouse-wheel scroll (about 2 rows a frame at 60 fps) and a fast fling (7 rows). */
const scrollSpeeds = [
  { name: '', pixelsPerSecond: 3_000 },
  { name: '-fling', pixelsPerSecond: 10_000 },
] as const;
const scrollSeconds = 4;

/**
 * The trace viewer's speed, in headless Chromium on the real viewer bundle:
 *  - viewer-first-render-10k / -100k: from the trace message's arrival to the first painted timeline;
 *  - viewer-scroll-p95-10k: the 95th percentile of the renderer main thread's time per frame (from Chromium's trace)
 *    while Chromium's own gesture synthesizer scrolls the timeline with the mouse wheel at 3,000 px/s, and the same
 *    at 10,000 px/s (-fling); wall time, and CPU time (-cpu) since the machine is shared;
 *  - viewer-collapse-all-10k / viewer-expand-all-10k: from the click to the painted result;
 *  - viewer-heap-100k: JavaScript heap after rendering 100,000 spans; viewer-dom-rows-100k: rows in the DOM.
 */
export async function benchViewer(runs = 5): Promise<void> {
  const page = await startViewerPage();
  const browser = await launchChromium();
  const loadBefore = os.loadavg();
  try {
    const firstRender10k: number[] = [];
    const firstRender100k: number[] = [];
    const scroll = new Map<string, FrameTime[][]>();
    const collapse: number[] = [];
    const expand: number[] = [];
    const heap: number[] = [];
    const rows: number[] = [];
    for (let run = 0; run < runs; run++) {
      await withPage(browser, page.url, async (tab, cdp) => {
        await prepare(tab, 10_000, run + 1);
        firstRender10k.push(await call(tab, 'deliverTrace'));
        for (const speed of scrollSpeeds) {
          const runs = scroll.get(speed.name) ?? [];
          runs.push(await scrollFrames(tab, cdp, speed.pixelsPerSecond));
          scroll.set(speed.name, runs);
        }
        collapse.push(await call(tab, 'measureClick', 'Collapse all'));
        expand.push(await call(tab, 'measureClick', 'Expand all'));
      });
      await withPage(browser, page.url, async (tab, cdp) => {
        await prepare(tab, 100_000, run + 1);
        firstRender100k.push(await call(tab, 'deliverTrace'));
        heap.push(await heapMegabytes(cdp));
        rows.push(await call(tab, 'rowCount'));
      });
    }
    report('viewer-first-render-10k', firstRender10k, 'ms');
    report('viewer-first-render-100k', firstRender100k, 'ms');
    for (const speed of scrollSpeeds) reportScroll(speed.name, speed.pixelsPerSecond, scroll.get(speed.name) ?? []);
    report('viewer-collapse-all-10k', collapse, 'ms');
    report('viewer-expand-all-10k', expand, 'ms');
    report('viewer-heap-100k', heap, 'MB');
    report('viewer-dom-rows-100k', rows, 'rows', 0);
    console.log(`  (load average ${formatLoad(loadBefore)} before, ${formatLoad(os.loadavg())} after, on ${os.cpus().length} cores)`);
  } finally {
    await browser.close();
    await page.close();
  }
}

async function withPage(browser: Browser, url: string, body: (page: Page, cdp: CDPSession) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await tab.goto(url);
    await tab.locator('vscode-tabs').waitFor();
    await body(tab, cdp);
    if (errors.length > 0) throw new Error(`The viewer page reported errors:\n${errors.join('\n')}`);
  } finally {
    await context.close();
  }
}

async function prepare(page: Page, spans: number, seed: number): Promise<void> {
  const made = await call(page, 'prepare', spans, seed);
  if (made !== spans) throw new Error(`generated ${made} spans, wanted ${spans}`);
}

async function heapMegabytes(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / (1024 * 1024);
}

/** Scrolls the timeline down with real wheel input, as Chromium's smoothness benchmarks do, and times each frame. */
async function scrollFrames(tab: Page, cdp: CDPSession, pixelsPerSecond: number): Promise<FrameTime[]> {
  const box = await tab.locator('.timeline-body').boundingBox();
  if (!box) throw new Error('no timeline');
  await setTimelineScroll(tab, 0);
  const frames = await traceScrollFrames(cdp, async () => {
    await cdp.send('Input.synthesizeScrollGesture', {
      x: Math.round(box.x + box.width / 2),
      y: Math.round(box.y + box.height / 2),
      yDistance: -pixelsPerSecond * scrollSeconds,
      speed: pixelsPerSecond,
      gestureSourceType: 'mouse',
      preventFling: true,
    });
  });
  const scrolled = await setTimelineScroll(tab);
  if (scrolled < pixelsPerSecond * scrollSeconds * 0.9) throw new Error(`the gesture scrolled ${scrolled} px only`);
  return frames;
}

/** The page's view of the timeline's scroller (this file is compiled without the DOM library). */
interface ScrollerPage {
  readonly document: { querySelector(selector: string): { scrollTop: number } | null };
}

/** Sets the timeline's scroll offset when given one; returns the offset. */
function setTimelineScroll(tab: Page, top?: number): Promise<number> {
  return tab.evaluate((value) => {
    const body = (globalThis as unknown as ScrollerPage).document.querySelector('.timeline-body');
    if (!body) return -1;
    if (value !== undefined) body.scrollTop = value;
    return body.scrollTop;
  }, top);
}

function reportScroll(suffix: string, pixelsPerSecond: number, runs: readonly FrameTime[][]): void {
  const wall = runs.map((frames) => frames.map((frame) => frame.wallMs));
  const cpu = runs.map((frames) => frames.map((frame) => frame.cpuMs));
  report(`viewer-scroll-p95-10k${suffix}`, wall.map((frames) => percentile(frames, 0.95)), 'ms');
  report(`viewer-scroll-p95-10k${suffix}-cpu`, cpu.map((frames) => percentile(frames, 0.95)), 'ms');
  const frameCounts = runs.map((frames) => frames.length);
  console.log(
    `  (${pixelsPerSecond} px/s for ${scrollSeconds} s: ${median(frameCounts)} frames a run (60 fps would be ${60 * scrollSeconds}); ` +
      `median frame ${median(wall.flat()).toFixed(1)} ms wall, ${median(cpu.flat()).toFixed(1)} ms CPU)`,
  );
}

function formatLoad(load: readonly number[]): string {
  return load.map((value) => value.toFixed(2)).join(' ');
}

function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) throw new Error('no frames were measured');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}
