import * as vscode from 'vscode';
import type { Logger } from '../core/log/logger';
import { Settings } from './settings';

/**
 * What every feature receives from the composition root: the extension context, the shared logger and settings,
 * and one place to register disposables so nothing outlives deactivation.
 */
export interface Host {
  readonly extension: vscode.ExtensionContext;
  /** The extension's own version from package.json. */
  readonly version: string;
  readonly log: Logger;
  readonly logChannel: vscode.LogOutputChannel;
  readonly settings: Settings;
  /** Registers disposables for cleanup on deactivation and returns the first for chaining. */
  track<T extends vscode.Disposable>(disposable: T, ...more: vscode.Disposable[]): T;
  /** Shows an error with an "Open Log" action, and logs it. */
  showError(message: string, error?: unknown): void;
}

export const logChannelName = 'Trace Stitch';

export function createHost(extension: vscode.ExtensionContext): Host {
  const logChannel = vscode.window.createOutputChannel(logChannelName, { log: true });
  extension.subscriptions.push(logChannel);
  const track = <T extends vscode.Disposable>(disposable: T, ...more: vscode.Disposable[]): T => {
    extension.subscriptions.push(disposable, ...more);
    return disposable;
  };
  return {
    extension,
    version: String((extension.extension.packageJSON as { version?: unknown }).version),
    log: logChannel,
    logChannel,
    settings: new Settings(),
    track,
    showError(message, error) {
      logChannel.error(error instanceof Error ? `${message}: ${error.stack ?? error.message}` : message);
      void vscode.window.showErrorMessage(message, 'Open Log').then((choice) => {
        if (choice === 'Open Log') logChannel.show(true);
      });
    },
  };
}
