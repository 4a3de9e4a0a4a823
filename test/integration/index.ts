import { readdirSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { runMocha, type TestOutcome } from '../support/outcomes';
import { hostOptions } from './hostOptions';

/**
 * The integration suites, run inside a real extension host: by the test-runner extension in the VS Code server
 * (`runInHost`) or by @vscode/test-electron (`run`).
 */
function createMocha(): Mocha {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 30_000, color: false });
  const suites = path.join(__dirname, 'suites');
  for (const name of readdirSync(suites).filter((file) => file.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(suites, name));
  }
  return mocha;
}

export function runInHost(options: Readonly<Record<string, string>>): Promise<TestOutcome[]> {
  hostOptions.current = options;
  return runMocha(createMocha());
}

/** The @vscode/test-electron entry point: rejects when any test fails. */
export async function run(): Promise<void> {
  const outcomes = await runMocha(createMocha());
  const failed = outcomes.filter((outcome) => outcome.state === 'failed');
  if (failed.length > 0) throw new Error(`${failed.length} integration test(s) failed`);
}
