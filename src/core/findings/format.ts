import path from 'node:path';
import type { Finding } from './finding';

/** A finding's file as the CLI prints it: relative to the working directory, with `/` separators. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative === '' ? path.basename(file) : relative).split(path.sep).join('/');
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** `file:line:column: severity rule-id message`, one finding a line, then a count. */
export function formatText(findings: readonly Finding[], cwd: string): string {
  const lines = [...findings].sort(compareFindings).map((finding) => {
    const where = `${displayPath(finding.file, cwd)}:${finding.line}:${finding.column}`;
    return `${where}: ${finding.severity} ${finding.ruleId} ${finding.message}`;
  });
  const count = findings.length === 1 ? '1 problem' : `${findings.length} problems`;
  return `${[...lines, lines.length > 0 ? `\n${count}` : 'No problems found.'].join('\n')}\n`;
}

/** `{"findings":[{file,line,column,endLine,endColumn,ruleId,severity,message}]}` with paths relative to `cwd`. */
export function formatJson(findings: readonly Finding[], cwd: string): string {
  const entries = [...findings].sort(compareFindings).map((finding) => ({
    file: displayPath(finding.file, cwd),
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
  }));
  return `${JSON.stringify({ findings: entries }, null, 2)}\n`;
}
