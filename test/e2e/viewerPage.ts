import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { freePort } from '../harness/vscodeServer';
import { setWorkspaceSetting } from '../harness/workbench';
import { sharedFixturesDir } from '../support/fixtures';

/** Helpers for driving the trace viewer webview inside the VS Code workbench. */

/** The built-in receiver's ports for a suite's windows: free ones, so that parallel runs never fight over 4318/9411. */
export interface ReceiverPorts {
  readonly otlp: number;
  readonly zipkin: number;
  /** For `useWorkbench`: writes the ports to the workspace settings. */
  configure(folder: string): void;
}

/** Registers a `before` hook of the calling suite that picks free receiver ports. */
export function useReceiverPorts(): ReceiverPorts {
  const ports = { otlp: 0, zipkin: 0 };
  before(async () => {
    ports.otlp = await freePort();
    ports.zipkin = await freePort();
  });
  return {
    get otlp() {
      return ports.otlp;
    },
    get zipkin() {
      return ports.zipkin;
    },
    configure(folder) {
      setWorkspaceSetting(folder, 'traceStitch.receiver.otlpPort', ports.otlp);
      setWorkspaceSetting(folder, 'traceStitch.receiver.zipkinPort', ports.zipkin);
    },
  };
}

/** Copies shared fixture files (paths relative to the fixtures folder) into the test's workspace. */
export function copySharedFixtures(folder: string, files: readonly string[]): void {
  for (const file of files) copyFileSync(path.join(sharedFixturesDir(), file), path.join(folder, path.basename(file)));
}

/** The viewer's document: VS Code nests the webview page in an iframe inside the webview iframe. */
export function viewerFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/**
 * Right-clicks a file in the Explorer until its context menu shows a command; returns that menu item. The remote
 * extension host registers its menu contributions a moment after the workbench shows, so a menu without the item
 * is closed and opened again.
 */
export async function openExplorerContextMenu(page: Page, fileName: string, commandTitle: string): Promise<Locator> {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
  await row.waitFor({ timeout: 30_000 });
  const item = page.locator('.monaco-menu .action-item', { hasText: commandTitle }).first();
  const deadline = Date.now() + 45_000;
  for (;;) {
    await row.click({ button: 'right' });
    try {
      await item.waitFor({ timeout: 3_000 });
      return item;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw error;
    }
  }
}

/** Right-clicks a file in the Explorer and runs a command from its context menu. */
export async function runExplorerContextCommand(page: Page, fileName: string, commandTitle: string): Promise<void> {
  const item = await openExplorerContextMenu(page, fileName, commandTitle);
  // A click that lands while the menu still animates in is ignored; the item stays highlighted, so Enter runs it.
  await item.click();
  const menu = page.locator('.monaco-menu');
  if (!(await menu.waitFor({ state: 'detached', timeout: 2_000 }).then(() => true, () => false))) await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'detached', timeout: 5_000 });
}

/** Waits for the timeline of a trace (of any trace when no id is given) to be painted; returns the viewer frame. */
export async function waitForTimeline(page: Page, traceId?: string): Promise<FrameLocator> {
  const viewer = viewerFrame(page);
  const rendered = traceId === undefined ? '[data-rendered-trace]' : `[data-rendered-trace="${traceId}"]`;
  await viewer.locator(`.trace-panel${rendered}`).waitFor({ state: 'attached', timeout: 60_000 });
  return viewer;
}

/** The timeline row at a 1-based position (rows are pooled, so DOM order is not row order). */
export function rowAt(viewer: FrameLocator, position: number): Locator {
  return viewer.locator(`.timeline-body .row:not(.hidden)[aria-rowindex="${position}"]`);
}

export function toolbarButton(viewer: FrameLocator, label: string): Locator {
  return viewer.locator(`vscode-toolbar-button[label="${label}"]`);
}
