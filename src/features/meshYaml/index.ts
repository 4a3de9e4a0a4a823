import * as vscode from 'vscode';
import { analyzeMeshYamlFile } from '../../core/meshYaml/analyze';
import { lintAnalyses } from '../../core/meshYaml/lint';
import type { FileAnalysis } from '../../core/meshYaml/sources';
import type { MeshYamlFinding, MeshYamlLintOptions } from '../../core/meshYaml/types';
import type { Host } from '../../host/host';
import { toDiagnostic } from './diagnostics';
import { fileKey, findYamlFiles, readYaml } from './workspaceFiles';

interface IndexedFile {
  readonly uri: vscode.Uri;
  /** The text the analysis (and any fix offsets) refer to. */
  readonly text: string;
  readonly analysis: FileAnalysis;
}

/** Wait this long after the last edit before linting again: the cross-file checks look at every file. */
const lintDelayMs = 250;
/** The longest the first scan parses without yielding the extension host. */
const sliceMs = 20;

/**
 * The workspace's YAML, analysed file by file (re-analysing only what changed) and linted as a whole, with the
 * findings published as diagnostics and kept for the quick fixes.
 */
export class MeshYamlIndex implements vscode.Disposable {
  private readonly files = new Map<string, IndexedFile>();
  private findings = new Map<string, MeshYamlFinding[]>();
  private readonly collection = vscode.languages.createDiagnosticCollection('trace-stitch-yaml');
  private timer: ReturnType<typeof setTimeout> | undefined;
  private scan: Promise<void> | undefined;

  constructor(private readonly host: Host) {}

  private options(): MeshYamlLintOptions {
    const version = this.host.settings.get('yaml.collectorVersion').trim();
    return { ...(version === '' ? {} : { collectorVersion: version }), maxFileBytes: this.host.settings.get('yaml.maxFileSizeKb') * 1024 };
  }

  /** Reads every YAML file of the workspace, then lints; safe to call again (re-reads everything). */
  rescan(): Promise<void> {
    const scan = (async () => {
      const started = Date.now();
      const uris = await findYamlFiles();
      const files = await Promise.all(uris.map(async (uri) => ({ uri, file: await readYaml(uri) })));
      this.files.clear();
      let slice = Date.now();
      for (const { uri, file } of files) {
        if (file) this.store(uri, file.text);
        // Parsing is synchronous: give the extension host's other work a turn every few milliseconds.
        if (Date.now() - slice > sliceMs) {
          await new Promise((resolve) => setImmediate(resolve));
          slice = Date.now();
        }
      }
      this.lintNow();
      this.host.log.info(`YAML diagnostics: read ${this.files.size} YAML files in ${Date.now() - started} ms`);
    })();
    this.scan = scan;
    return scan;
  }

  /** Resolves once the first scan is done. */
  ready(): Promise<void> {
    return this.scan ?? this.rescan();
  }

  private store(uri: vscode.Uri, text: string): void {
    const key = fileKey(uri);
    try {
      this.files.set(key, { uri, text, analysis: analyzeMeshYamlFile({ path: key, text }, this.options().maxFileBytes) });
    } catch (error) {
      this.files.delete(key);
      this.host.log.error(`YAML diagnostics: could not analyse ${key}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  update(uri: vscode.Uri, text: string): void {
    this.store(uri, text);
    this.schedule();
  }

  remove(uri: vscode.Uri): void {
    if (this.files.delete(fileKey(uri))) this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lintNow();
    }, lintDelayMs);
  }

  private lintNow(): void {
    let findings: MeshYamlFinding[];
    try {
      findings = lintAnalyses([...this.files.values()].map((file) => file.analysis), this.options());
    } catch (error) {
      this.host.log.error(`YAML diagnostics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return;
    }
    const byFile = new Map<string, MeshYamlFinding[]>();
    for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    const previous = this.findings;
    this.findings = byFile;
    // Replaced file by file, never cleared first: a quick fix asked for in between would find no diagnostic to fix.
    for (const file of previous.keys()) if (!byFile.has(file)) this.collection.delete(this.uriOf(file));
    this.collection.set([...byFile].map(([file, fileFindings]) => [this.uriOf(file), fileFindings.map((finding) => toDiagnostic(finding, (path) => this.uriOf(path)))]));
  }

  uriOf(file: string): vscode.Uri {
    return this.files.get(file)?.uri ?? (/^[a-z][a-z0-9+.-]+:/i.test(file) && !/^[a-z]:\\/i.test(file) ? vscode.Uri.parse(file) : vscode.Uri.file(file));
  }

  /** The findings of a file, with the text their offsets refer to. */
  findingsOf(uri: vscode.Uri): { readonly text: string; readonly findings: readonly MeshYamlFinding[] } | undefined {
    const key = fileKey(uri);
    const file = this.files.get(key);
    return file ? { text: file.text, findings: this.findings.get(key) ?? [] } : undefined;
  }

  /** The text a file was linted with (for turning fix offsets into positions). */
  textOf(file: string): string | undefined {
    return this.files.get(file)?.text;
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.files.clear();
    this.findings.clear();
    this.collection.clear();
  }

  dispose(): void {
    this.clear();
    this.collection.dispose();
  }
}
