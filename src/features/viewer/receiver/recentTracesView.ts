import * as vscode from 'vscode';
import { recentTraceText } from '../../../core/viewer/receiverText';
import { summarizeTrace } from '../../../core/viewer/traceDocument';
import type { TraceLibrary } from '../../../core/viewer/traceLibrary';
import type { TraceRef, TraceSummary } from '../../../core/viewer/protocol';
import { openTraceFromViewCommand } from '../views/sourcesView';
import type { ReceiverHandle } from './receiverHandle';

export const recentTracesViewId = 'traceStitch.recentTraces';
/** The receiver's id among the viewer's sources. */
export const receiverSourceId = 'receiver';
export const showReceiverTracesCommand = 'traceStitch.showReceiverTraces';

/** How many of the newest received traces the view lists. */
const shownTraces = 50;

/**
 * Recent Traces: the newest traces the built-in receiver holds, live. Each shows its root, span and error counts
 * and duration; broken traces (a piece broken off another trace, or a call that lost its context) are marked.
 */
export class RecentTracesView implements vscode.TreeDataProvider<TraceSummary>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private summaries: TraceSummary[] = [];
  private stale = true;
  private receiver: ReceiverHandle | undefined;

  constructor(
    private readonly library: TraceLibrary,
    private readonly sourceId: string,
  ) {}

  /** Lists the receiver's traces (until then, and after, the view is empty and shows its welcome text). */
  attach(receiver: ReceiverHandle | undefined): void {
    this.receiver = receiver;
    this.refresh();
  }

  /** The store changed: list again when the view next asks (the caller throttles). */
  refresh(): void {
    this.stale = true;
    this.changed.fire(undefined);
  }

  getChildren(element?: TraceSummary): TraceSummary[] {
    if (element) return [];
    if (this.stale) {
      const traces = this.receiver?.store.traces().slice(0, shownTraces) ?? [];
      const loaded = this.library.add(this.sourceId, traces);
      const links = this.library.brokenLinks();
      this.summaries = loaded.map((entry) => summarizeTrace(entry.analysis, links));
      this.stale = false;
    }
    return this.summaries;
  }

  getTreeItem(summary: TraceSummary): vscode.TreeItem {
    const text = recentTraceText(summary);
    const item = new vscode.TreeItem(text.label);
    item.id = summary.traceId;
    item.description = text.description;
    item.tooltip = text.tooltip;
    item.iconPath = summary.broken
      ? new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('list.warningForeground'))
      : summary.errorCount > 0
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
        : new vscode.ThemeIcon('pulse');
    item.contextValue = summary.broken ? 'traceStitch.brokenTrace' : 'traceStitch.trace';
    const ref: TraceRef = { sourceId: this.sourceId, traceId: summary.traceId };
    item.command = { command: openTraceFromViewCommand, title: 'Open Trace', arguments: [ref] };
    item.accessibilityInformation = { label: `${text.label}, ${text.description}${summary.broken ? ', broken' : ''}` };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
