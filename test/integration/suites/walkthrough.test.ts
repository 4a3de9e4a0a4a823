import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { activeExtension } from '../extension';

interface WalkthroughStep {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly image?: string; readonly markdown?: string };
  readonly completionEvents?: readonly string[];
}

interface Walkthrough {
  readonly id: string;
  readonly title: string;
  readonly steps: readonly WalkthroughStep[];
}

function walkthroughs(extension: vscode.Extension<unknown>): readonly Walkthrough[] {
  return (extension.packageJSON as { contributes?: { walkthroughs?: Walkthrough[] } }).contributes?.walkthroughs ?? [];
}

/** The PNG signature: the file is a real PNG, not a placeholder. */
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('Getting Started walkthrough', () => {
  it('is contributed with its four steps, each with a picture shipped in the package', async () => {
    const extension = await activeExtension();
    const walkthrough = walkthroughs(extension).find((entry) => entry.id === 'traceStitch.gettingStarted');
    assert.ok(walkthrough, 'no traceStitch.gettingStarted walkthrough');
    assert.equal(walkthrough.title, 'Get started with Trace Stitch');
    assert.deepEqual(walkthrough.steps.map((step) => step.id), ['connectSource', 'scanWorkspace', 'openTrace', 'scaffoldYaml']);
    for (const step of walkthrough.steps) {
      assert.ok(step.media.image, `step ${step.id} has no picture`);
      const file = path.join(extension.extensionPath, step.media.image);
      assert.ok(existsSync(file), `the installed extension lacks ${step.media.image}`);
      assert.deepEqual(readFileSync(file).subarray(0, 8), pngSignature, `${step.media.image} is not a PNG`);
    }
  });

  it('links only commands that exist, and completes each step on one of them', async () => {
    const extension = await activeExtension();
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const walkthrough of walkthroughs(extension)) {
      for (const step of walkthrough.steps) {
        const linked = [...step.description.matchAll(/\]\(command:([\w.]+)\)/g)].map((match) => match[1] ?? '');
        assert.ok(linked.length > 0, `step ${step.id} links no command`);
        const completing = (step.completionEvents ?? []).map((event) => event.replace(/^onCommand:/, ''));
        const missing = [...linked, ...completing].filter((command) => !registered.has(command));
        assert.deepEqual(missing, [], `step ${step.id} names commands that are not registered`);
        assert.ok(linked.some((command) => completing.includes(command)), `no command link of step ${step.id} completes it`);
      }
    }
  });
});
