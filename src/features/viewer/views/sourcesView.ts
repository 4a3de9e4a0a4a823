import * as vscode from 'vscode';
import { formatCount, formatDuration } from '../../../core/viewer/layout/format';
import type { SourceRegistry } from '../sources/registry';
import type { ViewerSource } from '../sources/viewerSource';
import { FileSource } from '../sources/fileSource';

export const sourcesViewId = 'traceStitch.sources';
export const showSourceCommand = 'traceStitch.showSource';
export const openTraceFromViewCommand = 'traceStitch.openTraceRef';

type Node = { readonly kind: 'source'; readonly source: ViewerSource } | { readonly kind: 'trace'; readonly source: FileSource; readonly traceId: string };

const icons: Readonly<Record<ViewerSource['kind'], string>> = { receiver: 'radio-tower', jaeger: 'server-environment', file: 'file' };

/**
 * The Sources view: the built-in receiver (ports, spans), each Jaeger endpoint (state) and each opened file (its
 * traces as children). Clicking a source opens the viewer's search on it; clicking a trace opens the trace.
 */
export class SourcesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly registry: SourceRegistry) {
    this.subscription = registry.onDidChange(() => {
      this.changed.fire(undefined);
    });
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.registry.list().map((source) => ({ kind: 'source', source }));
    if (node.kind === 'source' && node.source instanceof FileSource) {
      const source = node.source;
      return source.traces.map((trace) => ({ kind: 'trace', source, traceId: trace.traceId }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'trace') return this.traceItem(node.source, node.traceId);
    const { source } = node;
    const info = source.info();
    const collapsible = source instanceof FileSource ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(info.label, collapsible);
    item.id = source.id;
    item.description = info.detail;
    item.tooltip = new vscode.MarkdownString(undefined, true);
    item.tooltip.appendText(`${info.label}\n\n${info.detail}`);
    if (source instanceof FileSource) item.tooltip.appendText(`\n\n${source.location}`);
    item.iconPath = new vscode.ThemeIcon(info.state === 'error' ? 'error' : icons[source.kind]);
    item.contextValue = `traceStitch.${source.kind}Source`;
    item.command = { command: showSourceCommand, title: 'Search', arguments: [source.id] };
    item.accessibilityInformation = { label: `${info.label}, ${source.kind} source, ${info.detail}` };
    return item;
  }

  private traceItem(source: FileSource, traceId: string): vscode.TreeItem {
    const trace = source.traces.find((candidate) => candidate.traceId === traceId);
    const root = trace?.spans.find((span) => span.parentSpanId === undefined) ?? trace?.spans[0];
    const item = new vscode.TreeItem(root ? `${root.service}: ${root.name}` : traceId);
    item.id = `${source.id}\n${traceId}`;
    const start = trace?.spans.reduce((min, span) => Math.min(min, span.startNs), Infinity) ?? 0;
    const end = trace?.spans.reduce((max, span) => Math.max(max, span.startNs + span.durationNs), 0) ?? 0;
    item.description = `${formatCount(trace?.spans.length ?? 0)} spans · ${formatDuration(end - start)}`;
    item.tooltip = `Trace ${traceId}`;
    item.iconPath = new vscode.ThemeIcon('pulse');
    item.command = { command: openTraceFromViewCommand, title: 'Open Trace', arguments: [{ sourceId: source.id, traceId }] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
