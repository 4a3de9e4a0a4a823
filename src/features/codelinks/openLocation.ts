import { realpath } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';

/** Why a file was not opened, for the message the user sees. */
export class RefusedLocation extends Error {}

async function real(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    throw new RefusedLocation(`${file} does not exist`);
  }
}

/**
 * Opens a file at a 1-based line and column, but only when it lies inside a workspace folder once symbolic links
 * are resolved: a trace is untrusted input and must never open anything else.
 */
export async function openWorkspaceLocation(file: string, line?: number, column?: number): Promise<vscode.TextEditor> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
  if (folders.length === 0) throw new RefusedLocation('code links need a workspace folder on this machine');
  const target = await real(file);
  const roots = await Promise.all(folders.map((folder) => real(folder.uri.fsPath)));
  if (!roots.some((root) => target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep))) {
    throw new RefusedLocation(`${file} lies outside the workspace`);
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), Math.max(0, (column ?? 1) - 1));
  const clamped = document.validatePosition(position);
  return vscode.window.showTextDocument(document, {
    selection: new vscode.Range(clamped, clamped),
    preview: true,
    viewColumn: vscode.ViewColumn.One,
  });
}
