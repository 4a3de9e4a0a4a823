import * as vscode from 'vscode';
import { PropagationEngine } from '../../core/propagation/engine';
import { ParseSession } from '../../core/propagation/runtime/incremental';
import type { Host } from '../../host/host';
import type { LinterService } from './linterService';

/** How long typing must pause before a document is linted again. */
export const lintDelayMs = 300;

const languageExtensions: Readonly<Record<string, string>> = {
  python: '.py',
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
  go: '.go',
  java: '.java',
};

/** The path the engine sees: the file's own, or one with the language's extension for untitled documents. */
export function lintPathOf(document: vscode.TextDocument): string | undefined {
  const extension = languageExtensions[document.languageId];
  if (document.uri.scheme === 'file' && PropagationEngine.handles(document.uri.fsPath)) return document.uri.fsPath;
  return extension === undefined ? undefined : `${document.uri.fsPath || document.uri.path}${extension}`;
}

/**
 * Lints open documents: at once when opened, after a pause in typing when edited. A newer edit cancels a lint
 * that is still waiting for its project facts, and results for an outdated version are dropped, so typing is
 * never blocked and diagnostics never lag behind a newer text.
 */
export class DocumentLinter implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly pending = new Map<string, vscode.CancellationTokenSource>();
  /** Each open document's last parse tree, so a lint after typing re-parses only the edited part. */
  private readonly sessions = new Map<string, ParseSession>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly host: Host,
    private readonly service: LinterService,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => {
        this.schedule(document, 0);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document, lintDelayMs);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const key = document.uri.toString();
        this.cancel(key);
        this.sessions.get(key)?.dispose();
        this.sessions.delete(key);
        this.service.forgetDocument(document.uri);
      }),
    );
  }

  lintOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  schedule(document: vscode.TextDocument, delayMs: number): void {
    if (lintPathOf(document) === undefined || document.uri.scheme === 'output' || document.uri.scheme === 'git') return;
    const key = document.uri.toString();
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lint(document);
      }, delayMs),
    );
  }

  private cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    this.pending.get(key)?.cancel();
  }

  /** Lints the document's current text now; resolves when its diagnostics are published (or the lint was superseded). */
  async lint(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const path = lintPathOf(document);
    if (path === undefined || document.isClosed) return;
    const source = new vscode.CancellationTokenSource();
    this.pending.get(key)?.cancel();
    this.pending.set(key, source);
    const version = document.version;
    try {
      const uri = document.uri.scheme === 'file' ? document.uri : vscode.Uri.file(path);
      const options = this.service.options(document.uri);
      if (this.service.isExcluded(document.uri, options)) {
        this.service.clear(document.uri);
        return;
      }
      let session = this.sessions.get(key);
      if (!session) {
        session = new ParseSession();
        this.sessions.set(key, session);
      }
      const { analysis, facts } = await this.service.analyze(uri, document.getText(), options, session);
      if (source.token.isCancellationRequested || document.version !== version) return;
      this.service.rememberLint(document, analysis, facts);
      await this.service.publish(document.uri, { ...analysis, findings: analysis.findings.map((finding) => ({ ...finding, file: document.uri.fsPath })) });
    } catch (error) {
      this.host.log.error(`Linting ${vscode.workspace.asRelativePath(document.uri)} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      if (this.pending.get(key) === source) this.pending.delete(key);
      source.dispose();
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const source of this.pending.values()) source.cancel();
    for (const session of this.sessions.values()) session.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
