import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { runCommandFromPalette, saveScreenshot } from '../harness/workbench';
import { startJaegerReplayServer, type ReplayServer } from '../support/jaegerReplayServer';
import { useWorkbench } from './session';
import { viewerFrame, waitForTimeline } from './viewerPage';

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
