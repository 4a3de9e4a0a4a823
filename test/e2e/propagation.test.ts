import * as assert from 'node:assert/strict';
import { saveScreenshot } from '../harness/workbench';
import { useWorkbench } from './session';

describe('Propagation linter (e2e)', () => {
  const workbench = useWorkbench('propagation-workspace');

  it('shows the diagnostic on the call and applies the "forward the trace headers" quick fix', async () => {
    const { page } = workbench();
    // Quick open answers once the workbench's file search is up, and keybindings register a moment after the
    // workbench renders: retry Ctrl+P until the file is listed.
    const quickOpen = page.locator('.quick-input-widget .quick-input-box input');
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'app.py' }).first();
    const deadline = Date.now() + 90_000;
    for (;;) {
      try {
        if (!(await quickOpen.isVisible())) await page.keyboard.press('Control+P');
        await quickOpen.waitFor({ state: 'visible', timeout: 3_000 });
        await quickOpen.fill('orders/app.py');
        await row.waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await page.keyboard.press('Escape');
      }
    }
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor();
    const squiggle = editor.locator('.squiggly-warning').first();
    await squiggle.waitFor({ timeout: 60_000 });

    // Put the cursor on the call, show its hover (the rule, linked to the README, and the message), then the fixes.
    await page.keyboard.press('Control+G');
    await quickOpen.fill(':9:14');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover').filter({ hasText: 'drops the trace context' }).first();
    await hover.waitFor({ timeout: 20_000 });
    assert.match((await hover.textContent()) ?? '', /missing-propagation/);
    await saveScreenshot(page, 'propagation-diagnostic');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Forward the trace headers' }).first();
    await fix.waitFor({ timeout: 20_000 });
    await saveScreenshot(page, 'propagation-quick-fix');
    // The preferred fix is the focused first row: apply it as a user would, with Enter.
    assert.match((await page.locator('.action-widget .monaco-list-row.focused').first().textContent()) ?? '', /Forward the trace headers/);
    await page.keyboard.press('Enter');
    await editor.locator('.view-line', { hasText: 'def forward_trace_headers(incoming):' }).waitFor();
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'detached', timeout: 20_000 });
    await saveScreenshot(page, 'propagation-fixed');
  });

  it('lists the scan results in the Broken Propagation view of the Trace Stitch container', async () => {
    const { page } = workbench();
    await page.locator('.activitybar .action-item a[aria-label^="Trace Stitch"]').first().click();
    const view = page.locator('.pane', { hasText: 'Broken Propagation' }).first();
    await view.waitFor();
    await view.getByRole('button', { name: 'Scan Workspace' }).click();
    await view.locator('.monaco-list-row', { hasText: 'requests.get' }).first().waitFor({ timeout: 60_000 });
    assert.ok(await view.locator('.monaco-list-row', { hasText: 'orders' }).first().isVisible());
    await saveScreenshot(page, 'propagation-view');
  });
});
