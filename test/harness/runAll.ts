import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestOutcome } from '../support/outcomes';
import { serverLogsVariable, serverUrlVariable } from '../support/e2eEnvironment';
import { packageExtension } from './packages';
import { compiledTestsDir, repoRoot, resultsDir } from './paths';
import { run } from './processes';
import { copyWorkspace, runInHost, startTestServer, type TestServer } from './testServer';
import { launchChromium } from './workbench';
import { readVsCodeVersion } from './vscodeVersion';

/**
 * `npm test`: typecheck, lint, unit tests, then the integration suites inside a real VS Code (server build from
 * the code-server package) and the Playwright e2e suite against it. Ends with "N passed, N failed".
 */
interface LayerReport {
  readonly layer: string;
  readonly outcomes: readonly TestOutcome[];
}

const reports: LayerReport[] = [];
const bin = (name: string): string => path.join(repoRoot, 'node_modules', '.bin', name);

function record(layer: string, outcomes: readonly TestOutcome[]): void {
  reports.push({ layer, outcomes });
}

function heading(text: string): void {
  console.log(`\n━━ ${text} ${'━'.repeat(Math.max(0, 70 - text.length))}`);
}

async function check(layer: string, title: string, command: string, args: readonly string[]): Promise<void> {
  heading(`${layer}: ${title}`);
  const started = Date.now();
  const code = await run(command, args, { cwd: repoRoot });
  const durationMs = Date.now() - started;
  record(layer, [
    code === 0
      ? { title, state: 'passed', durationMs }
      : { title, state: 'failed', durationMs, error: `${command} exited with ${code}` },
  ]);
}

async function mochaLayer(layer: string, folder: string, timeoutMs: number, env: NodeJS.ProcessEnv): Promise<void> {
  heading(`${layer} tests`);
  const resultFile = path.join(resultsDir, `${layer}-results.json`);
  rmSync(resultFile, { force: true });
  const code = await run(
    process.execPath,
    ['--enable-source-maps', path.join(compiledTestsDir, 'harness', 'mochaLayer.js'), folder, resultFile, String(timeoutMs)],
    { cwd: repoRoot, env },
  );
  if (!existsSync(resultFile)) {
    record(layer, [{ title: `${layer} layer`, state: 'failed', durationMs: 0, error: `mocha exited with ${code}` }]);
    return;
  }
  record(layer, JSON.parse(readFileSync(resultFile, 'utf8')) as TestOutcome[]);
}

function printInHostOutcomes(outcomes: readonly TestOutcome[]): void {
  for (const outcome of outcomes) {
    const mark = outcome.state === 'passed' ? '✔' : outcome.state === 'failed' ? '✘' : '-';
    console.log(`  ${mark} ${outcome.title} (${outcome.durationMs} ms)`);
    if (outcome.error) console.log(outcome.error.replace(/^/gm, '      '));
  }
}

async function inVsCode(vsix: string): Promise<void> {
  let server: TestServer | undefined;
  try {
    server = await startTestServer('integration', vsix);
    console.log(`VS Code ${readVsCodeVersion()} server at ${server.url}`);
    heading(`integration tests (extension host of VS Code ${readVsCodeVersion()})`);
    const browser = await launchChromium();
    try {
      const entry = path.join(compiledTestsDir, 'integration', 'index.js');
      const value = await runInHost(browser, server, copyWorkspace('workspace'), entry, {}, 600_000);
      const outcomes = value as TestOutcome[];
      printInHostOutcomes(outcomes);
      record('integration', outcomes);
    } catch (error) {
      record('integration', [failure('integration layer', error)]);
    } finally {
      await browser.close();
    }
    await mochaLayer('e2e', path.join(compiledTestsDir, 'e2e'), 120_000, {
      ...process.env,
      [serverUrlVariable]: server.url,
      [serverLogsVariable]: server.vscodeLogsDir,
    });
  } catch (error) {
    record('vscode', [failure('start VS Code server', error)]);
  } finally {
    if (server) {
      if (existsSync(server.vscodeLogsDir)) {
        cpSync(server.vscodeLogsDir, path.join(resultsDir, 'vscode-logs'), { recursive: true });
      }
      await server.stop();
    }
  }
}

function failure(title: string, error: unknown): TestOutcome {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`✘ ${title}: ${message}`);
  return { title, state: 'failed', durationMs: 0, error: message };
}

function summarize(): number {
  heading('summary');
  let passed = 0;
  let failed = 0;
  for (const { layer, outcomes } of reports) {
    const layerPassed = outcomes.filter((outcome) => outcome.state === 'passed').length;
    const layerFailed = outcomes.filter((outcome) => outcome.state === 'failed');
    const pending = outcomes.filter((outcome) => outcome.state === 'pending').length;
    passed += layerPassed;
    failed += layerFailed.length;
    const pendingText = pending > 0 ? `, ${pending} pending` : '';
    console.log(`  ${layer.padEnd(12)} ${layerPassed} passed, ${layerFailed.length} failed${pendingText}`);
    for (const outcome of layerFailed) console.log(`    ✘ ${outcome.title}`);
  }
  if (failed > 0) console.log(`\nScreenshots and logs: ${resultsDir}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

async function main(): Promise<void> {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  await check('typecheck', 'tsc --noEmit (extension, tests)', bin('tsc'), ['-p', '.']);
  await check('typecheck', 'tsc --noEmit (webview)', bin('tsc'), ['-p', 'webview']);
  await check('lint', 'eslint', bin('eslint'), ['.']);
  await mochaLayer('unit', path.join(compiledTestsDir, 'unit'), 20_000, process.env);
  heading('package');
  let vsix: string | undefined;
  try {
    vsix = await packageExtension();
    console.log(`Packaged ${path.relative(repoRoot, vsix)}`);
  } catch (error) {
    record('package', [failure('npm run package', error)]);
  }
  if (vsix) await inVsCode(vsix);
  process.exitCode = summarize();
}

void main();
