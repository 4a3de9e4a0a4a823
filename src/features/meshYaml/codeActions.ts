import * as vscode from 'vscode';
import type { YamlFix } from '../../core/meshYaml/types';
import { LineIndex } from '../../core/yaml/lineIndex';
import { isDiagnosticOf } from './diagnostics';
import type { MeshYamlIndex } from './index';

/** Turns a fix's offset edits into a WorkspaceEdit, against the texts the fix was computed on. */
function workspaceEdit(index: MeshYamlIndex, fix: YamlFix): vscode.WorkspaceEdit | undefined {
  const edit = new vscode.WorkspaceEdit();
  const lineIndexes = new Map<string, LineIndex>();
  for (const change of fix.edits) {
    const text = index.textOf(change.file);
    if (text === undefined) return undefined;
    let lines = lineIndexes.get(change.file);
    if (!lines) {
      lines = new LineIndex(text);
      lineIndexes.set(change.file, lines);
    }
    const start = lines.position(change.start);
    const end = lines.position(change.end);
    edit.replace(index.uriOf(change.file), new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1), change.newText);
  }
  return edit;
}

/** Quick fixes for the YAML linter's diagnostics, computed by the linter itself. */
export class MeshYamlCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly index: MeshYamlIndex) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const linted = this.index.findingsOf(document.uri);
    // Offsets are only valid for the text that was linted; after an edit, wait for the next lint.
    if (linted?.text !== document.getText()) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const finding = linted.findings.find((candidate) => isDiagnosticOf(diagnostic, candidate));
      for (const fix of finding?.fixes ?? []) {
        const edit = workspaceEdit(this.index, fix);
        if (!edit) continue;
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = edit;
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.isPreferred;
        actions.push(action);
      }
    }
    return actions;
  }
}
