import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

/** Runs in a fresh extension host: the time `activate()` takes, module load included, in milliseconds. */
export async function runInHost(): Promise<number> {
  const extension = vscode.extensions.getExtension('trace-stitch.trace-stitch');
  if (!extension) throw new Error('Trace Stitch is not installed');
  if (extension.isActive) throw new Error('Trace Stitch was already active; activation cannot be measured');
  const started = performance.now();
  await extension.activate();
  return performance.now() - started;
}
