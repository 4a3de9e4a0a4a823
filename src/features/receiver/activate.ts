import type * as vscode from 'vscode';
import type { ReceiverEndpoint } from '../../core/receiver/receiver';
import type { TraceStore, TraceUpdate } from '../../core/receiver/traceStore';
import { ReceiverTraceSource } from '../../core/sources/receiverSource';
import type { Host } from '../../host/host';
import { ReceiverController, type ReceiverState } from './controller';

export type { ReceiverState } from './controller';
export type { ReceiverEndpoint };

/** What other features (the viewer, the status bar) use of the built-in receiver. */
export interface ReceiverFeature {
  /** The received traces (bounded; `traceStitch.receiver.maxSpans`). */
  readonly store: TraceStore;
  /** The store as a `TraceSource` for search. */
  readonly source: ReceiverTraceSource;
  /** The current state: off, or each endpoint listening (with its URL) or failed (with the reason). */
  readonly state: ReceiverState;
  readonly onDidChangeState: vscode.Event<ReceiverState>;
  /** One event per trace that received spans. */
  readonly onDidUpdateTrace: (listener: (update: TraceUpdate) => void) => vscode.Disposable;
  /** Resolves once the latest start or restart has finished. */
  whenSettled(): Promise<ReceiverState>;
  /** Restarts from the current settings (settings changes do this by themselves). */
  restart(): Promise<ReceiverState>;
}

/** Starts the built-in OTLP/Zipkin receiver per the settings; never fails activation (problems are shown and logged). */
export function activateReceiver(host: Host): ReceiverFeature {
  const controller = new ReceiverController(host);
  host.track(controller, controller.watchSettings());
  void controller.restart();
  return {
    store: controller.store,
    source: new ReceiverTraceSource(controller.store),
    get state() {
      return controller.state;
    },
    onDidChangeState: controller.onDidChangeState,
    onDidUpdateTrace: controller.store.onDidUpdateTrace,
    whenSettled: () => controller.whenSettled(),
    restart: () => controller.restart(),
  };
}
