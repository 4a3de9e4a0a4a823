import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completeAnswers, emptyContext } from '../../../src/core/scaffold/wizard';
import { middlewareWizard } from '../../../src/core/scaffold/wizards/middleware';
import { telemetryWizard } from '../../../src/core/scaffold/wizards/telemetry';
import { openUntitled, writeToFile } from '../../../src/features/scaffold/output';
import { closeAllEditorsDiscarding } from '../editors';
import { activeExtension } from '../extension';

function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  return vscode.Uri.joinPath(folder.uri, 'scaffold-output', name);
}

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('Scaffold output (in VS Code)', () => {
  const telemetry = telemetryWizard.build(completeAnswers(telemetryWizard, {}, emptyContext));

  before(async () => {
    await activeExtension();
  });

  afterEach(async () => {
    await closeAllEditorsDiscarding();
    await vscode.workspace.fs.delete(workspaceUri(''), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('opens the result in a new untitled editor in its language', async () => {
    const editor = await openUntitled(telemetry);
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'yaml');
    assert.equal(editor.document.getText(), telemetry.text);
    const go = middlewareWizard.build(completeAnswers(middlewareWizard, { framework: 'go' }, emptyContext));
    const goEditor = await openUntitled(go);
    assert.equal(goEditor.document.languageId, 'go');
  });

  it('writes a new file without asking, and opens it', async () => {
    const uri = workspaceUri('new.telemetry.yaml');
    const written = await writeToFile(telemetry, uri, () => Promise.reject(new Error('must not ask for a new file')));
    assert.equal(written, true);
    assert.equal(await read(uri), telemetry.text);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });

  it('never replaces an existing file unless the user agrees', async () => {
    const uri = workspaceUri('existing.telemetry.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# mine\n'));
    const asked: string[] = [];
    const declined = await writeToFile(telemetry, uri, (target) => {
      asked.push(target.toString());
      return Promise.resolve(false);
    });
    assert.equal(declined, false);
    assert.deepEqual(asked, [uri.toString()]);
    assert.equal(await read(uri), '# mine\n');
    assert.equal(await writeToFile(telemetry, uri, () => Promise.resolve(true)), true);
    assert.equal(await read(uri), telemetry.text);
  });
});
