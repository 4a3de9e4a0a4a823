import * as vscode from 'vscode';
import type { ScaffoldOutput } from '../../core/scaffold/wizard';

/** Opens the result in a new untitled editor in its language. */
export async function openUntitled(output: ScaffoldOutput): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: output.languageId, content: output.text });
  return vscode.window.showTextDocument(document);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Asks before replacing a file; resolves true when the user agrees. */
export type ConfirmOverwrite = (uri: vscode.Uri) => Promise<boolean>;

const askBeforeOverwriting: ConfirmOverwrite = async (uri) => {
  const replace = 'Replace';
  const answer = await vscode.window.showWarningMessage(
    `${vscode.workspace.asRelativePath(uri)} already exists. Replace it?`,
    { modal: true, detail: 'Trace Stitch never overwrites a file without asking.' },
    replace,
  );
  return answer === replace;
};

/**
 * Writes the result to `uri` and opens it; an existing file is only replaced when `confirm` agrees. Resolves
 * false when nothing was written.
 */
export async function writeToFile(output: ScaffoldOutput, uri: vscode.Uri, confirm: ConfirmOverwrite = askBeforeOverwriting): Promise<boolean> {
  if ((await exists(uri)) && !(await confirm(uri))) return false;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(output.text));
  await vscode.window.showTextDocument(uri);
  return true;
}

/** Asks where to save, starting in the first workspace folder with the suggested name. */
export async function chooseFile(output: ScaffoldOutput): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, output.fileName) : undefined,
    saveLabel: 'Write',
    title: `Save ${output.fileName}`,
  });
}
