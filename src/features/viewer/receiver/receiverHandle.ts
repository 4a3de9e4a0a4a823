import type * as vscode from 'vscode';
import type { ReceiverEndpoint } from '../../../core/receiver/receiver';
import type { TraceStore } from '../../../core/receiver/traceStore';

/** What the viewer needs from the running built-in receiver: its store, and its endpoints' states. */
export interface ReceiverHandle {
  readonly store: TraceStore;
  endpoints(): readonly ReceiverEndpoint[];
  /** The receiver started, stopped, or an endpoint failed. */
  readonly onDidChangeEndpoints: vscode.Event<void>;
}
