import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { isPortFree } from '../../demo/ports';
import { waitFor } from '../harness/processes';
import { freePort } from '../harness/vscodeServer';
import { launchChromium, runCommandFromPalette, saveScreenshot } from '../harness/workbench';
import { descendants, runningPids } from '../support/processTree';
import { savePicture } from './pictures';
import { startDemo, type DemoRun } from './demoProcess';
import { viewerFrame } from './viewerPage';

/** The figure in the receiver's status bar item ("$(radio-tower) 1,234 spans"). */
function spanCount(label: string): number | undefined {
  const match = /(\d[\d,]*) spans?\b/.exec(label);
  return match?.[1] ? Number(match[1].replace(/,/g, '')) : undefined;
}

async function receiverLabel(page: Page, otlpPort: number): Promise<string> {
  const item = page.locator(`.statusbar-item[aria-label^="Trace Stitch receiver: "][aria-label*=":${otlpPort}"]`).first();
  await item.waitFor({ timeout: 90_000 });
  return (await item.getAttribute('aria-label')) ?? '';
}

/** Moves the cursor with Go to Line (Ctrl+G), which also scrolls the position into view. */
async function goToLine(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget .quick-input-box input').fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line}, Col ${column}$`) }).waitFor({ timeout: 30_000 });
}

/**
 * Opens a trace from Recent Traces. The list re-renders every second while traffic flows, and a click that lands
 * during a re-render is lost, so the click is repeated until the viewer shows a trace.
 */
