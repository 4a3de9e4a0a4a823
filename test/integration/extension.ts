import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const extensionId = 'trace-stitch.trace-stitch';

/** The installed Trace Stitch extension, activated. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `${extensionId} is not installed`);
  await extension.activate();
  return extension;
}

interface ContributedCommand {
  readonly command: string;
  readonly title: string;
  readonly category?: string;
}

export function contributedCommands(extension: vscode.Extension<unknown>): readonly ContributedCommand[] {
  const manifest = extension.packageJSON as { contributes?: { commands?: ContributedCommand[] } };
  return manifest.contributes?.commands ?? [];
}
