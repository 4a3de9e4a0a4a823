import * as vscode from 'vscode';
import { receiverStatusText } from '../../../core/viewer/receiverText';
import type { Host } from '../../../host/host';
import type { ViewerApi } from '../activate';
import { AdaptedSource } from '../sources/adaptedSource';
import type { ReceiverHandle } from './receiverHandle';
import { receiverSourceId, showReceiverTracesCommand, type RecentTracesView } from './recentTracesView';

/** Views refresh at most this often while spans stream in. */
const refreshIntervalMs = 1_000;
/** The most recently updated received traces the library holds at once. */
const liveTraces = 200;

/**
 * Shows the built-in receiver in the viewer: as a search source, in the Recent Traces view, and as a status bar
 * item (listening / spans received / error) that opens the viewer's search on it. `traceUpdated` hears of every
 * trace that gains spans (a viewer showing it updates it).
 */
export function connectReceiver(
  host: Host,
  viewer: ViewerApi,
  recent: RecentTracesView,
  receiver: ReceiverHandle,
  traceUpdated: (traceId: string) => void,
): vscode.Disposable {
  const describe = (): ReturnType<typeof receiverStatusText> => receiverStatusText(receiver.state, receiver.store.stats);
  const source = new AdaptedSource(receiver.source, {
    id: receiverSourceId,
    label: 'Built-in receiver',
    ignoreLookback: false,
    detail: () => describe().detail,
    onStateChange: () => {
      viewer.registry.notify();
    },
  });
  viewer.registry.add(source);
  recent.attach(receiver);
  const statusItem = vscode.window.createStatusBarItem('traceStitch.receiver', vscode.StatusBarAlignment.Left, 10);
  statusItem.name = 'Trace Stitch Receiver';
  statusItem.command = showReceiverTracesCommand;
  const update = (): void => {
    const text = describe();
    statusItem.text = text.text;
    statusItem.tooltip = text.tooltip;
    statusItem.accessibilityInformation = { label: `Trace Stitch receiver: ${text.detail}` };
    statusItem.backgroundColor = text.state === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    statusItem.show();
    viewer.registry.notify();
    recent.refresh();
    // Received traces join the library as they arrive (not only when Recent Traces is visible), so broken links,
    // code links and their figures see them.
    viewer.library.add(receiverSourceId, receiver.store.traces().slice(0, liveTraces));
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const updateSoon = (): void => {
    timer ??= setTimeout(() => {
      timer = undefined;
      update();
    }, refreshIntervalMs);
  };
  update();
  const subscriptions = [
    receiver.store.onDidUpdateTrace((change) => {
      traceUpdated(change.traceId);
      updateSoon();
    }),
    receiver.store.onDidEvictTraces(updateSoon),
    receiver.store.onDidClear(updateSoon),
    receiver.onDidChangeState(update),
  ];
  host.log.info('The built-in receiver is shown in the viewer, the Recent Traces view and the status bar.');
  return new vscode.Disposable(() => {
    if (timer !== undefined) clearTimeout(timer);
    for (const subscription of subscriptions) subscription.dispose();
    statusItem.dispose();
    recent.attach(undefined);
    viewer.registry.remove(receiverSourceId);
  });
}
