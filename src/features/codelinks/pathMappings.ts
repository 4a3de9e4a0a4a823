import path from 'node:path';
import * as vscode from 'vscode';
import type { PathMapping } from '../../core/codelinks/tracePath';

/**
 * `traceStitch.pathMappings`: trace path prefix → workspace folder, e.g. `{"/app/orders": "${workspaceFolder}/services/orders"}`.
 * `${workspaceFolder}` (or `${workspaceFolder:name}`) and relative targets resolve against the workspace.
 */
export function readPathMappings(raw: unknown, log: (message: string) => void): PathMapping[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  const folders = vscode.workspace.workspaceFolders ?? [];
  const first = folders[0]?.uri.fsPath;
  const mappings: PathMapping[] = [];
  for (const [from, target] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof target !== 'string' || from.trim() === '') {
      log(`traceStitch.pathMappings: "${from}" needs a folder path as its value`);
      continue;
    }
    const expanded = target.replace(/\$\{workspaceFolder(?::([^}]+))?\}/g, (_match, name: string | undefined) => {
      const folder = name === undefined ? first : folders.find((candidate) => candidate.name === name)?.uri.fsPath;
      return folder ?? '\0';
    });
    if (expanded.includes('\0') || first === undefined) {
      log(`traceStitch.pathMappings: "${target}" names a workspace folder that is not open`);
      continue;
    }
    const absolute = path.isAbsolute(expanded) ? expanded : path.join(first, expanded);
    mappings.push({ from: from.replace(/\\/g, '/'), to: path.normalize(absolute).split(path.sep).join('/') });
  }
  return mappings;
}
