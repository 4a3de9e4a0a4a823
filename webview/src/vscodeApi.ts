import type { HostMessage, WebviewMessage } from '../../src/core/viewer/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The webview's only channel to the host; may be acquired once per page. */
export const vscodeApi: VsCodeApi = acquireVsCodeApi();

export function postToHost(message: WebviewMessage): void {
  vscodeApi.postMessage(message);
}

/** Subscribes to host messages; anything that is not a message object is dropped. */
export function onHostMessage(listener: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (typeof data === 'object' && data !== null && 'type' in data && typeof data.type === 'string') {
      listener(data as HostMessage);
    }
  });
}

let nextRequestId = 1;

/** A fresh id for a request, so that a late answer to an older request can be told apart and dropped. */
export function newRequestId(): number {
  return nextRequestId++;
}
