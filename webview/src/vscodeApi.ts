import type { HostMessage, WebviewMessage } from '../../src/core/viewer/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The webview's only channel to the host; may be acquired once per page. */
export const vscodeApi: VsCodeApi = acquireVsCodeApi();

/** Subscribes to host messages; anything that is not a message object is dropped. */
export function onHostMessage(listener: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (typeof data === 'object' && data !== null && 'type' in data) listener(data as HostMessage);
  });
}
