import * as vscode from 'vscode';
import type { MeshYamlFile } from '../../core/meshYaml/types';

/** YAML files of the workspace, minus dependency and build folders. */
export const yamlGlob = '**/*.{yaml,yml}';
const excludeGlob = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**,**/.vscode-test/**}';
/** Enough for any sensible repository; more is not worth scanning on every start. */
const maxFiles = 5000;
/** Files beyond this are not even read. */
const maxReadBytes = 64 * 1024 * 1024;

export function isYamlDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'yaml' || /\.ya?ml$/i.test(document.uri.path);
}

/** The key the linter names a file by: its file-system path for local files, else the URI. */
export function fileKey(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

/** The document of `uri` when it has unsaved edits; VS Code keeps closed documents around a while, so only those count. */
export function dirtyDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.isDirty && document.uri.toString() === uri.toString());
}

/** A file's current text: the editor's when it has unsaved edits, else what is on disk (undefined once deleted). */
export async function readYaml(uri: vscode.Uri): Promise<MeshYamlFile | undefined> {
  const dirty = dirtyDocument(uri);
  if (dirty) return { path: fileKey(uri), text: dirty.getText() };
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > maxReadBytes) return undefined;
    return { path: fileKey(uri), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return undefined;
  }
}

export async function findYamlFiles(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  return vscode.workspace.findFiles(yamlGlob, excludeGlob, maxFiles, token);
}
