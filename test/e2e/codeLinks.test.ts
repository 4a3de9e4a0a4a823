import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import path from 'node:path';
import { repoRoot } from '../harness/paths';
import { waitFor } from '../harness/processes';
import { freePort } from '../harness/vscodeServer';
import { saveScreenshot, setWorkspaceSetting } from '../harness/workbench';
import { useWorkbench } from './session';
import { viewerFrame, waitForTimeline } from './viewerPage';

function listening(port: number): Promise<true | undefined> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(undefined);
    });
  });
}

/**
 * The scenario's three services (test/fixtures/codelinks), instrumented with the OpenTelemetry JS SDK and sending
 * to the extension's receiver: frontend → orders → inventory, where orders calls inventory with the global fetch
 * (which the HTTP instrumentation does not patch) and no trace headers, so inventory starts a new trace.
 */
async function startServices(folder: string, otlpPort: number): Promise<{ frontend: number; children: ChildProcess[] }> {
  const [frontend, orders, inventory] = [await freePort(), await freePort(), await freePort()];
  const children: ChildProcess[] = [];
  const start = (service: string, port: number, env: Record<string, string>): void => {
    const child = spawn(process.execPath, [path.join(folder, 'services', service, 'server.js')], {
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        OTEL_SERVICE_NAME: service,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${otlpPort}/v1/traces`,
        NODE_PATH: path.join(repoRoot, 'node_modules'),
      },
      stdio: 'ignore',
    });
    children.push(child);
  };
  start('inventory', inventory, {});
  start('orders', orders, { INVENTORY_URL: `http://127.0.0.1:${inventory}` });
  start('frontend', frontend, { ORDERS_URL: `http://127.0.0.1:${orders}` });
  for (const port of [inventory, orders, frontend]) await waitFor(`a scenario service on port ${port}`, () => listening(port), 30_000);
  return { frontend, children };
}

describe('Code links (e2e): a broken trace names the line that broke it', () => {
  const ports = { otlp: 0, zipkin: 0 };
  let children: ChildProcess[] = [];
  before(async () => {
    ports.otlp = await freePort();
    ports.zipkin = await freePort();
  });
  const workbench = useWorkbench('codelinks', { colorTheme: 'Default Dark Modern' }, (folder) => {
    setWorkspaceSetting(folder, 'traceStitch.receiver.otlpPort', ports.otlp);
    setWorkspaceSetting(folder, 'traceStitch.receiver.zipkinPort', ports.zipkin);
  });
  afterEach(() => {
    for (const child of children) child.kill();
    children = [];
  });

  it('opens the offending call from the broken trace, where the quick fix is offered', async () => {
    const { page, folder } = workbench();
    await waitFor(`the built-in receiver on port ${ports.otlp}`, () => listening(ports.otlp), 60_000);
    const started = await startServices(folder, ports.otlp);
    children = started.children;
    const reply = await fetch(`http://127.0.0.1:${started.frontend}/`);
    assert.equal(await reply.text(), 'done');

    await page.locator('.activitybar .action-item a[aria-label^="Trace Stitch"]').first().click();
    const recent = page.locator('.pane-body .monaco-list-row', { hasText: 'frontend: GET' }).first();
    await recent.waitFor({ timeout: 60_000 });
    // The broken-off half arrives too; the trace is marked broken once both are in.
    await page.locator('.pane-body .monaco-list-row', { hasText: 'inventory: GET' }).first().waitFor({ timeout: 60_000 });
    await recent.click();
    const viewer = await waitForTimeline(page);
    const warning = viewer.locator('.trace-warning.warning-broken-link', { hasText: 'Trace broken between orders and inventory' });
    await warning.waitFor({ timeout: 30_000 });
    await warning.locator('summary').click();
    const goToCall = warning.getByRole('button', { name: /Open code at the call that broke the trace: services\/orders\/server\.js:10 fetch/ });
    await goToCall.waitFor({ timeout: 30_000 });
    await saveScreenshot(page, 'codelinks-broken-trace');
    await goToCall.click();

    // The editor lands on the exact line and column of the fetch call.
    await page.locator('.tabs-container .tab.active', { hasText: 'server.js' }).waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item', { hasText: 'Ln 10, Col 23' }).waitFor({ timeout: 30_000 });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 60_000 });
    // The diagnostic's hover says how many broken traces were observed for this call.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover').filter({ hasText: 'drops the trace context' }).first();
    await hover.filter({ hasText: /1 broken trace \(orders → inventory\) observed for this call/ }).waitFor({ timeout: 30_000 });
    await saveScreenshot(page, 'codelinks-hover');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row', { hasText: 'Forward the trace headers' }).first().waitFor({ timeout: 30_000 });
    await saveScreenshot(page, 'codelinks-quick-fix');
    await page.keyboard.press('Escape');
  });

  it('opens the handler behind a server span with "Open code", and shows trace figures above it', async () => {
    const { page, folder } = workbench();
    await waitFor(`the built-in receiver on port ${ports.otlp}`, () => listening(ports.otlp), 60_000);
    const started = await startServices(folder, ports.otlp);
    children = started.children;
    await fetch(`http://127.0.0.1:${started.frontend}/`);

    await page.locator('.activitybar .action-item a[aria-label^="Trace Stitch"]').first().click();
    const recent = page.locator('.pane-body .monaco-list-row', { hasText: 'frontend: GET' }).first();
    await recent.waitFor({ timeout: 60_000 });
    await recent.click();
    const viewer = await waitForTimeline(page);
    // Rows: frontend GET (server), its GET (client), orders GET (server).
    const ordersRow = viewer.locator('.timeline-body .row:not(.hidden)', { hasText: 'orders' }).first();
    await ordersRow.click();
    await viewerFrame(page).locator('.detail-pane vscode-button[data-action="openCode"]').click();
    await page.locator('.tabs-container .tab.active', { hasText: 'server.js' }).waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item', { hasText: /^Ln 9, Col/ }).waitFor({ timeout: 30_000 });
    const lens = page.locator('.editor-instance .codelens-decoration', { hasText: /1 request · p50 .* · p95/ }).first();
    await lens.waitFor({ timeout: 30_000 });
    await saveScreenshot(page, 'codelinks-open-code');
  });
});
