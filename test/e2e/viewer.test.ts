import * as assert from 'node:assert/strict';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { runCommandFromPalette, saveScreenshot } from '../harness/workbench';
import { useWorkbench } from './session';
import { copySharedFixtures, rowAt, runExplorerContextCommand, toolbarButton, viewerFrame, waitForTimeline } from './viewerPage';

const jaegerFile = 'jaeger-ui/TraceTimelineViewer/genaiTestTrace.json';
const zipkinFile = 'zipkin/smartthings-oauth-authorization.json';
const otlpFile = 'otlp/otel_traces_01.json';

async function rowCount(viewer: FrameLocator): Promise<number> {
  return Number(await viewer.locator('.timeline-body').getAttribute('aria-rowcount'));
}

async function selectedRow(viewer: FrameLocator): Promise<{ index: number; expanded: string | null; label: string }> {
  const row = viewer.locator('.row:not(.hidden)[aria-selected="true"]');
  return {
    index: Number(await row.getAttribute('aria-rowindex')),
    expanded: await row.getAttribute('aria-expanded'),
    label: (await row.locator('.operation-name').textContent()) ?? '',
  };
}

/** Opens a file with "Open Trace File…" from the command palette and VS Code's (simple, in the web) file dialog. */
async function openWithFileDialog(page: Page, file: string): Promise<void> {
  await runCommandFromPalette(page, 'Trace Stitch: Open Trace File…');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Open Trace File' }).waitFor();
  // The dialog fills in its starting folder a moment after it opens; typing before that would be overwritten.
  await page.waitForFunction(
    (selector) => ((globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector(selector)?.value ?? '').endsWith('/'),
    '.quick-input-widget .quick-input-box input',
  );
  await input.fill(file);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: path.basename(file) }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Puts the shared fixture files the tests open into each test's workspace before its window opens. */
function addTraceFiles(folder: string): void {
  copySharedFixtures(folder, [jaegerFile, zipkinFile, otlpFile]);
}

describe('Trace viewer, dark theme (e2e)', () => {
  const workbench = useWorkbench('traces', { colorTheme: 'Default Dark Modern' }, addTraceFiles);

  it('opens a Jaeger file from the Explorer: header, warnings, expand/collapse, keyboard, find, detail, open code', async () => {
    const { page } = workbench();
    await runExplorerContextCommand(page, 'genaiTestTrace.json', 'Open Trace File…');
    const viewer = await waitForTimeline(page);

    // Header: title, figures and an explained warning.
    await viewer.locator('.trace-title', { hasText: 'api-edge: POST /api/graphql' }).waitFor();
    const facts = await viewer.locator('.trace-facts').innerText();
    assert.match(facts, /Spans\s+57/);
    assert.match(facts, /Services\s+10/);
    const warning = viewer.locator('.trace-warning').first();
    await warning.locator('summary').click();
    await warning.locator('.warning-body p').waitFor();
    assert.match(await warning.locator('.warning-body p').innerText(), /clock/i);
    assert.equal(await rowCount(viewer), 57);

    // Expand/collapse: all, then one span with the mouse.
    await toolbarButton(viewer, 'Collapse all').click();
    assert.equal(await rowCount(viewer), 1);
    await toolbarButton(viewer, 'Expand all').click();
    assert.equal(await rowCount(viewer), 57);
    await rowAt(viewer, 2).locator('.toggle').click();
    assert.ok((await rowCount(viewer)) < 57, 'collapsing the second row hides its descendants');
    await rowAt(viewer, 2).locator('.toggle').click();
    assert.equal(await rowCount(viewer), 57);

    // Keyboard: arrows move the selection, Left/Right collapse and expand, children buttons act on the selection.
    const body = viewer.locator('.timeline-body');
    await body.focus();
    await page.keyboard.press('Home');
    assert.equal((await selectedRow(viewer)).index, 1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal((await selectedRow(viewer)).index, 3);
    await page.keyboard.press('ArrowLeft');
    assert.equal((await selectedRow(viewer)).index, 2, 'Left on a leaf goes to the parent');
    await page.keyboard.press('ArrowLeft');
    assert.equal((await selectedRow(viewer)).expanded, 'false', 'Left on an expanded span collapses it');
    const collapsed = await rowCount(viewer);
    await page.keyboard.press('ArrowRight');
    assert.equal((await selectedRow(viewer)).expanded, 'true');
    assert.ok((await rowCount(viewer)) > collapsed);
    await page.keyboard.press('End');
    assert.equal((await selectedRow(viewer)).index, 57);

    // The detail pane follows the selection.
    const detailTitle = await viewer.locator('.detail-title').innerText();
    assert.equal(detailTitle, (await selectedRow(viewer)).label);
    await viewer.locator('.detail-pane .facts').getByText('Span ID').waitFor();

    // Enter asks the host to open the span's code; without a known location the status bar says so.
    await body.focus();
    await page.keyboard.press('Enter');
    await page.locator('.statusbar').getByText(/no source location is known/).waitFor();

    // "/" starts find; Enter steps through matches; the filter leaves matches and their ancestors.
    await body.focus();
    await page.keyboard.press('/');
    await page.keyboard.type('mcp-gateway');
    await page.keyboard.press('Enter');
    await viewer.locator('.find-count', { hasText: /^1 of \d+$/ }).waitFor();
    const total = Number(/of (\d+)/.exec(await viewer.locator('.find-count').innerText())?.[1]);
    assert.ok(total >= 2);
    await page.keyboard.press('Enter');
    await viewer.locator('.find-count', { hasText: `2 of ${total}` }).waitFor();
    assert.match((await selectedRow(viewer)).label, /./);
    assert.ok((await viewer.locator('.row.match:not(.hidden)').count()) >= 1);
    await toolbarButton(viewer, 'Show only matching spans').click();
    const filtered = await rowCount(viewer);
    assert.ok(filtered < 57 && filtered >= total, `filtered to ${filtered} rows for ${total} matches`);
    await toolbarButton(viewer, 'Show only matching spans').click();
    assert.equal(await rowCount(viewer), 57);

    await viewer.locator('vscode-tab-header', { hasText: 'Statistics' }).click();
    await viewer.locator('.stats-table .service-row', { hasText: 'coding-agent' }).waitFor();
    await viewer.locator('vscode-tab-header', { hasText: 'Timeline' }).click();

    // The overview: a drag across it zooms the timeline into that range, a double-click shows everything again.
    const firstTick = viewer.locator('.ruler .tick-label').first();
    assert.equal(await firstTick.innerText(), '0ns');
    const overview = viewer.locator('.overview');
    const box = await overview.boundingBox();
    if (!box) throw new Error('the overview is not visible');
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await viewer.locator('.overview.zoomed').waitFor();
    assert.notEqual(await firstTick.innerText(), '0ns', 'the ruler starts later once zoomed');
    await overview.dblclick();
    await viewer.locator('.overview:not(.zoomed)').waitFor();
    assert.equal(await firstTick.innerText(), '0ns');

    // Copying goes through the extension, which confirms in the status bar.
    await viewer.locator('vscode-toolbar-button[label="Copy trace ID"]').click();
    await page.locator('.statusbar').getByText('copied the trace id').waitFor();

    // The Sources view lists the opened file with its trace.
    await page.locator('.activitybar [aria-label="Trace Stitch"]').first().click();
    await page.locator('.pane-body .monaco-list-row', { hasText: 'genaiTestTrace.json' }).getByText('1 trace').waitFor();
    await saveScreenshot(page, 'viewer-dark-jaeger');
  });

  it('keeps the trace and the selection when the panel is hidden and when the window reloads', async () => {
    const { page } = workbench();
    await runExplorerContextCommand(page, path.basename(zipkinFile), 'Open Trace File…');
    let viewer = await waitForTimeline(page);
    await viewer.locator('.timeline-body').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const before = await selectedRow(viewer);

    // Hide: another editor in the same group takes the panel's place; VS Code drops the hidden webview's page.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'README.md' }).click();
    await page.locator('.tab.active', { hasText: 'README.md' }).waitFor();
    await runCommandFromPalette(page, 'Trace Stitch: Open Trace Viewer');
    await page.locator('.tab.active', { hasText: 'Trace Stitch' }).waitFor();
    viewer = await waitForTimeline(page);
    await viewer.locator('.row:not(.hidden)[aria-selected="true"]').waitFor();
    assert.deepEqual(await selectedRow(viewer), before);

    // Reload the window (VS Code saves its state on the way): the serializer revives the panel and the trace comes
    // back from the file.
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await runCommandFromPalette(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    viewer = await waitForTimeline(page);
    await viewer.locator('.row:not(.hidden)[aria-selected="true"]').waitFor({ timeout: 60_000 });
    assert.deepEqual(await selectedRow(viewer), before);
  });
});

describe('Trace viewer, light theme (e2e)', () => {
  const workbench = useWorkbench('traces', { colorTheme: 'Default Light Modern' }, addTraceFiles);

  it('lists the traces of an OTLP file opened with the file dialog, opens one, and follows its span links', async () => {
    const { page, folder } = workbench();
    await openWithFileDialog(page, path.join(folder, path.basename(otlpFile)));
    const viewer = viewerFrame(page);
    await viewer.locator('.results-table tbody tr').nth(1).waitFor({ timeout: 60_000 });
    assert.equal(await viewer.locator('.results-table tbody tr').count(), 2);
    assert.equal(await viewer.locator('.scatter circle').count(), 2);
    await viewer.locator('.results-table tr[data-trace-id="00000000000000020000000000000000"] .trace-link').click();
    await waitForTimeline(page, '00000000000000020000000000000000');
    await rowAt(viewer, 1).click();
    await viewer.locator('.detail-pane .event-list li').first().waitFor();
    assert.match(await viewer.locator('.detail-pane .event-time').first().innerText(), /^\+/);
    await viewer.locator('.detail-pane .link-list').getByText('(trace not loaded)').waitFor();
    await saveScreenshot(page, 'viewer-light-otlp');

    // A link into the other trace of the file opens that trace at the linked span.
    await viewer.locator('.detail-pane .link-list').getByRole('button', { name: 'Open linked trace' }).first().click();
    await waitForTimeline(page, '00000000000000010000000000000000');
    await viewer.locator('.detail-pane .facts').getByText('0000000000000004').waitFor();
    // A link within the trace selects the linked span.
    await rowAt(viewer, 1).click();
    await viewer.locator('.detail-pane .facts').getByText('0000000000000002').waitFor();
    await viewer.locator('.detail-pane .link-list').getByRole('button', { name: 'test-general-conversion-4' }).click();
    await viewer.locator('.detail-pane .facts').getByText('0000000000000004').waitFor();
  });

  it('opens a Zipkin file and shows its timeline with service colours', async () => {
    const { page } = workbench();
    await runExplorerContextCommand(page, path.basename(zipkinFile), 'Open Trace File…');
    const viewer = await waitForTimeline(page);
    assert.equal(await rowCount(viewer), 175);
    const chips = await Promise.all((await viewer.locator('.row .service-chip').all()).map((chip) => chip.getAttribute('class')));
    assert.ok(new Set(chips).size > 1, `services get different colour slots: ${[...new Set(chips)].join(', ')}`);
    await saveScreenshot(page, 'viewer-light-zipkin');
  });
});


describe('Trace viewer, high-contrast theme (e2e)', () => {
  const workbench = useWorkbench('traces', { colorTheme: 'Default High Contrast' }, addTraceFiles);

  it('draws bars and the selection with the theme’s contrast borders', async () => {
    const { page } = workbench();
    await runExplorerContextCommand(page, 'genaiTestTrace.json', 'Open Trace File…');
    const viewer = await waitForTimeline(page);
    await rowAt(viewer, 3).click();
    const outline = await viewer.locator('.row:not(.hidden)[aria-rowindex="3"] .bar').evaluate((bar) => {
      const style = (globalThis as unknown as { getComputedStyle(element: unknown): { outlineStyle: string } }).getComputedStyle(bar);
      return style.outlineStyle;
    });
    assert.equal(outline, 'solid');
    await saveScreenshot(page, 'viewer-high-contrast');
  });
});
