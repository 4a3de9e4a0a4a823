import type * as vscode from 'vscode';
import { activateLog } from './features/log/activate';
import { activateReceiver, type ReceiverFeature } from './features/receiver/activate';
import { activateViewer } from './features/viewer/activate';
import { createHost } from './host/host';

/** What `activate` returns (the extension's exports): kept minimal, used by the integration tests. */
export interface TraceStitchApi {
  readonly receiver: ReceiverFeature;
}

/** The composition root: create the shared host, then let each feature register itself. */
export function activate(context: vscode.ExtensionContext): TraceStitchApi {
  const host = createHost(context);
  activateLog(host);
  const receiver = activateReceiver(host);
  const viewer = activateViewer(host);
  host.track(viewer.connectReceiver(receiver));
  host.log.info(`Trace Stitch ${host.version} activated`);
  return { receiver };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
