import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { cacheDir, repoRoot, resultsDir } from './paths';
import { runOrThrow } from './processes';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Builds the extension for production and packages it with vsce, exactly as `npm run package` does. */
export async function packageExtension(): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  await runOrThrow(npm, ['run', 'package', '--silent'], {
    cwd: repoRoot,
    logFile: path.join(resultsDir, 'package.log'),
    timeoutMs: 300_000,
  });
  const { name, version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const vsix = path.join(repoRoot, `${name}-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`npm run package did not produce ${vsix}`);
  return vsix;
}

/** Bundles and packages the test-runner extension (test/runner-extension) that runs jobs inside VS Code. */
export async function packageRunnerExtension(): Promise<string> {
  const source = path.join(repoRoot, 'test', 'runner-extension');
  mkdirSync(cacheDir, { recursive: true });
  // A folder per call, so parallel test runs sharing one cache never package over each other.
  const staging = mkdtempSync(path.join(cacheDir, 'runner-extension-'));
  await esbuild.build({
    entryPoints: [path.join(source, 'src', 'extension.ts')],
    outfile: path.join(staging, 'extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  copyFileSync(path.join(source, 'package.json'), path.join(staging, 'package.json'));
  copyFileSync(path.join(repoRoot, 'LICENSE'), path.join(staging, 'LICENSE'));
  writeFileSync(path.join(staging, 'README.md'), '# Trace Stitch Test Runner\n\nTest-only helper; see test/harness.\n');
  const vsix = path.join(staging, 'trace-stitch-test-runner.vsix');
  await runOrThrow(path.join(repoRoot, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsix], {
    cwd: staging,
    logFile: path.join(resultsDir, 'package.log'),
    timeoutMs: 120_000,
  });
  return vsix;
}
