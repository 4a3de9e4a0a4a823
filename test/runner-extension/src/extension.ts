import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as vscode from 'vscode';
import {
  extensionLogsDirOption,
  runnerJobEnvironmentVariable,
  type InHostModule,
  type RunnerJob,
  type RunnerResult,
} from '../../support/runnerProtocol';

/**
 * Test-only extension installed beside Trace Stitch in the VS Code server: it runs the job the harness left for
 * this window (integration suites, in-host benchmarks) and writes the result file the harness waits for.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const jobPath = process.env[runnerJobEnvironmentVariable];
  if (!jobPath || !existsSync(jobPath)) return;
  const job = JSON.parse(readFileSync(jobPath, 'utf8')) as RunnerJob;
  if (existsSync(job.resultPath)) return; // another window already ran this job
  let result: RunnerResult;
  try {
    const load = createRequire(job.entry);
    const module = load(job.entry) as InHostModule;
    // Tell the job where this window's extension logs are, so tests can read Trace Stitch's log channel file.
    const options = { ...job.options, [extensionLogsDirOption]: path.dirname(context.logUri.fsPath) };
    result = { ok: true, value: await module.runInHost(options) };
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  writeFileSync(job.resultPath, JSON.stringify(result));
}
