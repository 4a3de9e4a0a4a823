import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension } from '../extension';
import { waitForEvent } from '../waitFor';

function viewerTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('traceStitch.viewer'));
}

function waitForViewerTabs(count: number): Promise<vscode.Tab[]> {
  return waitForEvent(
    vscode.window.tabGroups.onDidChangeTabs,
    () => (viewerTabs().length === count ? viewerTabs() : undefined),
    `${count} trace viewer tab(s)`,
  );
}

describe('Trace viewer command', () => {
  afterEach(async () => {
    await vscode.window.tabGroups.close(viewerTabs());
  });

  it('opens one viewer tab, and reveals it rather than opening a second', async () => {
    await activeExtension();
    assert.equal(viewerTabs().length, 0);
    await vscode.commands.executeCommand('traceStitch.openViewer');
    const [tab] = await waitForViewerTabs(1);
    assert.equal(tab?.label, 'Trace Stitch');
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await vscode.commands.executeCommand('traceStitch.openViewer');
    const [revealed] = await waitForEvent(
      vscode.window.tabGroups.onDidChangeTabs,
      () => (viewerTabs()[0]?.isActive ? viewerTabs() : undefined),
      'the viewer tab to become active again',
    );
    assert.ok(revealed);
    assert.equal(viewerTabs().length, 1);
  });
});
