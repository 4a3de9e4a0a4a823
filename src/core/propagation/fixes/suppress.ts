import type { Finding } from '../../findings/finding';
import { ignoreFileMarker, ignoreNextLineMarker } from '../suppression';
import type { FixProposal } from './model';
import { indentationAt, offsetOfLine } from './text';

function commentPrefix(path: string): string {
  return path.endsWith('.py') ? '#' : '//';
}

/** `// trace-stitch-ignore-next-line <rule>` above the finding, and `trace-stitch-ignore-file` at the top. */
export function suppressionFixes(path: string, text: string, finding: Finding): FixProposal[] {
  const prefix = commentPrefix(path);
  const lineOffset = offsetOfLine(text, finding.line);
  const indentation = indentationAt(text, lineOffset);
  // Keep a shebang or Python encoding line first.
  const firstLines = /^(#![^\n]*\n)?(#.*coding[:=][^\n]*\n)?/.exec(text)?.[0] ?? '';
  return [
    {
      title: `Ignore ${finding.ruleId} on this line`,
      kind: 'ignore-line',
      edits: [{ startOffset: lineOffset, endOffset: lineOffset, newText: `${indentation}${prefix} ${ignoreNextLineMarker} ${finding.ruleId}\n` }],
      preferred: false,
    },
    {
      title: 'Ignore trace propagation findings in this file',
      kind: 'ignore-file',
      edits: [{ startOffset: firstLines.length, endOffset: firstLines.length, newText: `${prefix} ${ignoreFileMarker}\n` }],
      preferred: false,
    },
  ];
}
