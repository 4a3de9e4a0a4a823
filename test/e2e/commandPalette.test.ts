import * as assert from 'node:assert/strict';
import { findInCommandPalette, runCommandFromPalette, saveScreenshot } from '../harness/workbench';
import { useWorkbench } from './session';

describe('Command palette (e2e)', () => {
  const workbench = useWorkbench();

  it('lists the Trace Stitch commands', async () => {
    const { page } = workbench();
    await findInCommandPalette(page, 'Trace Stitch:', 'Trace Stitch: Show Log');
    const titles = await page.locator('.quick-input-widget .monaco-list-row .label-name').allTextContents();
    assert.ok(titles.includes('Trace Stitch: Open Trace Viewer'), `palette rows: ${titles.join(' | ')}`);
    assert.ok(titles.includes('Trace Stitch: Show Log'), `palette rows: ${titles.join(' | ')}`);
    await page.keyboard.press('Escape');
  });

  it('"Show Log" opens the Trace Stitch log channel in the Output panel', async () => {
    const { page } = workbench();
    await runCommandFromPalette(page, 'Trace Stitch: Show Log');
    const output = page.locator('.part.panel .output-view, .part.panel [id="workbench.panel.output"]').first();
    await output.waitFor({ state: 'visible' });
    const editorText = page.locator('.part.panel .monaco-editor .view-lines');
    await editorText.filter({ hasText: /Trace\sStitch\s\d+\.\d+\.\d+\sactivated/ }).waitFor();
    const selected = await page.locator('.part.panel .monaco-select-box').first().inputValue();
    assert.ok(selected.length > 0);
    const label = await page.locator('.part.panel .monaco-select-box option:checked').first().textContent();
    assert.equal(label?.trim(), 'Trace Stitch');
    await saveScreenshot(page, 'show-log');
  });

  it('"Open Trace Viewer" renders the viewer webview', async () => {
    const { page } = workbench();
    await runCommandFromPalette(page, 'Trace Stitch: Open Trace Viewer');
    const viewer = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await viewer.getByRole('heading', { name: 'No trace loaded' }).waitFor();
    await viewer.getByText(/^Trace Stitch \d+\.\d+\.\d+$/).waitFor();
    await saveScreenshot(page, 'viewer-empty');
  });
});
