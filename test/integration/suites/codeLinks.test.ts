import * as assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { openWorkspaceLocation, RefusedLocation } from '../../../src/features/codelinks/openLocation';

function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(folder, 'the integration tests run with a workspace folder open');
  return folder;
}

describe('Code links: opening a location a trace names', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a workspace file at the 1-based line and column', async () => {
    const file = path.join(workspaceFolder(), 'codelinks-target.py');
    writeFileSync(file, 'import requests\n\n\ndef handler():\n    return requests.get("http://inventory/stock")\n');
    const editor = await openWorkspaceLocation(file, 5, 12);
    assert.equal(editor.document.uri.fsPath, file);
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [4, 11]);
  });

  it('refuses a file outside the workspace, also when a symbolic link inside points there', async () => {
    const outside = path.join(mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-outside-')), 'secret.py');
    writeFileSync(outside, 'TOKEN = "s3cr3t"\n');
    await assert.rejects(openWorkspaceLocation(outside, 1), (error: unknown) => error instanceof RefusedLocation && error.message.includes('outside the workspace'));
    const link = path.join(workspaceFolder(), 'innocent-looking.py');
    symlinkSync(outside, link);
    await assert.rejects(openWorkspaceLocation(link, 1), (error: unknown) => error instanceof RefusedLocation && error.message.includes('outside the workspace'));
    assert.equal(vscode.window.visibleTextEditors.some((editor) => editor.document.uri.fsPath === outside), false);
  });

  it('refuses a file that does not exist', async () => {
    await assert.rejects(openWorkspaceLocation(path.join(workspaceFolder(), 'missing.py'), 1), RefusedLocation);
  });
});
