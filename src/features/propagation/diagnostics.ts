import * as vscode from 'vscode';
import type { Finding, FindingLocation, FindingSeverity } from '../../core/findings/finding';
import { ruleDocumentation } from '../../core/propagation/findings';
import type { RuleId } from '../../core/propagation/options';

export const diagnosticSource = 'trace-stitch';

const severities: Readonly<Record<FindingSeverity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** 1-based finding positions to a VS Code range. */
export function rangeOf(location: FindingLocation): vscode.Range {
  return new vscode.Range(location.line - 1, location.column - 1, location.endLine - 1, location.endColumn - 1);
}

/** A finding as a diagnostic: source `trace-stitch`, the rule id linked to its README section, the handler as related information. */
export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(rangeOf(finding), finding.message, severities[finding.severity]);
  diagnostic.source = diagnosticSource;
  const target = (ruleDocumentation as Readonly<Record<string, string | undefined>>)[finding.ruleId];
  diagnostic.code = target ? { value: finding.ruleId as RuleId, target: vscode.Uri.parse(target) } : finding.ruleId;
  diagnostic.relatedInformation = finding.related.map(
    (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(related.file), rangeOf(related)), related.message),
  );
  return diagnostic;
}

export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== diagnosticSource) return undefined;
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}
