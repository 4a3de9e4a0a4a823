import * as vscode from 'vscode';
import { ViewerPanel } from '../panel';
import type { ViewerContext } from '../viewerContext';
import type { JaegerConnections } from './connections';
import { createJaegerSource, JaegerSource } from './jaegerSource';

export const connectJaegerCommand = 'traceStitch.connectJaeger';
export const disconnectJaegerCommand = 'traceStitch.disconnectJaeger';
export const refreshSourcesCommand = 'traceStitch.refreshSources';

/** A Jaeger query service URL: http(s), with an optional path prefix. Returns a message when it is not one. */
export function checkJaegerUrl(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return 'Enter the URL of the Jaeger query service, such as http://localhost:16686';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Jaeger is reached over http:// or https://';
  if (url.username || url.password) return 'Leave credentials out of the URL; Trace Stitch asks for a token next';
  return undefined;
}

/**
 * "Connect to Jaeger…": asks for the URL and an optional bearer token (kept in SecretStorage), checks the
 * endpoint answers, saves it, and opens the viewer's search on it.
 */
export async function connectJaeger(context: ViewerContext, connections: JaegerConnections): Promise<void> {
  const url = await vscode.window.showInputBox({
    title: 'Connect to Jaeger (1/2)',
    prompt: "URL of Jaeger's query service (the UI's address), including any path prefix",
    value: 'http://localhost:16686',
    ignoreFocusOut: true,
    validateInput: checkJaegerUrl,
  });
  if (url === undefined) return;
  const token = await vscode.window.showInputBox({
    title: 'Connect to Jaeger (2/2)',
    prompt: 'Bearer token, if the endpoint needs one (stored in VS Code’s secret storage). Leave empty for none.',
    password: true,
    ignoreFocusOut: true,
  });
  if (token === undefined) return;
  const trimmedUrl = url.trim().replace(/\/+$/, '');
  let source: JaegerSource;
  try {
    source = createJaegerSource(context.host, { id: 'probe', url: trimmedUrl }, token.trim() || undefined, () => undefined);
  } catch (error) {
    context.host.showError(`Cannot connect to ${trimmedUrl}`, error);
    return;
  }
  const failure = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Connecting to ${source.label}`, cancellable: true },
    async (_progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => {
        controller.abort();
      });
      try {
        await source.services(controller.signal);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  );
  if (failure !== undefined) {
    const choice = await vscode.window.showWarningMessage(`${source.label} did not answer as expected: ${failure}`, 'Save Anyway', 'Cancel');
    if (choice !== 'Save Anyway') return;
  }
  const stored = await connections.add(trimmedUrl, token.trim() || undefined);
  const added = await addStoredSource(context, connections, stored.id);
  if (added) ViewerPanel.show(context).session.showSearch(added.id);
}

/** Registers the source of one stored connection. */
async function addStoredSource(context: ViewerContext, connections: JaegerConnections, id: string): Promise<JaegerSource | undefined> {
  const stored = connections.list().find((entry) => entry.id === id);
  if (!stored) return undefined;
  try {
    const source = createJaegerSource(context.host, stored, await connections.token(stored.id), () => {
      context.registry.notify();
    });
    context.registry.add(source);
    return source;
  } catch (error) {
    context.host.log.warn(`Skipped the saved Jaeger connection ${stored.url}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Registers every saved connection, then checks each in the background so the Sources view shows its state. */
export async function restoreJaegerSources(context: ViewerContext, connections: JaegerConnections): Promise<void> {
  for (const stored of connections.list()) await addStoredSource(context, connections, stored.id);
  refreshJaegerSources(context);
}

/** Contacts every Jaeger endpoint again; failures show as the source's state, not as pop-ups. */
export function refreshJaegerSources(context: ViewerContext): void {
  for (const source of context.registry.list()) {
    if (source instanceof JaegerSource) source.services(new AbortController().signal).catch(() => undefined);
  }
}

/** "Disconnect" on a Jaeger endpoint in the Sources view: forgets it and its token. */
export async function disconnectJaeger(context: ViewerContext, connections: JaegerConnections, sourceId: string | undefined): Promise<void> {
  const source = sourceId === undefined ? undefined : context.registry.get(sourceId);
  if (!(source instanceof JaegerSource)) return;
  await connections.remove(source.connection.id);
  context.registry.remove(source.id);
  context.library.removeSource(source.id);
}
