import * as vscode from 'vscode';
import type { Finding } from '../../core/findings/finding';
import { proposeFixes } from '../../core/propagation/fixes/propose';
import { diagnosticSource } from './diagnostics';
import { lintPathOf } from './documentLinter';
import type { LinterService } from './linterService';

/** Quick fixes for `trace-stitch` diagnostics: forward the trace headers (or use otelhttp), or ignore the line or file. */
export class PropagationCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly service: LinterService) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const diagnostics = context.diagnostics.filter((diagnostic) => diagnostic.source === diagnosticSource);
    const path = lintPathOf(document);
    if (diagnostics.length === 0 || path === undefined) return [];
    const engine = await this.service.engineReady();
    const uri = document.uri.scheme === 'file' ? document.uri : vscode.Uri.file(path);
    const text = document.getText();
    const options = this.service.options(document.uri);
    const { analysis, facts } = await this.service.analysisOf(document, uri, options);
    if (token.isCancellationRequested) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      const finding: Finding | undefined = analysis.findings.find(
        (candidate) => candidate.line === diagnostic.range.start.line + 1 && candidate.column === diagnostic.range.start.character + 1,
      );
      if (!finding) continue;
      for (const fix of proposeFixes(engine, { path: uri.fsPath, text, analysis, options, facts }, finding)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred;
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of fix.edits) {
          action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.startOffset), document.positionAt(edit.endOffset)), edit.newText);
        }
        actions.push(action);
      }
    }
    return actions;
  }
}
