import * as vscode from 'vscode';
import { TraceReceiver, type ReceiverEndpoint, type ReceiverOptions } from '../../core/receiver/receiver';
import { TraceStore } from '../../core/receiver/traceStore';
import type { Host } from '../../host/host';

/** What the receiver is doing: off, or its endpoints (listening or failed, each with its message). */
export interface ReceiverState {
  readonly enabled: boolean;
  readonly endpoints: readonly ReceiverEndpoint[];
}

const settingKeys = ['receiver.enabled', 'receiver.host', 'receiver.otlpPort', 'receiver.zipkinPort'] as const;

/**
 * Runs the built-in receiver as the settings say: starts it, restarts it when they change (one restart at a time),
 * and tells the user, without blocking, when a port is taken. The store outlives restarts, so changing a port
 * loses no traces.
 */
export class ReceiverController implements vscode.Disposable {
  readonly store: TraceStore;
  private receiver: TraceReceiver | undefined;
  private current: ReceiverState = { enabled: false, endpoints: [] };
  private settling: Promise<ReceiverState> = Promise.resolve(this.current);
  private readonly stateChanged = new vscode.EventEmitter<ReceiverState>();
  /** Failures already shown, so a window does not repeat the same warning on every restart. */
  private readonly warned = new Set<string>();
  readonly onDidChangeState = this.stateChanged.event;

  constructor(private readonly host: Host) {
    this.store = new TraceStore(host.settings.get('receiver.maxSpans'), (error) => {
      host.log.error(`A trace listener failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
  }

  get state(): ReceiverState {
    return this.current;
  }

  /** Resolves with the state once the latest start or restart has finished. */
  whenSettled(): Promise<ReceiverState> {
    return this.settling;
  }

  /** Subscribes to the settings this controller follows. */
  watchSettings(): vscode.Disposable {
    return vscode.Disposable.from(
      this.host.settings.onDidChange([...settingKeys], () => void this.restart()),
      this.host.settings.onDidChange(['receiver.maxSpans'], () => {
        this.store.setMaxSpans(this.host.settings.get('receiver.maxSpans'));
      }),
    );
  }

  /** Stops whatever runs and starts again from the current settings; calls queue up rather than overlap. */
  restart(): Promise<ReceiverState> {
    this.settling = this.settling.then(
      () => this.applySettings(),
      () => this.applySettings(),
    );
    return this.settling;
  }

  dispose(): void {
    void this.receiver?.stop();
    this.receiver = undefined;
    this.stateChanged.dispose();
    this.store.dispose();
  }

  private async applySettings(): Promise<ReceiverState> {
    try {
      await this.receiver?.stop();
      this.receiver = undefined;
      if (!this.host.settings.get('receiver.enabled')) {
        this.host.log.info('Receiver disabled (traceStitch.receiver.enabled)');
        return this.publish({ enabled: false, endpoints: [] });
      }
      const options: ReceiverOptions = {
        host: this.host.settings.get('receiver.host'),
        otlpPort: this.host.settings.get('receiver.otlpPort'),
        zipkinPort: this.host.settings.get('receiver.zipkinPort'),
      };
      this.receiver = await TraceReceiver.start(options, this.store, this.host.log);
      const state = this.publish({ enabled: true, endpoints: this.receiver.endpoints });
      for (const endpoint of state.endpoints) if (endpoint.status === 'failed') this.warn(endpoint);
      return state;
    } catch (error) {
      // Nothing above should throw; if it does, the extension keeps running without a receiver.
      this.host.showError('Trace Stitch could not start its trace receiver', error);
      return this.publish({ enabled: true, endpoints: [] });
    }
  }

  private publish(state: ReceiverState): ReceiverState {
    this.current = state;
    this.stateChanged.fire(state);
    return state;
  }

  private warn(endpoint: ReceiverEndpoint): void {
    const key = `${endpoint.protocol}:${endpoint.host}:${endpoint.port}:${endpoint.errorCode ?? ''}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    const name = endpoint.protocol === 'otlp' ? 'OTLP' : 'Zipkin';
    const setting = endpoint.protocol === 'otlp' ? 'traceStitch.receiver.otlpPort' : 'traceStitch.receiver.zipkinPort';
    const message = `Trace Stitch: the built-in ${name} receiver is not running: ${endpoint.error ?? 'it could not start'}. Set ${setting} to a free port (0 picks one).`;
    // Not awaited: the message must never hold up activation or a restart.
    void vscode.window.showWarningMessage(message, 'Change Port', 'Show Log').then((choice) => {
      if (choice === 'Change Port') void vscode.commands.executeCommand('workbench.action.openSettings', setting);
      if (choice === 'Show Log') this.host.logChannel.show(true);
    });
  }
}
