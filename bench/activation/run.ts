import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { packageExtension } from '../../test/harness/packages';
import { copyWorkspace, startTestServer } from '../../test/harness/testServer';
import { launchChromium, openWorkbench, runCommandFromPalette } from '../../test/harness/workbench';
import { median, report } from '../report';

/**
 * Activation in the real VS Code, one fresh window (so one fresh extension host) per run, three figures:
 * Trace Stitch's own measurement from its bundle's first statement to the end of `activate` (its log line), and
 * what VS Code shows in "Developer: Show Running Extensions" for Trace Stitch and, as a baseline, for the trivial
 * test-runner extension that activates at the same moment (onStartupFinished) — VS Code's figure includes the
 * time spent waiting in the shared extension host, which the baseline shows.
 */
async function activationTimes(page: Page): Promise<{ traceStitch: number; baseline: number }> {
  await runCommandFromPalette(page, 'Developer: Show Running Extensions');
  const rowTime = async (name: string): Promise<number> => {
    const row = page
      .locator('.runtime-extensions-editor .monaco-list-row')
      .filter({ has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) });
    // The row appears before the extension has finished activating; wait for the figure itself.
    const time = row.locator('.activation-time', { hasText: /\d+\s*ms/ });
    await time.waitFor({ timeout: 60_000 });
    const match = /(\d+)\s*ms/.exec(await time.innerText());
    if (!match?.[1]) throw new Error(`No activation time for ${name}`);
    return Number(match[1]);
  };
  return { traceStitch: await rowTime('Trace Stitch'), baseline: await rowTime('Trace Stitch Test Runner') };
}

/** Trace Stitch logs its own activation time, module loading included, once per window: collect them all. */
function selfMeasuredActivations(logsDir: string): number[] {
  const logFiles = readdirSync(logsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'Trace Stitch.log')
    .map((entry) => path.join(entry.parentPath, entry.name));
  return logFiles.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/activated in (\d+(?:\.\d+)?) ms/g)].map((match) => Number(match[1])),
  );
}

export async function benchActivation(runs = 7): Promise<void> {
  const server = await startTestServer('bench', await packageExtension());
  const browser = await launchChromium();
  try {
    const folder = copyWorkspace('workspace');
    const ours: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await openWorkbench(browser, server.url, folder);
      try {
        const times = await activationTimes(page);
        ours.push(times.traceStitch);
        baseline.push(times.baseline);
      } finally {
        await page.context().close();
      }
    }
    report('activation', selfMeasuredActivations(server.vscodeLogsDir), 'ms');
    report('activation-as-vscode-reports', ours, 'ms', 0);
    report('activation-as-vscode-reports-trivial-extension', baseline, 'ms', 0);
    console.log(`  (VS Code's figure, Trace Stitch / a trivial extension activating alongside: ${(median(ours) / median(baseline)).toFixed(2)}×)`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