async function openRecentTrace(page: Page, row: Locator): Promise<FrameLocator> {
  const viewer = viewerFrame(page);
  const deadline = Date.now() + 90_000;
  for (;;) {
    await row.click();
    try {
      await viewer.locator('.trace-panel[data-rendered-trace]').waitFor({ state: 'attached', timeout: 15_000 });
      return viewer;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

async function dismissNotifications(page: Page): Promise<void> {
  const toasts = page.locator('.notifications-toasts .notification-toast');
  while ((await toasts.count()) > 0) {
    await toasts.first().hover();
    await toasts.first().locator('.codicon-notifications-clear').click();
  }
}

/**
 * `npm run demo` as a newcomer runs it (its compiled entry, which `npm run demo` runs after building, on free
 * ports): the printed URL opens VS Code with Trace Stitch active, the sample mesh's traces reach the built-in
 * receiver with the broken one marked, the tour the README and the walkthrough show works (the pictures are
 * taken here), and Ctrl+C stops every process the demo started.
 */
describe('npm run demo (e2e)', function () {
  this.timeout(240_000);
  let workDir = '';

  before(() => {
    workDir = mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-demo-'));
  });

  after(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  it('says clearly which port is taken and starts nothing', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const run = startDemo(['--port', String(taken), '--otlp-port', String(await freePort()), '--zipkin-port', String(await freePort()), '--work-dir', workDir]);
      assert.equal(await run.exited(60_000), 1);
      assert.match(run.output(), new RegExp(`Port ${taken} \\(for the VS Code server\\) is already in use on 127\\.0\\.0\\.1.*choose another port with --port <port>`));
      assert.equal(existsSync(path.join(workDir, 'logs')), false, 'the demo started services');
    } finally {
      blocker.close();
    }
  });

  describe('running', () => {
    const ports = { vscode: 0, otlp: 0, zipkin: 0 };
    let demo: DemoRun | undefined;
    let browser: Browser | undefined;
    let page: Page | undefined;
    let url = '';

    before(async () => {
      Object.assign(ports, { vscode: await freePort(), otlp: await freePort(), zipkin: await freePort() });
      demo = startDemo(['--port', String(ports.vscode), '--otlp-port', String(ports.otlp), '--zipkin-port', String(ports.zipkin), '--work-dir', workDir]);
      url = (await demo.line(/^Open (http:\/\/127\.0\.0\.1:\d+\/\S*)$/, 200_000))[1] ?? '';
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      await demo?.kill();
    });

    afterEach(async function () {
      if (this.currentTest?.state === 'failed' && page && !page.isClosed()) await saveScreenshot(page, `failed-${this.currentTest.fullTitle()}`);
    });

    const running = (): DemoRun => {
      if (!demo) throw new Error('The demo is not running');
      return demo;
    };

    const workbench = (): Page => {
      if (!page) throw new Error('VS Code did not open');
      return page;
    };

    it('answers its URL with Trace Stitch installed and active, and the mesh traces reach its receiver', async () => {
      assert.ok(url.startsWith(`http://127.0.0.1:${ports.vscode}/?folder=`), url);
      assert.equal((await fetch(url)).status, 200);
      page = await (await browser?.newContext({ viewport: { width: 1200, height: 760 } }))?.newPage();
      const current = workbench();
      await current.goto(url);
      await current.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
      // The receiver's status bar item exists only once the installed extension has activated, and names its port.
      const first = spanCount(await receiverLabel(current, ports.otlp)) ?? 0;
      await waitFor('more spans from the demo services to reach the receiver', async () => ((spanCount(await receiverLabel(current, ports.otlp)) ?? 0) > first ? true : undefined), 90_000, 500);

      await current.locator('.activitybar .action-item a[aria-label^="Trace Stitch"]').first().click();
      await current.locator('.pane-body .monaco-list-row', { hasText: 'frontend: GET' }).first().waitFor({ timeout: 60_000 });
      // orders drops the trace headers, so its call to inventory arrives as a trace of its own, marked broken.
      const broken = current.locator('.pane-body .monaco-list-row[aria-label*=", broken"]');
      await broken.first().waitFor({ timeout: 60_000 });
      // For the picture: a few more requests (the first ones may predate orders being up), and the mouse away from
      // the activity bar, whose "Trace Stitch" hover would cover the first trace.
      await waitFor('a few broken traces', async () => ((await broken.count()) >= 4 ? true : undefined), 60_000, 500);
      await current.mouse.move(800, 400);
      await current.locator('.workbench-hover').waitFor({ state: 'hidden', timeout: 10_000 });
      await savePicture(current, 'walkthrough/connect-source.png');
    });

    it('walks the tour: scan, quick fix, the broken trace pointing at the call, scaffolding, the walkthrough', async () => {
      const current = workbench();
      const propagation = current.locator('.pane', { hasText: 'Broken Propagation' }).first();
      await propagation.getByRole('button', { name: 'Scan Workspace' }).click();
      const finding = propagation.locator('.monaco-list-row', { hasText: 'requests.get' }).first();
      await finding.waitFor({ timeout: 60_000 });
      await finding.click();
      const editor = current.locator('.editor-instance .monaco-editor').first();
      await current.locator('.tabs-container .tab.active', { hasText: 'app.py' }).waitFor({ timeout: 30_000 });
      await editor.locator('.squiggly-warning').first().waitFor({ timeout: 60_000 });
      // The scan's "N calls break the trace" toast would cover the editor in the pictures.
      await dismissNotifications(current);
      // Put the cursor on the call, as a user reading the diagnostic would (going to column 1 first scrolls the
      // editor back to the left edge, which revealing the whole call had scrolled past).
      await goToLine(current, 33, 1);
      await goToLine(current, 33, 13);
      await savePicture(current, 'walkthrough/scan-workspace.png');
      await current.keyboard.press('Control+.');
      await current.locator('.action-widget .monaco-list-row', { hasText: 'Forward the trace headers' }).first().waitFor({ timeout: 30_000 });
      await savePicture(current, 'quick-fix.png');
      await current.keyboard.press('Escape');

      const viewer = await openRecentTrace(current, current.locator('.pane-body .monaco-list-row', { hasText: 'frontend: GET' }).first());
      const warning = viewer.locator('.trace-warning.warning-broken-link', { hasText: 'Trace broken between orders and inventory' });
      await warning.waitFor({ timeout: 30_000 });
      await warning.locator('summary').click();
      const goToCall = warning.getByRole('button', { name: /Open code at the call that broke the trace: services\/orders\/app\.py:33/ });
      await goToCall.waitFor({ timeout: 30_000 });
      await savePicture(current, 'walkthrough/open-trace.png');
      await goToCall.click();
      await current.locator('.tabs-container .tab.active', { hasText: 'app.py' }).waitFor({ timeout: 30_000 });
      await current.locator('.statusbar-item', { hasText: /^Ln 33, Col 13/ }).waitFor({ timeout: 30_000 });
      // Above the call, its CodeLens counts the broken traces it caused.
      await editor.locator('.codelens-decoration', { hasText: /broken traces? \(orders → inventory\)/ }).first().waitFor({ timeout: 30_000 });
      await savePicture(current, 'go-to-call.png');

      // Apply the quick fix and save: the demo restarts orders, and its traces arrive whole (five spans, not broken).
      await current.keyboard.press('Control+.');
      await current.locator('.action-widget .monaco-list-row.focused', { hasText: 'Forward the trace headers' }).waitFor({ timeout: 30_000 });
      await current.keyboard.press('Enter');
      await editor.locator('.view-line', { hasText: 'headers=forward_trace_headers(request.headers)' }).waitFor({ timeout: 30_000 });
      await current.keyboard.press('Control+S');
      await running().line(/orders: app\.py changed, restarting the service/, 60_000);
      const whole = current.locator('.pane-body .monaco-list-row[aria-label^="frontend: GET, 5 spans"]:not([aria-label*=", broken"])').first();
      await whole.waitFor({ timeout: 90_000 });
      await openRecentTrace(current, whole);
      await savePicture(current, 'fixed-trace.png');

      await runCommandFromPalette(current, 'Trace Stitch: Scaffold Istio Telemetry (Tracing)…');
      await current.locator('.quick-input-widget .quick-input-title', { hasText: 'Istio Telemetry (tracing) (1/9)' }).waitFor({ timeout: 30_000 });
      await savePicture(current, 'walkthrough/scaffold-yaml.png');
      await current.keyboard.press('Escape');

      await runCommandFromPalette(current, 'Welcome: Open Walkthrough...');
      await current.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Trace Stitch' }).first().click();
      const walkthrough = current.locator('.gettingStartedContainer');
      for (const step of ['Connect a trace source', 'Scan the workspace for broken propagation', 'Open a trace', 'Scaffold tracing YAML']) {
        await walkthrough.locator('.getting-started-step', { hasText: step }).first().waitFor({ timeout: 30_000 });
      }
      // The step's picture comes from the installed package (.vscodeignore ships media/walkthrough).
      const picture = walkthrough.locator('.getting-started-media img').first();
      await picture.waitFor({ timeout: 30_000 });
      await waitFor('the step picture to load', async () => ((await picture.evaluate((img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth > 0)) ? true : undefined), 30_000);
      await savePicture(current, 'walkthrough.png');
    });

    it('stops everything it started on Ctrl+C', async () => {
      const running = demo;
      assert.ok(running, 'the demo is not running');
      const processes = descendants(running.pid);
      const commands = processes.map((entry) => entry.args).join('\n');
      // The VS Code server and its extension host, frontend, orders and its sidecar, inventory and its sidecar.
      for (const expected of [/server-main\.js/, /--type=extensionHost/, /server\.js$/m, /app\.py$/m, /sidecar\.js --service orders/, /sidecar\.js --service inventory/, /bin\/inventory$/m]) {
        assert.match(commands, expected, `no process matching ${String(expected)} among the demo's:\n${commands}`);
      }
      const started = processes.map((entry) => entry.pid);
      await page?.context().close();
      running.interrupt();
      assert.equal(await running.exited(60_000), 0);
      assert.match(running.output(), /Stopped everything the demo started/);
      const left = await waitFor('every process the demo started to end', () => (runningPids(started).length === 0 ? [] : undefined), 15_000).catch(() => runningPids(started));
      assert.deepEqual(left, [], `still running after Ctrl+C: ${left.join(', ')}`);
      for (const port of [ports.vscode, ports.otlp, ports.zipkin]) assert.ok(await isPortFree(port), `port ${port} is still in use`);
      demo = undefined;
    });
  });
});
