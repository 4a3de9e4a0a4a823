import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { openExplorerContextMenu, waitForTimeline } from '../../test/e2e/viewerPage';
import { packageExtension } from '../../test/harness/packages';
import { copyWorkspace, startTestServer } from '../../test/harness/testServer';
import { launchChromium, openWorkbench } from '../../test/harness/workbench';
import { median, report } from '../report';
import { generateOtlpTrace } from '../traces/generateOtlp';

/** The viewer's marks (webview/src/app.ts `marks`), read back from the webview page. */
interface ViewerTimes {
  /** When the first timeline of the trace was painted, ms since the epoch. */
  readonly renderedAtEpochMs: number;
  /** From the trace message's arrival in the webview to that paint. */
  readonly arrivalToTimelineMs: number;
}

/** The webview page's performance API (this file is compiled without the DOM library). */
interface PagePerformance {
  readonly performance: {
    readonly timeOrigin: number;
    getEntriesByName(name: string): readonly { readonly startTime: number; readonly duration: number }[];
  };
}

function viewerTimes(viewer: FrameLocator): Promise<ViewerTimes> {
  return viewer.locator('body').evaluate(() => {
    const { performance } = globalThis as unknown as PagePerformance;
    const rendered = performance.getEntriesByName('timeline-rendered').at(-1);
    const measure = performance.getEntriesByName('trace-to-timeline').at(-1);
    if (!rendered || !measure) throw new Error('the viewer has not marked a rendered timeline');
    return { renderedAtEpochMs: performance.timeOrigin + rendered.startTime, arrivalToTimelineMs: measure.duration };
  });
}

/** One open, as epoch times: the click, and what the viewer marked (arrival of the trace, painted timeline). */
interface OpenTimes {
  readonly clickedAt: number;
  readonly arrivedAt: number;
  readonly renderedAt: number;
}

/** One file opened from the Explorer's context menu: from choosing the command to the painted timeline. */
async function openOnce(page: Page, fileName: string, traceId: string): Promise<OpenTimes> {
  // Trace Stitch's menu items appear once it has activated; the receiver's status bar item says it has.
  await page.locator('.statusbar-item', { hasText: /\d+ spans?$/ }).waitFor({ timeout: 60_000 });
  const item = await openExplorerContextMenu(page, fileName, 'Open Trace File…');
  // The item is chosen with the keyboard once the menu has focused it: a click while the menu still animates in would
  // be ignored, and the clock would count the wait.
  await item.hover();
  await page.locator('.monaco-menu .action-item.focused', { hasText: 'Open Trace File…' }).waitFor();
  const clickedAt = Date.now();
  await page.keyboard.press('Enter');
  await page.locator('.monaco-menu').waitFor({ state: 'detached', timeout: 5_000 });
  const viewer = await waitForTimeline(page, traceId);
  const times = await viewerTimes(viewer);
  return { clickedAt, arrivedAt: times.renderedAtEpochMs - times.arrivalToTimelineMs, renderedAt: times.renderedAtEpochMs };
}

/** The steps of one open, in ms, from the click on: the host's from Trace Stitch's log, the webview's from its marks. */
interface OpenSteps {
  /** Command dispatch, the panel opening, the file read starting. */
  readonly toRead: number;
  readonly readAndParse: number;
  readonly analyze: number;
  readonly buildAndPost: number;
  /** From the host's post to the webview's handling of the message (serialization, VS Code's channels, the page). */
  readonly transit: number;
  readonly render: number;
}

const stepNames: readonly (keyof OpenSteps)[] = ['toRead', 'readAndParse', 'analyze', 'buildAndPost', 'transit', 'render'];

