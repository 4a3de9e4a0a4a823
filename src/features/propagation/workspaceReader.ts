import * as vscode from 'vscode';
import type { ProjectReader } from '../../core/propagation/project/detect';

/** Project files through VS Code's file system, so remote and virtual workspaces work too. */
export const workspaceReader: ProjectReader = {
  async read(file) {
    try {
      const uri = vscode.Uri.file(file);
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > 1024 * 1024) return undefined;
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  },
  async list(folder) {
    try {
      const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(folder));
      return entries.map(([name, type]) => ({ name, isDirectory: (type & vscode.FileType.Directory) !== 0 }));
    } catch {
      return [];
    }
  },
};
