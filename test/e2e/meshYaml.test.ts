import { runCommandFromPalette, saveScreenshot } from '../harness/workbench';
import { useWorkbench } from './session';

describe('YAML diagnostics (e2e)', () => {
  const workbench = useWorkbench('mesh-workspace');

  it('shows collector problems in the Problems panel and applies a quick fix from the editor', async () => {
    const { page } = workbench();
    // Open the file from the Explorer, as a user would (Quick Open depends on the file search warming up).
    const explorer = page.locator('.explorer-folders-view');
    await explorer.locator('.monaco-list-row', { hasText: /^collector$/ }).click();
    await explorer.locator('.monaco-list-row', { hasText: 'otelcol-config.yaml' }).click();
    const editor = page.locator('.editor-instance .monaco-editor .view-lines');
    await editor.filter({ hasText: 'loglevel: debug' }).waitFor();

    await runCommandFromPalette(page, 'Problems: Focus on Problems View');
    const problems = page.locator('.markers-panel');
    await problems.locator('.monaco-list-row', { hasText: 'removed in v0.111.0' }).waitFor();
    await problems.locator('.monaco-list-row', { hasText: 'memory_limiter must come first' }).waitFor();
    await saveScreenshot(page, 'yaml-diagnostics-problems');

    // Put the cursor on `logging:` (line 13) and ask for quick fixes, as a user would with Ctrl+.
    await editor.click();
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget .quick-input-box input').fill(':13:3');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Rename logging to debug' });
    await fix.waitFor();
    await saveScreenshot(page, 'yaml-diagnostics-quick-fix');
    // The menu's own item has focus; Enter applies it (a click lands on the menu's pointer shield first).
    await page.keyboard.press('Enter');
    await editor.filter({ hasText: 'verbosity: detailed' }).waitFor();
    await editor.filter({ hasText: 'exporters: [debug]' }).waitFor();
    await problems.locator('.monaco-list-row', { hasText: 'removed in v0.111.0' }).waitFor({ state: 'detached' });
  });
});
