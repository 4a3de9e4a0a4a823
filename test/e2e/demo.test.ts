import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { isPortFree } from '../../demo/ports';
import { waitFor } from '../harness/processes';
import { freePort } from '../harness/vscodeServer';
import { launchChromium, saveScreenshot } from '../harness/workbench';
import { descendantPids, runningPids } from '../support/processTree';
import { startDemo, type DemoRun } from './demoProcess';

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

/**
 * `npm run demo` as a newcomer runs it (the compiled entry `npm run demo` starts, on free ports): the printed URL
 * opens VS Code with Trace Stitch active, the sample mesh's traces reach the built-in receiver with the broken one
 * marked, and Ctrl+C stops every process the demo started.
 */
describe('npm run demo (e2e)', function () {
  this.timeout(360_000);
  let workDir = '';
  let demo: DemoRun | undefined;
  let browser: Browser | undefined;

  before(() => {
    workDir = mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-demo-'));
  });

  after(async () => {
    await browser?.close();
    await demo?.kill();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('says clearly which port is taken and starts nothing', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const run = startDemo(['--port', String(taken), '--otlp-port', String(await freePort()), '--zipkin-port', String(await freePort()), '--work-dir', workDir]);
      const code = await run.exited(60_000);
      assert.equal(code, 1);
      assert.match(run.output(), new RegExp(`Port ${taken} \\(for the VS Code server\\) is already in use on 127\\.0\\.0\\.1.*choose another port with --port <port>`));
      assert.equal(existsSync(path.join(workDir, 'logs')), false, 'the demo started services');
    } finally {
      blocker.close();
    }
  });

  it('opens VS Code with Trace Stitch receiving the mesh traces, and Ctrl+C leaves nothing running', async () => {
    const ports = { vscode: await freePort(), otlp: await freePort(), zipkin: await freePort() };
    demo = startDemo(['--port', String(ports.vscode), '--otlp-port', String(ports.otlp), '--zipkin-port', String(ports.zipkin), '--work-dir', workDir]);
    const url = (await demo.line(/^Open (http:\/\/127\.0\.0\.1:\d+\/\S*)$/, 240_000))[1] ?? '';
    assert.ok(url.startsWith(`http://127.0.0.1:${ports.vscode}/?folder=`), url);
    const answer = await fetch(url);
    assert.equal(answer.status, 200);

    browser = await launchChromium();
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    // The receiver's status bar item exists only once the installed extension has activated, and names its port.
    const first = spanCount(await receiverLabel(page, ports.otlp));
    assert.notEqual(first, undefined);
    const grown = await waitFor(
      'spans from the demo services to reach the receiver',
      async () => {
        const count = spanCount(await receiverLabel(page, ports.otlp)) ?? 0;
        return count > (first ?? 0) && count > 0 ? count : undefined;
      },
      90_000,
      500,
    );
    assert.ok(grown > 0);

    await page.locator('.activitybar .action-item a[aria-label^="Trace Stitch"]').first().click();
    await page.locator('.pane-body .monaco-list-row', { hasText: 'frontend: GET' }).first().waitFor({ timeout: 60_000 });
    // orders drops the trace headers, so its call to inventory arrives as a trace of its own, marked broken.
    await page.locator('.pane-body .monaco-list-row[aria-label*=", broken"]').first().waitFor({ timeout: 60_000 });
    await saveScreenshot(page, 'demo-live');
    await browser.close();
    browser = undefined;

    const started = descendantPids(demo.pid);
    // The VS Code server and its extension host, frontend, orders and its sidecar, inventory and its sidecar.
    assert.ok(started.length >= 7, `the demo runs ${started.length} processes: ${started.join(', ')}`);
    demo.interrupt();
    assert.equal(await demo.exited(60_000), 0);
    assert.match(demo.output(), /Stopped everything the demo started/);
    const left = await waitFor('every process the demo started to end', () => {
      const running = runningPids(started);
      return running.length === 0 ? running : undefined;
    }, 15_000).catch(() => runningPids(started));
    assert.deepEqual(left, [], `still running after Ctrl+C: ${left.join(', ')}`);
    for (const port of [ports.vscode, ports.otlp]) assert.ok(await isPortFree(port), `port ${port} is still in use`);
    demo = undefined;
  });
});
