/**
 * The one message protocol between the trace viewer webview and the extension host.
 * Both sides import these types; the host validates every incoming message with `parseWebviewMessage`.
 */

/** Tells a freshly loaded webview which extension version it talks to. */
export interface WelcomeMessage {
  readonly type: 'welcome';
  readonly extensionVersion: string;
}

/** Messages the host posts to the webview. */
export type HostMessage = WelcomeMessage;

/** The webview's handshake: it has loaded and listens; the host posts nothing before this. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Messages the webview posts to the host. */
export type WebviewMessage = ReadyMessage;

/** Narrows an untrusted value from `onDidReceiveMessage` to a known message, or returns undefined. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const type: unknown = (value as { type?: unknown }).type;
  if (type === 'ready') return { type };
  return undefined;
}
