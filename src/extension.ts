import type * as vscode from 'vscode';
import { activateLog } from './features/log/activate';
import { activateMeshYaml } from './features/meshYaml/activate';
import { activateScaffold } from './features/scaffold/activate';
import { activateViewer } from './features/viewer/activate';
import { createHost } from './host/host';

/** The composition root: create the shared host, then let each feature register itself. */
export function activate(context: vscode.ExtensionContext): void {
  const host = createHost(context);
  activateLog(host);
  activateViewer(host);
  activateMeshYaml(host);
  activateScaffold(host);
  host.log.info(`Trace Stitch ${host.version} activated`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
