import * as vscode from 'vscode';
import type { Host } from '../../host/host';
import { ViewerPanel } from './panel';

export const openViewerCommand = 'traceStitch.openViewer';

export function activateViewer(host: Host): void {
  host.track(
    vscode.commands.registerCommand(openViewerCommand, () => {
      ViewerPanel.show(host);
    }),
  );
}
