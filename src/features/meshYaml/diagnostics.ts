import * as vscode from 'vscode';
import type { FindingSeverity } from '../../core/findings/finding';
import { ruleDocumentationUrl } from '../../core/meshYaml/rules';
import type { MeshYamlFinding } from '../../core/meshYaml/types';

/** Diagnostics of the YAML linter say where they come from, and link their rule to its README section. */
const diagnosticSource = 'trace-stitch';

const severities: Readonly<Record<FindingSeverity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function range(location: { line: number; column: number; endLine: number; endColumn: number }): vscode.Range {
  return new vscode.Range(location.line - 1, location.column - 1, location.endLine - 1, location.endColumn - 1);
}

export function toDiagnostic(finding: MeshYamlFinding, uriOf: (file: string) => vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(range(finding), finding.message, severities[finding.severity]);
  diagnostic.source = diagnosticSource;
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(ruleDocumentationUrl(finding.ruleId)) };
  diagnostic.relatedInformation = finding.related.map(
    (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOf(related.file), range(related)), related.message),
  );
  return diagnostic;
}

/** Whether a diagnostic the editor hands back is the one made from `finding` (code actions get copies). */
export function isDiagnosticOf(diagnostic: vscode.Diagnostic, finding: MeshYamlFinding): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return diagnostic.source === diagnosticSource && code === finding.ruleId && diagnostic.message === finding.message && diagnostic.range.isEqual(range(finding));
}
