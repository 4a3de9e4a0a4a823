import path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../core/findings/finding';
import { GlobSet } from '../../core/files/glob';
import { PropagationEngine } from '../../core/propagation/engine';
import type { FileAnalysis } from '../../core/propagation/model';
import type { PropagationOptions } from '../../core/propagation/options';
import { ProjectFactsResolver } from '../../core/propagation/project/detect';
import type { ProjectFacts } from '../../core/propagation/project/facts';
import type { ParseSession } from '../../core/propagation/runtime/incremental';
import type { Host } from '../../host/host';
import { toDiagnostic } from './diagnostics';
import { readOptions } from './options';
import { workspaceReader } from './workspaceReader';

/** Findings of one file with the service folder they belong to (the tree view groups by it). */
export interface FileFindings {
  readonly uri: vscode.Uri;
  readonly service: string;
  readonly findings: readonly Finding[];
}

/**
 * The propagation linter inside VS Code: one engine (loaded on first use), project facts per workspace folder,
 * the `trace-stitch` diagnostic collection, and the findings per file that the tree view shows.
 */
export class LinterService implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('trace-stitch');
  private engine: Promise<PropagationEngine> | undefined;
  private readonly resolvers = new Map<string, ProjectFactsResolver>();
  private readonly findingsByFile = new Map<string, FileFindings>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeFindings = this.changed.event;
  private readonly published = new vscode.EventEmitter<{ readonly uri: vscode.Uri; readonly analysis: FileAnalysis }>();
  /** Every analysis the editor publishes (open documents as you type, the workspace scan): code links index them. */
  readonly onDidPublish = this.published.event;

  constructor(private readonly host: Host) {}

  engineReady(): Promise<PropagationEngine> {
    this.engine ??= PropagationEngine.create(path.join(this.host.extension.extensionPath, 'dist', 'wasm'));
    return this.engine;
  }

  options(uri: vscode.Uri): PropagationOptions {
    return readOptions(this.host, uri);
  }

  private resolverFor(uri: vscode.Uri): ProjectFactsResolver {
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
    let resolver = this.resolvers.get(folder);
    if (!resolver) {
      resolver = new ProjectFactsResolver(workspaceReader, folder);
      this.resolvers.set(folder, resolver);
    }
    return resolver;
  }

  /** Forgets what launch files and set-up code said (one of them changed). */
  invalidateFacts(): void {
    for (const resolver of this.resolvers.values()) resolver.invalidate();
  }

  facts(uri: vscode.Uri): Promise<ProjectFacts> {
    return this.resolverFor(uri).factsFor(uri.fsPath);
  }

  serviceFolder(uri: vscode.Uri): Promise<string> {
    return this.resolverFor(uri).serviceFolder(uri.fsPath);
  }

  /** Is the file excluded by `traceStitch.propagation.exclude`? */
  isExcluded(uri: vscode.Uri, options: PropagationOptions): boolean {
    return new GlobSet(options.exclude).matches(vscode.workspace.asRelativePath(uri, false));
  }

  /** Analyses a text as the file `uri` (a document's current text, or a file read by the scan). */
  /** Analyses a text as the file `uri`; an open document passes its parse session to re-parse incrementally. */
  async analyze(uri: vscode.Uri, text: string, options = this.options(uri), session?: ParseSession): Promise<{ analysis: FileAnalysis; facts: ProjectFacts }> {
    const engine = await this.engineReady();
    const facts = await this.facts(uri);
    return { analysis: engine.analyze({ path: uri.fsPath, text, options, facts, ...(session ? { session } : {}) }), facts };
  }

  async publish(uri: vscode.Uri, analysis: FileAnalysis): Promise<void> {
    const service = await this.serviceFolder(uri);
    this.diagnostics.set(uri, analysis.findings.map(toDiagnostic));
    if (analysis.findings.length > 0) this.findingsByFile.set(uri.toString(), { uri, service, findings: analysis.findings });
    else this.findingsByFile.delete(uri.toString());
    for (const note of analysis.notes) this.host.log.info(`${vscode.workspace.asRelativePath(uri)}: ${note}`);
    this.changed.fire();
    this.published.fire({ uri, analysis });
  }

  clear(uri: vscode.Uri): void {
    this.diagnostics.delete(uri);
    if (this.findingsByFile.delete(uri.toString())) this.changed.fire();
  }

  clearAll(): void {
    this.diagnostics.clear();
    this.findingsByFile.clear();
    this.changed.fire();
  }

  allFindings(): readonly FileFindings[] {
    return [...this.findingsByFile.values()];
  }

  dispose(): void {
    this.diagnostics.dispose();
    this.changed.dispose();
    this.published.dispose();
    void this.engine?.then((engine) => {
      engine.dispose();
    });
  }
}
