import * as vscode from 'vscode';
import type { Host } from '../../host/host';

export const showLogCommand = 'traceStitch.showLog';

export function activateLog(host: Host): void {
  host.track(
    vscode.commands.registerCommand(showLogCommand, () => {
      host.logChannel.show(true);
    }),
  );
}
