import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { runMocha } from '../support/outcomes';

/**
 * Runs one mocha layer in this process and writes its outcomes as JSON for the orchestrator.
 * Usage: node out/test/harness/mochaLayer.js <folder of compiled tests> <result file> <timeout ms>
 */
async function main(): Promise<void> {
  const [folder, resultFile, timeout] = process.argv.slice(2);
  if (!folder || !resultFile) throw new Error('usage: mochaLayer <folder> <result file> [timeout ms]');
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: Number(timeout ?? 10_000), color: true });
  for (const file of testFilesUnder(folder)) mocha.addFile(file);
  const outcomes = await runMocha(mocha);
  writeFileSync(resultFile, JSON.stringify(outcomes));
}

export function testFilesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.js'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  });
}
