import path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../core/findings/finding';
import { rangeOf } from './diagnostics';
import type { FileFindings, LinterService } from './linterService';

export const findingsViewId = 'traceStitch.propagation';

type Item =
  | { readonly kind: 'service'; readonly service: string; readonly files: readonly FileFindings[] }
  | { readonly kind: 'file'; readonly file: FileFindings }
  | { readonly kind: 'finding'; readonly uri: vscode.Uri; readonly finding: Finding };

/** The Broken Propagation view: service folder → file → finding, each finding opening its call. */
export class FindingsTree implements vscode.TreeDataProvider<Item>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Item | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: LinterService) {
    this.subscription = service.onDidChangeFindings(() => {
      this.changed.fire(undefined);
    });
  }

  getChildren(item?: Item): Item[] {
    if (!item) {
      const byService = new Map<string, FileFindings[]>();
      for (const file of this.service.allFindings()) {
        const list = byService.get(file.service);
        if (list) list.push(file);
        else byService.set(file.service, [file]);
      }
      return [...byService]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([service, files]) => ({ kind: 'service', service, files: files.sort((a, b) => a.uri.fsPath.localeCompare(b.uri.fsPath)) }));
    }
    if (item.kind === 'service') return item.files.map((file) => ({ kind: 'file', file }));
    if (item.kind === 'file') return item.file.findings.map((finding) => ({ kind: 'finding', uri: item.file.uri, finding }));
    return [];
  }

  getTreeItem(item: Item): vscode.TreeItem {
    if (item.kind === 'service') {
      const count = item.files.reduce((sum, file) => sum + file.findings.length, 0);
      const relative = vscode.workspace.asRelativePath(item.service, false);
      const label = relative === '' || relative === item.service ? path.basename(item.service) : relative;
      const treeItem = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      treeItem.description = `${count} ${count === 1 ? 'call' : 'calls'}`;
      treeItem.iconPath = new vscode.ThemeIcon('server-process');
      return treeItem;
    }
    if (item.kind === 'file') {
      const treeItem = new vscode.TreeItem(item.file.uri, vscode.TreeItemCollapsibleState.Expanded);
      treeItem.description = path.relative(item.file.service, path.dirname(item.file.uri.fsPath)) || undefined;
      return treeItem;
    }
    const { finding } = item;
    const call = /^`([^`]+)`/.exec(finding.message)?.[1] ?? finding.ruleId;
    const treeItem = new vscode.TreeItem(call, vscode.TreeItemCollapsibleState.None);
    treeItem.description = `${finding.ruleId} · line ${finding.line}`;
    treeItem.tooltip = finding.message;
    treeItem.iconPath = new vscode.ThemeIcon(finding.severity === 'error' ? 'error' : 'warning');
    treeItem.command = { command: 'vscode.open', title: 'Open', arguments: [item.uri, { selection: rangeOf(finding) }] };
    return treeItem;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
