import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium as playwright, type Browser, type Locator, type Page } from 'playwright-core';
import { chromium, ensureTools } from './debianPackages';
import { resultsDir } from './paths';

/** Flags for Chromium as root in a sandbox without network: the last four stop it from dialling out. */
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  mkdirSync(resultsDir, { recursive: true });
  await ensureTools([chromium], path.join(resultsDir, 'provision.log'));
  return playwright.launch({ executablePath: chromium.path, args: chromiumFlags, headless: true });
}

export interface WorkbenchOptions {
  /** A color theme label such as "Default Dark Modern"; written to the workspace settings before opening. */
  readonly colorTheme?: string;
}

/** Opens a VS Code window on `folder` in a fresh browser context and waits for the workbench to be ready. */
export async function openWorkbench(
  browser: Browser,
  serverUrl: string,
  folder: string,
  options: WorkbenchOptions = {},
): Promise<Page> {
  if (options.colorTheme) setWorkspaceSetting(folder, 'workbench.colorTheme', options.colorTheme);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${serverUrl}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.statusbar').waitFor({ timeout: 60_000 });
  return page;
}

/**
 * Opens the command palette with F1 as a user would. Keybindings register a moment after the workbench renders,
 * so an early F1 can go unheard: press again, but only while the palette is still hidden (F1 toggles it).
 */
export async function openCommandPalette(page: Page): Promise<Locator> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await retry('the command palette to open', async () => {
    if (!(await input.isVisible())) await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 3_000 });
  });
  return input;
}

/**
 * Shows the palette rows matching `query`. The palette lists the commands known when it opens, and the remote
 * extension host registers contributions shortly after start-up, so a query with no rows is closed and retried.
 */
export async function findInCommandPalette(page: Page, query: string, expected: string): Promise<Locator> {
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: expected }).first();
  await retry(`"${expected}" in the command palette`, async () => {
    const input = await openCommandPalette(page);
    await input.fill(`>${query}`);
    try {
      await row.waitFor({ state: 'visible', timeout: 3_000 });
    } catch (error) {
      await page.keyboard.press('Escape');
      throw error;
    }
  });
  return row;
}

/** Runs a command through the command palette, as a user would: F1, type its title, pick it. */
export async function runCommandFromPalette(page: Page, title: string): Promise<void> {
  const row = await findInCommandPalette(page, title, title);
  await row.click();
}

async function retry(what: string, attempt: () => Promise<void>, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`Gave up waiting for ${what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

/** Saves a full-page screenshot under test-results and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Sets one setting in `<folder>/.vscode/settings.json`, keeping the others. */
export function setWorkspaceSetting(folder: string, key: string, value: unknown): void {
  const file = path.join(folder, '.vscode', 'settings.json');
  const settings = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  settings[key] = value;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(settings, null, 2));
}