/** Log lines are `YYYY-MM-DD HH:MM:SS.mmm [level] text`, in local time. */
function logLines(logsDir: string): { at: number; text: string }[] {
  return readdirSync(logsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'Trace Stitch.log')
    .flatMap((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8').split('\n'))
    .flatMap((line) => {
      const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}\.\d{3}) \[\w+\] (.*)$/.exec(line);
      return match?.[1] && match[2] && match[3] !== undefined ? [{ at: new Date(`${match[1]}T${match[2]}`).getTime(), text: match[3] }] : [];
    });
}

function openSteps(logsDir: string, fileName: string, times: OpenTimes): OpenSteps {
  const lines = logLines(logsDir).filter((line) => line.at >= times.clickedAt - 1);
  const find = (pattern: RegExp): { at: number; value: number } => {
    for (const line of lines) {
      const match = pattern.exec(line.text);
      if (match) return { at: line.at, value: Number(match[1] ?? 0) };
    }
    throw new Error(`Trace Stitch's log has no line like ${String(pattern)} after the click`);
  };
  const name = fileName.replace(/[.]/g, '\\.');
  const read = find(new RegExp(`^Read ${name}: 1 traces, \\d+ spans in (\\d+) ms`));
  const analyzed = find(new RegExp(`^Analyzed 1 trace\\(s\\) of ${name} in (\\d+) ms`));
  const posted = find(/^Showing trace [0-9a-f]+ \(\d+ spans\): loaded and analyzed in \d+ ms, explained and posted in (\d+) ms/);
  return {
    toRead: read.at - read.value - times.clickedAt,
    readAndParse: read.value,
    analyze: analyzed.at - read.at,
    buildAndPost: posted.at - analyzed.at,
    transit: times.arrivedAt - posted.at,
    render: times.renderedAt - times.arrivedAt,
  };
}

/**
 * Opening a big trace file in the real VS Code (the VS Code server in headless Chromium, the packaged extension),
 * end to end: from the click on "Open Trace File…" in the Explorer's context menu, through reading, parsing and
 * analyzing the file in the extension host, building the span table, posting it across to the webview (which VS Code
 * starts for the first open of a window), to the first painted timeline. A fresh window (so a fresh extension host)
 * per run. Also prints the steps Trace Stitch logs, and the webview's own arrival-to-timeline measure.
 */
export async function benchOpenInVsCode(runs = 3, sizes: readonly number[] = [10_000, 100_000]): Promise<void> {
  const server = await startTestServer('bench-viewer', await packageExtension());
  const browser = await launchChromium();
  try {
    const folder = copyWorkspace('workspace');
    const traceIds = new Map<number, string>();
    for (const spans of sizes) {
      const otlp = generateOtlpTrace(spans, 7);
      writeFileSync(path.join(folder, `bench-${spans}.json`), otlp);
      const traceId = /"traceId":"([0-9a-f]{32})"/.exec(otlp)?.[1];
      if (!traceId) throw new Error('the generated trace has no trace id');
      traceIds.set(spans, traceId);
    }
    for (const spans of sizes) {
      const fileName = `bench-${spans}.json`;
      const endToEnd: number[] = [];
      const steps: OpenSteps[] = [];
      for (let run = 0; run < runs; run++) {
        const page = await openWorkbench(browser, server.url, folder);
        try {
          const times = await openOnce(page, fileName, traceIds.get(spans) ?? '');
          endToEnd.push(times.renderedAt - times.clickedAt);
          steps.push(openSteps(server.vscodeLogsDir, fileName, times));
        } finally {
          await page.context().close();
        }
      }
      const label = `${spans / 1000}k`;
      report(`viewer-open-file-vscode-${label}`, endToEnd, 'ms', 0);
      report(`viewer-open-file-vscode-arrival-to-timeline-${label}`, steps.map((step) => step.render), 'ms', 0);
      const parts = stepNames.map((step) => `${step} ${median(steps.map((one) => one[step])).toFixed(0)}`);
      console.log(`  (steps, medians in ms: ${parts.join(', ')}; load average ${os.loadavg().map((value) => value.toFixed(2)).join(' ')})`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}
