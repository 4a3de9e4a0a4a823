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
  /** Options per resource, read from the settings once until they change (a lint runs after every pause in typing). */
  private readonly optionsByResource = new Map<string, PropagationOptions>();
  private readonly excludes = new WeakMap<PropagationOptions, GlobSet>();
  /** What each open document's last lint found, for its version: quick fixes for that version need no new analysis. */
  private readonly lastLint = new Map<string, { readonly version: number; readonly analysis: FileAnalysis; readonly facts: ProjectFacts }>();
  /** What each file's diagnostics were last built from, so an edit that changes no finding publishes nothing. */
  private readonly published = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeFindings = this.changed.event;
  private readonly analyzed = new vscode.EventEmitter<{ readonly uri: vscode.Uri; readonly analysis: FileAnalysis }>();
  /**
   * Every analysis the editor publishes (open documents as you type, the workspace scan), also when its findings did
   * not change: code links index the handlers and calls in it.
   */
  readonly onDidPublish = this.analyzed.event;

  constructor(private readonly host: Host) {}

  engineReady(): Promise<PropagationEngine> {
    this.engine ??= PropagationEngine.create(path.join(this.host.extension.extensionPath, 'dist', 'wasm'));
    return this.engine;
  }

  options(uri: vscode.Uri): PropagationOptions {
    const key = uri.toString();
    let options = this.optionsByResource.get(key);
    if (!options) {
      options = readOptions(this.host, uri);
      this.optionsByResource.set(key, options);
    }
    return options;
  }

  /** Forgets the options read so far (`traceStitch.propagation.*` changed). */
  forgetOptions(): void {
    this.optionsByResource.clear();
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

  /** Forgets what a Go source's package declares (one of its files changed), leaving every other fact read so far. */
  invalidateGoPackage(uri: vscode.Uri): void {
    this.resolverFor(uri).invalidateGoPackage(path.dirname(uri.fsPath));
  }

  facts(uri: vscode.Uri): Promise<ProjectFacts> {
    return this.resolverFor(uri).factsFor(uri.fsPath);
  }

  serviceFolder(uri: vscode.Uri): Promise<string> {
    return this.resolverFor(uri).serviceFolder(uri.fsPath);
  }

  /** Is the file excluded by `traceStitch.propagation.exclude`? */
  isExcluded(uri: vscode.Uri, options: PropagationOptions): boolean {
    let globs = this.excludes.get(options);
    if (!globs) {
      globs = new GlobSet(options.exclude);
      this.excludes.set(options, globs);
    }
    return globs.matches(vscode.workspace.asRelativePath(uri, false));
  }

  /** Analyses a text as the file `uri`; an open document passes its parse session to re-parse incrementally. */
  async analyze(uri: vscode.Uri, text: string, options = this.options(uri), session?: ParseSession): Promise<{ analysis: FileAnalysis; facts: ProjectFacts }> {
    const engine = await this.engineReady();
    const facts = await this.facts(uri);
    return { analysis: engine.analyze({ path: uri.fsPath, text, options, facts, findingsOnly: true, ...(session ? { session } : {}) }), facts };
  }

  /** Remembers an open document's lint, for quick fixes asked for the same version. */
  rememberLint(document: vscode.TextDocument, analysis: FileAnalysis, facts: ProjectFacts): void {
    this.lastLint.set(document.uri.toString(), { version: document.version, analysis, facts });
  }

  /** The analysis of a document's current version: the last lint's when it is of that version, a new one otherwise. */
  async analysisOf(document: vscode.TextDocument, uri: vscode.Uri, options: PropagationOptions): Promise<{ analysis: FileAnalysis; facts: ProjectFacts }> {
    const last = this.lastLint.get(document.uri.toString());
    if (last?.version === document.version) return last;
    return this.analyze(uri, document.getText(), options);
  }

  forgetDocument(uri: vscode.Uri): void {
    this.lastLint.delete(uri.toString());
  }

  async publish(uri: vscode.Uri, analysis: FileAnalysis): Promise<void> {
    // Typing inside a function rarely changes what is reported: then the diagnostics, the view and the log stay.
    this.analyzed.fire({ uri, analysis });
    const key = uri.toString();
    const state = JSON.stringify([analysis.findings, analysis.notes]);
    if (this.published.get(key) === state) return;
    this.published.set(key, state);
    const service = await this.serviceFolder(uri);
    this.diagnostics.set(uri, analysis.findings.map(toDiagnostic));
    if (analysis.findings.length > 0) this.findingsByFile.set(uri.toString(), { uri, service, findings: analysis.findings });
    else this.findingsByFile.delete(uri.toString());
    for (const note of analysis.notes) this.host.log.info(`${vscode.workspace.asRelativePath(uri)}: ${note}`);
    this.changed.fire();
  }

  clear(uri: vscode.Uri): void {
    this.published.delete(uri.toString());
    this.diagnostics.delete(uri);
    if (this.findingsByFile.delete(uri.toString())) this.changed.fire();
  }

  clearAll(): void {
    this.published.clear();
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
    this.analyzed.dispose();
    void this.engine?.then((engine) => {
      engine.dispose();
    });
  }
}
