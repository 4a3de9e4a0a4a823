import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { runnerJobEnvironmentVariable, type RunnerJob, type RunnerResult } from '../support/runnerProtocol';
import { packageRunnerExtension } from './packages';
import { repoRoot } from './paths';
import { waitFor } from './processes';
import { provisionVsCodeServer, startVsCodeServer, type RunningServer } from './vscodeServer';
import { openWorkbench } from './workbench';

/** A VS Code server with Trace Stitch's .vsix and the test-runner extension installed. */
export interface TestServer extends RunningServer {
  readonly jobFile: string;
}

export async function startTestServer(name: string, extensionVsix: string): Promise<TestServer> {
  const vscodeDir = await provisionVsCodeServer();
  const runnerVsix = await packageRunnerExtension();
  const jobDir = mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-job-'));
  const jobFile = path.join(jobDir, 'job.json');
  const server = await startVsCodeServer({
    vscodeDir,
    name,
    vsixFiles: [extensionVsix, runnerVsix],
    env: { [runnerJobEnvironmentVariable]: jobFile },
  });
  return { ...server, jobFile };
}

/** Copies a fixture workspace from test/fixtures to a fresh temporary folder, so tests may change it freely. */
export function copyWorkspace(fixtureName: string): string {
  const target = mkdtempSync(path.join(os.tmpdir(), `trace-stitch-${fixtureName}-`));
  cpSync(path.join(repoRoot, 'test', 'fixtures', fixtureName), target, { recursive: true });
  return target;
}

/**
 * Opens a window whose extension host runs `entry`'s `runInHost(options)` through the test-runner extension,
 * waits for its result and closes the window again.
 */
export async function runInHost(
  browser: Browser,
  server: TestServer,
  folder: string,
  entry: string,
  options: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<unknown> {
  const resultPath = `${server.jobFile}.${Date.now()}.result.json`;
  const job: RunnerJob = { entry, resultPath, options };
  writeFileSync(server.jobFile, JSON.stringify(job));
  const page = await openWorkbench(browser, server.url, folder);
  try {
    const result = await waitFor(
      `the in-host job ${path.basename(entry)} to finish`,
      () => (existsSync(resultPath) ? (JSON.parse(readFileSync(resultPath, 'utf8')) as RunnerResult) : undefined),
      timeoutMs,
    );
    if (!result.ok) throw new Error(`In-host job failed: ${result.error}`);
    return result.value;
  } finally {
    rmSync(server.jobFile, { force: true });
    await page.context().close();
  }
}
