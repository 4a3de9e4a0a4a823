import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../../test/harness/workbench';
import { report } from '../report';
import { startViewerPage } from './page';

/** What `webview/bench/benchHost.ts` exposes on the page (it is compiled for the browser, so not imported here). */
interface BenchHost {
  prepare(spans: number, seed: number): number;
  deliverTrace(): Promise<number>;
  measureScroll(frames: number, step: number): Promise<number[]>;
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

/**
 * The trace viewer's speed, in headless Chromium on the real viewer bundle:
 *  - viewer-first-render-10k / -100k: from the trace message's arrival to the first painted timeline;
 *  - viewer-scroll-p95-10k: the 95th percentile of per-frame main-thread time while scrolling;
 *  - viewer-collapse-all-10k / viewer-expand-all-10k: from the click to the painted result;
 *  - viewer-heap-100k: JavaScript heap after rendering 100,000 spans; viewer-dom-rows-100k: rows in the DOM.
 */
export async function benchViewer(runs = 5): Promise<void> {
  const page = await startViewerPage();
  const browser = await launchChromium();
  try {
    const firstRender10k: number[] = [];
    const firstRender100k: number[] = [];
    const scrollP95: number[] = [];
    const collapse: number[] = [];
    const expand: number[] = [];
    const heap: number[] = [];
    const rows: number[] = [];
    for (let run = 0; run < runs; run++) {
      await withPage(browser, page.url, async (tab) => {
        await prepare(tab, 10_000, run + 1);
        firstRender10k.push(await call(tab, 'deliverTrace'));
        const frames = await call(tab, 'measureScroll', 240, 173);
        scrollP95.push(percentile(frames, 0.95));
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
    report('viewer-scroll-p95-10k', scrollP95, 'ms');
    report('viewer-collapse-all-10k', collapse, 'ms');
    report('viewer-expand-all-10k', expand, 'ms');
    report('viewer-heap-100k', heap, 'MB');
    report('viewer-dom-rows-100k', rows, 'rows', 0);
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

function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) throw new Error('no frames were measured');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}
