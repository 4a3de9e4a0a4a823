import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { CliStreams } from '../../src/cli/command';
import { runCli } from '../../src/cli/run';
import { completeAnswers } from '../../src/core/scaffold/wizard';
import { telemetryWizard } from '../../src/core/scaffold/wizards/telemetry';
import { runCommandFromPalette, saveScreenshot } from '../harness/workbench';
import { useWorkbench } from './session';

const command = 'Trace Stitch: Scaffold Istio Telemetry (Tracing)…';

function quickInput(page: Page) {
  const widget = page.locator('.quick-input-widget');
  return {
    widget,
    title: widget.locator('.quick-input-title'),
    input: widget.locator('.quick-input-box input'),
    message: widget.locator('.quick-input-message'),
    rows: widget.locator('.monaco-list-row'),
    back: widget.locator('.quick-input-left-action-bar .action-label'),
  };
}

/** Waits until the flow shows step `number` ("… (3/9)" in the title). */
async function waitForStep(page: Page, number: number): Promise<string> {
  const { title } = quickInput(page);
  await title.filter({ hasText: new RegExp(`\\(${number}/\\d+\\)`) }).waitFor();
  return (await title.textContent()) ?? '';
}

/** Replaces the input's text and presses Enter. */
async function answer(page: Page, text: string | undefined): Promise<void> {
  const { input } = quickInput(page);
  if (text !== undefined) await input.fill(text);
  await input.press('Enter');
}

/** The text of the active editor, line by line as Monaco renders it (lines are positioned by their `top`). */
async function editorText(page: Page): Promise<string> {
  const lines = await page.locator('.editor-instance .monaco-editor .view-lines .view-line').all();
  const rendered = await Promise.all(
    lines.map(async (line) => ({
      top: Number(/top:\s*([\d.]+)px/.exec((await line.getAttribute('style')) ?? '')?.[1] ?? 0),
      text: ((await line.textContent()) ?? '').replace(/\u00a0/g, ' '),
    })),
  );
  return rendered
    .sort((a, b) => a.top - b.top)
    .map((line) => line.text)
    .join('\n');
}

async function cliOutput(args: readonly string[]): Promise<string> {
  let stdout = '';
  const streams: CliStreams = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => undefined } };
  assert.equal(await runCli(args, streams), 0);
  return stdout;
}

describe('Scaffolding wizard (e2e)', () => {
  const workbench = useWorkbench('mesh-workspace');

  it('drives Istio Telemetry step by step — back, inline validation, workspace providers — into a new editor', async () => {
    const { page } = workbench();
    const ui = quickInput(page);
    await runCommandFromPalette(page, command);

    assert.match(await waitForStep(page, 1), /^Istio Telemetry \(tracing\) \(1\/9\)$/);
    await answer(page, 'Workloads');
    assert.match(await waitForStep(page, 2), /\(2\/10\)$/, 'choosing workloads adds the selector step');
    await answer(page, 'shop');
    await waitForStep(page, 3);
    await ui.input.fill('app');
    await ui.message.filter({ hasText: 'is not key=value' }).waitFor();
    await answer(page, 'app=cart');
    await waitForStep(page, 4);
    assert.equal(await ui.input.inputValue(), 'cart-tracing', 'the name defaults from the labels');
    await ui.back.click();
    await waitForStep(page, 3);
    assert.equal(await ui.input.inputValue(), 'app=cart', 'going back shows the earlier answer');
    await answer(page, undefined);
    await waitForStep(page, 4);
    await answer(page, undefined);

    await waitForStep(page, 5);
    const rows = await ui.rows.allTextContents();
    assert.ok(rows[0]?.startsWith('jaeger-otlp') && rows[1]?.startsWith('otel-tracing'), `the workspace's providers come first: ${rows.join(' | ')}`);
    await answer(page, 'jaeger-otlp');
    await waitForStep(page, 6);
    await answer(page, '25');
    await waitForStep(page, 7);
    await answer(page, 'user=header:x-user-id');
    await waitForStep(page, 8);
    await answer(page, 'Server only');
    await waitForStep(page, 9);
    await answer(page, undefined);
    assert.match(await waitForStep(page, 10), /\(10\/10\)$/);
    await saveScreenshot(page, 'scaffold-telemetry-destination');
    await answer(page, 'Open in a new editor');

    const answers = { scope: 'workload', namespace: 'shop', selector: 'app=cart', provider: 'jaeger-otlp', sampling: '25', customTags: 'user=header:x-user-id', matchMode: 'SERVER' };
    const expected = telemetryWizard.build(completeAnswers(telemetryWizard, answers, { meshProviders: ['jaeger-otlp', 'otel-tracing'] })).text;
    await page.locator('.editor-instance .view-lines').filter({ hasText: 'randomSamplingPercentage: 25' }).waitFor();
    assert.equal(await editorText(page), expected);
    const tab = page.locator('.tabs-container .tab.active');
    assert.match((await tab.textContent()) ?? '', /Untitled/);
    await page.locator('.statusbar-item', { hasText: /^YAML$/ }).first().waitFor();
    // The command line prints exactly what the wizard wrote for the same answers.
    const cli = await cliOutput(['scaffold', 'telemetry', '--scope', 'workload', '--namespace', 'shop', '--selector', 'app=cart', '--provider', 'jaeger-otlp', '--sampling', '25', '--custom-tags', 'user=header:x-user-id', '--match-mode', 'SERVER']);
    assert.equal(cli, expected);
    await saveScreenshot(page, 'scaffold-telemetry-result');
  });

  it('cancelling at any step leaves nothing behind', async () => {
    const { page } = workbench();
    const ui = quickInput(page);
    const tabs = page.locator('.tabs-container .tab');
    await runCommandFromPalette(page, command);
    await waitForStep(page, 1);
    await answer(page, undefined);
    await waitForStep(page, 2);
    await answer(page, undefined);
    await waitForStep(page, 3);
    await page.keyboard.press('Escape');
    await ui.widget.waitFor({ state: 'hidden' });
    assert.deepEqual(await tabs.allTextContents(), [], 'no editor was opened');
    await runCommandFromPalette(page, command);
    assert.match(await waitForStep(page, 1), /\(1\/9\)$/, 'the next run starts afresh');
    await page.keyboard.press('Escape');
  });
});
