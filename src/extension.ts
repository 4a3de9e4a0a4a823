import { performance } from 'node:perf_hooks';
import type * as vscode from 'vscode';
import { activateCodeLinks } from './features/codelinks/activate';
import { activateLog } from './features/log/activate';
import { activatePropagation } from './features/propagation/activate';
import { activateReceiver, type ReceiverFeature } from './features/receiver/activate';
import { activateMeshYaml } from './features/meshYaml/activate';
import { activateScaffold } from './features/scaffold/activate';
import { activateViewer } from './features/viewer/activate';
import { describeActivationTime } from './host/activationTimer';
import { createHost } from './host/host';

/** What `activate` returns (the extension's exports): kept minimal, used by the integration tests. */
export interface TraceStitchApi {
  readonly receiver: ReceiverFeature;
}

/** The composition root: create the shared host, then let each feature register itself. */
export function activate(context: vscode.ExtensionContext): TraceStitchApi {
  const activateCalled = performance.now();
  const host = createHost(context);
  activateLog(host);
  const receiver = activateReceiver(host);
  const viewer = activateViewer(host);
  host.track(viewer.connectReceiver(receiver));
  const linter = activatePropagation(host);
  activateCodeLinks(host, linter, viewer);
  activateMeshYaml(host);
  activateScaffold(host);
  host.log.info(`Trace Stitch ${host.version} activated in ${describeActivationTime(activateCalled)}`);
  return { receiver };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
