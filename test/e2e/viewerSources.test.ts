import * as assert from 'node:assert/strict';
import { ExportResultCode } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { FrameLocator, Page } from 'playwright-core';
import { runCommandFromPalette, saveScreenshot } from '../harness/workbench';
import { startJaegerReplayServer, type ReplayServer } from '../support/jaegerReplayServer';
import { recordSdkSpans } from '../support/sdkSpans';
import { useWorkbench } from './session';
import { useReceiverPorts, viewerFrame, waitForTimeline } from './viewerPage';

/** Sends spans with the real OTLP/HTTP exporter, as an instrumented service would. */
function exportSpans(url: string, spans: ReadableSpan[]): Promise<void> {
  const exporter = new OTLPTraceExporter({ url });
  return new Promise((resolve, reject) => {
    exporter.export(spans, (result) => {
      void exporter.shutdown();
      if (result.code === ExportResultCode.SUCCESS) resolve();
      else reject(result.error ?? new Error('the export failed'));
    });
  });
}

/** Answers the quick input that is open now (VS Code's input boxes of a multi-step command). */
async function answerInput(page: Page, title: RegExp, text: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
  await page.locator('.quick-input-widget .quick-input-box input').fill(text);
  await page.keyboard.press('Enter');
}

async function choose(viewer: FrameLocator, selectId: string, option: string): Promise<void> {
  await viewer.locator(`#${selectId}`).click();
  await viewer.locator(`#${selectId} li.option`, { hasText: option }).first().click();
}

describe('Trace viewer sources (e2e)', () => {
  const workbench = useWorkbench('traces', { colorTheme: 'Default Dark Modern' });
  let jaeger: ReplayServer | undefined;
  /** The replay server refuses requests without it: the search working proves the token reaches Jaeger. */
  const token = 'e2e-token-7f3a';

  before(async () => {
    jaeger = await startJaegerReplayServer({ apis: ['v3', 'v1'], authorization: `Bearer ${token}` });
  });
  after(async () => {
    await jaeger?.close();
  });

  it('connects to Jaeger with a token and searches it: services, operations for the service, results, the trace', async () => {
    const { page } = workbench();
    if (!jaeger) throw new Error('the replay server did not start');
    await runCommandFromPalette(page, 'Trace Stitch: Connect to Jaeger…');
    await answerInput(page, /Connect to Jaeger \(1\/2\)/, jaeger.url);
    await answerInput(page, /Connect to Jaeger \(2\/2\)/, token);

    const viewer = viewerFrame(page);
    await viewer.locator('#search-source', { hasText: 'Jaeger at' }).waitFor({ timeout: 60_000 });
    await choose(viewer, 'search-service', 'foo');
    await viewer.locator('#search-operation').click();
    await viewer.locator('#search-operation li.option', { hasText: 'get_users' }).waitFor();
    await page.keyboard.press('Escape');
    await viewer.locator('#search-lookback').click();
    await viewer.locator('#search-lookback li.option', { hasText: 'Last 2 days' }).click();
    await viewer.getByRole('button', { name: 'Find Traces' }).click();
    await viewer.locator('.results-table tbody tr').first().waitFor({ timeout: 30_000 });
    assert.equal(await viewer.locator('.results-table tbody tr').count(), 1);
    assert.ok(jaeger.requests.some((request) => request.startsWith('/api/v3/operations?service=foo')), jaeger.requests.join('\n'));
    const search = jaeger.requests.find((request) => request.startsWith('/api/v3/traces?'));
    assert.ok(search, jaeger.requests.join('\n'));
    const parameters = new URL(search, 'http://jaeger').searchParams;
    assert.equal(parameters.get('query.service_name'), 'foo');
    const window = Date.parse(parameters.get('query.start_time_max') ?? '') - Date.parse(parameters.get('query.start_time_min') ?? '');
    assert.equal(window, 2 * 24 * 3_600_000, 'the lookback chosen in the form reaches Jaeger');
    await saveScreenshot(page, 'viewer-jaeger-search');

    await viewer.locator('.results-table .trace-link').first().click();
    await waitForTimeline(page);
    await viewer.locator('.trace-facts').getByText('00000000000000000000000000000001').waitFor();
    await page.locator('.activitybar [aria-label="Trace Stitch"]').first().click();
    await page.locator('.pane-body .monaco-list-row', { hasText: 'Jaeger at' }).getByText('connected').waitFor();
  });
});

describe('Trace viewer with the built-in receiver (e2e)', () => {
  const ports = useReceiverPorts();
  const workbench = useWorkbench('traces', { colorTheme: 'Default Light Modern' }, (folder) => {
    ports.configure(folder);
  });

  it('lists a trace sent by a real OTLP exporter in Recent Traces and the status bar, and opens it', async () => {
    const { page } = workbench();
    const status = page.locator('.statusbar-item', { hasText: /\d+ spans?$/ });
    await status.waitFor({ timeout: 60_000 });
    await page.locator('.activitybar [aria-label="Trace Stitch"]').first().click();
    await page.locator('.pane-header', { hasText: 'Recent Traces' }).waitFor();

    const spans = await recordSdkSpans('e2e-shop');
    await exportSpans(`http://127.0.0.1:${ports.otlp}/v1/traces`, spans);
    const root = spans.find((span) => span.name === 'POST /orders');
    assert.ok(root);
    const recent = page.locator('.pane-body .monaco-list-row', { hasText: 'e2e-shop: POST /orders' });
    await recent.waitFor({ timeout: 30_000 });
    assert.match(await recent.innerText(), /2 spans · 1 error/);
    await page.locator('.statusbar-item', { hasText: `${spans.length} spans` }).waitFor();
    await page.locator('.pane-body .monaco-list-row', { hasText: 'Built-in receiver' }).getByText(`:${ports.otlp}`).waitFor();

    await recent.click();
    const viewer = await waitForTimeline(page, root.spanContext().traceId);
    await viewer.locator('.trace-title', { hasText: 'e2e-shop: POST /orders' }).waitFor();
    assert.match(await viewer.locator('.trace-facts').innerText(), /Spans\s+2/);
    await saveScreenshot(page, 'viewer-receiver-live');

    // The status bar item opens the search on the receiver.
    await status.click();
    await viewer.locator('#search-source', { hasText: 'Built-in receiver' }).waitFor();
    await viewer.getByRole('button', { name: 'Find Traces' }).click();
    await viewer.locator('.results-table tbody tr', { hasText: 'e2e-shop: POST /orders' }).waitFor();
  });
});
