import * as vscode from 'vscode';
import type { SourceInfo } from '../../../core/viewer/protocol';
import type { ViewerSource } from './viewerSource';

/** Every source the viewer knows, in the order the Sources view and the search form list them. */
export class SourceRegistry implements vscode.Disposable {
  private readonly sources = new Map<string, ViewerSource>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** A source was added, removed, or its state changed. */
  readonly onDidChange = this.changed.event;

  add(source: ViewerSource): void {
    this.sources.get(source.id)?.dispose();
    this.sources.set(source.id, source);
    this.changed.fire();
  }

  remove(id: string): void {
    const source = this.sources.get(id);
    if (!source) return;
    this.sources.delete(id);
    source.dispose();
    this.changed.fire();
  }

  get(id: string): ViewerSource | undefined {
    return this.sources.get(id);
  }

  /** Receiver first, then Jaeger endpoints, then files (each in the order added). */
  list(): ViewerSource[] {
    const order = { receiver: 0, jaeger: 1, file: 2 } as const;
    return [...this.sources.values()].sort((a, b) => order[a.kind] - order[b.kind]);
  }

  infos(): SourceInfo[] {
    return this.list().map((source) => source.info());
  }

  /** Tells listeners that a source's state (reachability, span count) changed. */
  notify(): void {
    this.changed.fire();
  }

  dispose(): void {
    for (const source of this.sources.values()) source.dispose();
    this.sources.clear();
    this.changed.dispose();
  }
}
