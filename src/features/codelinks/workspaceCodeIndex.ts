import * as vscode from 'vscode';
import type { CodeIndex } from '../../core/codelinks/codeIndex';
import { codeIndexFromAnalyses } from '../../core/codelinks/fromPropagation';
import type { WorkspaceIndex } from '../../core/codelinks/tracePath';
import { PropagationEngine } from '../../core/propagation/engine';
import type { FileAnalysis } from '../../core/propagation/model';
import type { Host } from '../../host/host';
import type { LinterService } from '../propagation/linterService';
import { lintableFiles } from '../propagation/workspaceScan';

const maxFileBytes = 1024 * 1024;
/** Paths are matched by suffix against every workspace file; beyond this many the list is cut (and logged). */
const maxListedFiles = 100_000;

/** The workspace's code as code links see it: handlers and call sites (from the linter), and every file's path. */
export interface WorkspaceCode {
  readonly code: CodeIndex;
  readonly workspace: WorkspaceIndex;
}

function normalizedPath(uri: vscode.Uri): string {
  return uri.fsPath.split('\\').join('/');
}

/**
 * Keeps the handlers and outbound calls of every lintable workspace file, built once in the background when first
 * needed and kept current from the linter's own analyses (open documents as you type) and file events.
 */
export class WorkspaceCodeIndex implements vscode.Disposable {
  private readonly analyses = new Map<string, FileAnalysis>();
  private files: string[] = [];
  private building: Promise<void> | undefined;
  private cached: WorkspaceCode | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly host: Host,
    private readonly linter: LinterService,
  ) {
    this.disposables.push(
      linter.onDidPublish(({ uri, analysis }) => {
        this.store(uri, analysis);
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.refreshFile(uri, true)),
      watcher.onDidChange((uri) => void this.refreshFile(uri, false)),
      watcher.onDidDelete((uri) => {
        this.files = this.files.filter((file) => file !== normalizedPath(uri));
        this.analyses.delete(uri.toString());
        this.invalidate();
      }),
    );
  }

  /** The index, built on first call; later calls return at once. */
  async get(): Promise<WorkspaceCode> {
    this.building ??= this.build();
    await this.building;
    this.cached ??= {
      code: codeIndexFromAnalyses(this.analyses.values()),
      workspace: {
        folders: (vscode.workspace.workspaceFolders ?? []).map((folder) => normalizedPath(folder.uri)),
        files: this.files,
      },
    };
    return this.cached;
  }

  private async build(): Promise<void> {
    const started = Date.now();
    const source = new vscode.CancellationTokenSource();
    try {
      const listed = await vscode.workspace.findFiles('**/*', undefined, maxListedFiles, source.token);
      if (listed.length === maxListedFiles) this.host.log.warn(`Code links: the workspace has over ${maxListedFiles} files; paths in traces are matched against the first ${maxListedFiles}.`);
      this.files = listed.map(normalizedPath);
      for (const uri of await lintableFiles(this.linter, source.token)) {
        if (!this.analyses.has(uri.toString())) await this.analyzeFromDisk(uri);
        // Indexing a large workspace must not starve the extension host.
        await new Promise((resolve) => setImmediate(resolve));
      }
      this.host.log.info(`Code links: indexed ${this.analyses.size} source files in ${Date.now() - started} ms`);
    } catch (error) {
      this.host.log.error(`Code links: indexing the workspace failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      source.dispose();
    }
  }

  private async analyzeFromDisk(uri: vscode.Uri): Promise<void> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > maxFileBytes) return;
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
      const text = open?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const { analysis } = await this.linter.analyze(uri, text);
      this.store(uri, analysis);
    } catch (error) {
      this.host.log.warn(`Code links: could not index ${vscode.workspace.asRelativePath(uri)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async refreshFile(uri: vscode.Uri, created: boolean): Promise<void> {
    if (created && !this.files.includes(normalizedPath(uri))) {
      this.files = [...this.files, normalizedPath(uri)];
      this.invalidate();
    }
    // Open documents are re-analysed by the linter as they change; files changed on disk are read again.
    const open = vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
    if (!this.building || open) return;
    if (PropagationEngine.handles(uri.fsPath) && !this.linter.isExcluded(uri, this.linter.options(uri))) await this.analyzeFromDisk(uri);
  }

  private store(uri: vscode.Uri, analysis: FileAnalysis): void {
    this.analyses.set(uri.toString(), analysis);
    this.invalidate();
  }

  private invalidate(): void {
    this.cached = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
