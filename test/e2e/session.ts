import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serverUrlVariable } from '../support/e2eEnvironment';
import { packageExtension } from '../harness/packages';
import { resultsDir } from '../harness/paths';
import { startTestServer, copyWorkspace, type TestServer } from '../harness/testServer';
import { launchChromium, openWorkbench, saveScreenshot, type WorkbenchOptions } from '../harness/workbench';


let ownServer: Promise<TestServer> | undefined;

async function serverUrl(): Promise<string> {
  const given = process.env[serverUrlVariable];
  if (given) return given;
  ownServer ??= packageExtension().then((vsix) => startTestServer('e2e', vsix));
  return (await ownServer).url;
}

after(async () => {
  if (!ownServer) return;
  const server = await ownServer;
  cpSync(server.vscodeLogsDir, path.join(resultsDir, 'e2e-vscode-logs'), { recursive: true });
  await server.stop();
});

export interface Workbench {
  readonly page: Page;
  readonly folder: string;
}

/**
 * Registers hooks that give each test of the calling suite a VS Code window on a fresh copy of a fixture
 * workspace, and save a screenshot under test-results when a test fails. `prepare` may add files to the copy
 * before the window opens (files added later appear only once VS Code's file watcher notices them).
 */
export function useWorkbench(
  fixture = 'workspace',
  options: WorkbenchOptions = {},
  prepare: (folder: string) => void = () => undefined,
): () => Workbench {
  let browser: Browser | undefined;
  let current: Workbench | undefined;
  before(async () => {
    browser = await launchChromium();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    const folder = copyWorkspace(fixture);
    prepare(folder);
    current = { folder, page: await openWorkbench(browser, await serverUrl(), folder, options) };
  });
  afterEach(async function () {
    if (!current) return;
    if (this.currentTest?.state === 'failed') {
      mkdirSync(resultsDir, { recursive: true });
      await saveScreenshot(current.page, `failed-${this.currentTest.fullTitle()}`);
    }
    await current.page.context().close();
    current = undefined;
  });
  after(async () => {
    await browser?.close();
  });
  return () => {
    if (!current) throw new Error('The workbench is only available inside a test');
    return current;
  };
}
