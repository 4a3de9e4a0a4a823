import * as vscode from 'vscode';
import { errorReason } from '../../core/analysis/errors';
import { countBrokenCalls, type BrokenCallFigures } from '../../core/codelinks/brokenCalls';
import { computeCodeFigures, type LineFigures, type SpanRef } from '../../core/codelinks/codeFigures';
import type { TraceLibrary } from '../../core/viewer/traceLibrary';
import type { Host } from '../../host/host';
import { brokenText, figuresText } from './figureText';
import { readPathMappings } from './pathMappings';
import type { WorkspaceCodeIndex } from './workspaceCodeIndex';

export const showCodeTracesCommand = 'traceStitch.showCodeTraces';

/** What the loaded traces say about one line: its figures and, for a call, the broken traces it caused. */
export interface LineReport {
  readonly figures: readonly LineFigures[];
  readonly broken?: BrokenCallFigures;
}

const recomputeDelayMs = 750;

function key(file: string, line: number): string {
  return `${file}\n${line}`;
}

/** Core events hand out plain `{ dispose }` objects; VS Code lists want its own class. */
function toDisposable(subscription: { dispose(): unknown }): vscode.Disposable {
  return new vscode.Disposable(() => {
    subscription.dispose();
  });
}

interface MutableReport {
  readonly figures: LineFigures[];
  broken?: BrokenCallFigures;
}

function normalizedPath(uri: vscode.Uri): string {
  return uri.fsPath.split('\\').join('/');
}

/**
 * Keeps the figures of every line of code the loaded traces touch — handlers (server spans), outbound calls (client
 * spans), broken traces tied to their call — and shows them as CodeLens, hovers and error marks in the gutter,
 * recomputed as traces arrive and as the code changes.
 */
export class CodeFigures implements vscode.CodeLensProvider, vscode.HoverProvider, vscode.Disposable {
  private lines = new Map<string, LineReport>();
  private files = new Map<string, number[]>();
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly errorMark: vscode.TextEditorDecorationType;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly host: Host,
    private readonly library: TraceLibrary,
    private readonly index: WorkspaceCodeIndex,
  ) {
    this.errorMark = vscode.window.createTextEditorDecorationType({
      gutterIconPath: vscode.Uri.joinPath(host.extension.extensionUri, 'media', 'error-gutter.svg'),
      gutterIconSize: 'contain',
      overviewRulerColor: new vscode.ThemeColor('editorError.foreground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    });
    const schedule = (): void => {
      this.schedule();
    };
    this.disposables.push(
      toDisposable(this.errorMark),
      toDisposable(library.onDidChange(schedule)),
      toDisposable(index.onDidChange(schedule)),
      host.settings.onDidChange(['pathMappings', 'codeLinks.codeLens', 'codeLinks.errorGutter'], schedule),
      vscode.window.onDidChangeVisibleTextEditors(() => {
        this.decorate();
      }),
    );
  }

  /** What is known about a line (1-based) of a file. */
  report(file: string, line: number): LineReport | undefined {
    return this.lines.get(key(file, line));
  }

  /** The spans behind a line's figures and broken traces. */
  spansAt(file: string, line: number): SpanRef[] {
    const report = this.report(file, line);
    return [...(report?.figures.flatMap((figures) => figures.spans) ?? []), ...(report?.broken?.spans ?? [])];
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.recompute();
    }, recomputeDelayMs);
  }

  private async recompute(): Promise<void> {
    const loaded = this.library.all();
    if (loaded.length === 0 && this.lines.size === 0) return;
    try {
      const { code, workspace } = await this.index.get();
      const mappings = readPathMappings(this.host.settings.get('pathMappings'), () => undefined);
      const traces = loaded.map((entry) => entry.analysis.trace);
      const figures = computeCodeFigures(traces, { code, workspace, mappings }, (span) => errorReason(span) !== undefined);
      const broken = countBrokenCalls(this.library.brokenLinks(), code, workspace);
      const lines = new Map<string, MutableReport>();
      const files = new Map<string, number[]>();
      const report = (file: string, line: number): MutableReport => {
        let entry = lines.get(key(file, line));
        if (!entry) {
          entry = { figures: [] };
          lines.set(key(file, line), entry);
          files.set(file, [...(files.get(file) ?? []), line]);
        }
        return entry;
      };
      for (const entry of figures) report(entry.file, entry.line).figures.push(entry);
      for (const entry of broken) report(entry.call.file, entry.call.line).broken = entry;
      this.lines = lines;
      this.files = files;
      this.lensesChanged.fire();
      this.decorate();
    } catch (error) {
      this.host.log.warn(`Code links: computing trace figures failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.host.settings.get('codeLinks.codeLens')) return [];
    const file = normalizedPath(document.uri);
    return (this.files.get(file) ?? []).flatMap((line) => {
      const report = this.report(file, line);
      if (!report || line > document.lineCount) return [];
      const range = document.lineAt(line - 1).range;
      const lenses = report.figures.map(
        (figures) =>
          new vscode.CodeLens(range, { title: `$(pulse) ${figuresText(figures)}`, command: showCodeTracesCommand, arguments: [file, line], tooltip: 'Show these traces in the Trace Stitch viewer' }),
      );
      if (report.broken) {
        lenses.push(new vscode.CodeLens(range, { title: `$(debug-disconnect) ${brokenText(report.broken)}`, command: showCodeTracesCommand, arguments: [file, line], tooltip: 'Show the broken traces this call caused' }));
      }
      return lenses;
    });
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const report = this.report(normalizedPath(document.uri), position.line + 1);
    if (!report) return undefined;
    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.isTrusted = { enabledCommands: [showCodeTracesCommand] };
    markdown.appendMarkdown('**Trace Stitch**');
    for (const figures of report.figures) markdown.appendMarkdown(`  \n$(pulse) ${figuresText(figures)}`);
    if (report.broken) {
      markdown.appendMarkdown(`  \n$(debug-disconnect) ${brokenText(report.broken)} observed for this call: it does not forward the trace headers.`);
    }
    const args = encodeURIComponent(JSON.stringify([normalizedPath(document.uri), position.line + 1]));
    markdown.appendMarkdown(`  \n[Show traces](command:${showCodeTracesCommand}?${args})`);
    return new vscode.Hover(markdown);
  }

  private decorate(): void {
    const enabled = this.host.settings.get('codeLinks.errorGutter');
    for (const editor of vscode.window.visibleTextEditors) {
      const file = normalizedPath(editor.document.uri);
      const lines = enabled ? (this.files.get(file) ?? []) : [];
      const ranges = lines
        .filter((line) => line <= editor.document.lineCount && (this.report(file, line)?.figures.some((figures) => figures.errors > 0) ?? false))
        .map((line) => editor.document.lineAt(line - 1).range);
      editor.setDecorations(this.errorMark, ranges);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.lensesChanged.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
