import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { resultsDir } from '../harness/paths';

/** Where the e2e run leaves the README and walkthrough pictures; `npm run pictures` copies them into media/. */
export const picturesDir = path.join(resultsDir, 'media');

/** Saves a screenshot of the window as `media/<name>` would hold it (e.g. `walkthrough/open-trace.png`). */
export async function savePicture(page: Page, name: string): Promise<void> {
  const file = path.join(picturesDir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
}
