import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { saveScreenshot } from '../harness/workbench';
import { hostileOtlpDocument, hostilePayloads } from '../support/hostileTrace';
import { useWorkbench } from './session';
import { rowAt, runExplorerContextCommand, viewerFrame, waitForTimeline } from './viewerPage';

/** The little of the DOM the inspection reads (the test compiles without the DOM library). */
interface InspectedElement {
  readonly tagName: string;
  readonly children: ArrayLike<InspectedElement>;
  readonly shadowRoot: { readonly children: ArrayLike<InspectedElement> } | null;
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
  readonly outerHTML: string;
  readonly textContent: string | null;
}

/** What the page looks like to an attacker who got text into a span: any sign that markup became DOM. */
interface Inspection {
  readonly injectedElements: string[];
  readonly handlerAttributes: string[];
  readonly scriptUrls: string[];
  readonly text: string;
}

describe('Trace viewer safety (e2e)', () => {
  const workbench = useWorkbench('traces', { colorTheme: 'Default Dark Modern' }, (folder) => {
    writeFileSync(path.join(folder, 'hostile.json'), hostileOtlpDocument(Date.now() - 60_000));
  });

  it('shows span names, attributes, events and links full of markup and script as text: nothing runs, nothing is injected', async () => {
    const { page } = workbench();
    const console: string[] = [];
    page.on('console', (message) => console.push(message.text()));
    await runExplorerContextCommand(page, 'hostile.json', 'Open Trace File…');

    // The file holds two traces: the results table and the scatter plot render the hostile service names first.
    const viewer = viewerFrame(page);
    await viewer.locator('.results-table tbody tr').nth(1).waitFor({ timeout: 60_000 });
    await viewer.locator('.scatter circle').last().hover();
    await viewer.locator('.results-table .trace-link').first().click();
    await waitForTimeline(page);

    // Every place span text goes: rows, tooltip, header, detail (attributes, resource, events, links), statistics.
    for (let position = 1; position <= hostilePayloads.length; position++) {
      await rowAt(viewer, position).click();
      await rowAt(viewer, position).hover();
      await viewer.locator('.detail-pane .event-list li').first().waitFor();
    }
    await viewer.locator('.detail-pane details:not([open]) summary').first().click();
    await viewer.locator('.trace-warning summary').first().click();
    await viewer.locator('vscode-tab-header', { hasText: 'Statistics' }).click();
    await viewer.locator('.stats-table tbody tr').first().waitFor();
    const statsText = await viewer.locator('.stats-table').innerText();
    await viewer.locator('vscode-tab-header', { hasText: 'Timeline' }).click();

    const inspection: Inspection = await viewer.locator('#app').evaluate((node) => {
      const app = node as unknown as InspectedElement;
      const elements: InspectedElement[] = [];
      const walk = (root: { readonly children: ArrayLike<InspectedElement> }): void => {
        for (const child of Array.from(root.children)) {
          elements.push(child);
          if (child.shadowRoot) walk(child.shadowRoot);
          walk(child);
        }
      };
      walk(app);
      return {
        injectedElements: elements
          .filter((element) => ['IMG', 'SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'B', 'A', 'STYLE', 'FRAME'].includes(element.tagName.toUpperCase()))
          .map((element) => element.outerHTML.slice(0, 120)),
        handlerAttributes: elements.flatMap((element) =>
          Array.from(element.attributes)
            .filter((attribute) => attribute.name.toLowerCase().startsWith('on'))
            .map((attribute) => `${element.tagName} ${attribute.name}`),
        ),
        scriptUrls: elements.flatMap((element) =>
          Array.from(element.attributes)
            .filter((attribute) => /^\s*javascript:/i.test(attribute.value) && ['href', 'src', 'action', 'formaction'].includes(attribute.name))
            .map((attribute) => `${element.tagName} ${attribute.name}`),
        ),
        text: app.textContent ?? '',
      };
    });
    assert.deepEqual(inspection.injectedElements, [], 'no element was created from span text');
    assert.deepEqual(inspection.handlerAttributes, [], 'no event-handler attribute exists');
    assert.deepEqual(inspection.scriptUrls, [], 'no javascript: URL is linked');
    for (const payload of hostilePayloads) {
      assert.ok(inspection.text.includes(payload) || statsText.includes(payload), `"${payload}" is shown as text`);
    }

    const ran = await Promise.all(page.frames().map((frame) => frame.evaluate(() => (globalThis as { __tsPwned?: unknown }).__tsPwned).catch(() => undefined)));
    assert.deepEqual(ran.filter((value) => value !== undefined), [], 'no payload ran in any frame');
    const refused = console.filter((text) => /Content Security Policy|Refused to/i.test(text));
    assert.deepEqual(refused, [], 'nothing even tried to run and was stopped by the CSP');
    await saveScreenshot(page, 'viewer-hostile');
  });
});
