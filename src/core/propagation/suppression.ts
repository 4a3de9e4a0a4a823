/**
 * Suppression comments: `// trace-stitch-ignore-next-line` (or `#`) silences the line below it, and
 * `trace-stitch-ignore-file` anywhere in a comment silences the file. Either may name rules after the marker
 * (`# trace-stitch-ignore-next-line incomplete-propagation`); without names it silences every rule.
 */
export const ignoreNextLineMarker = 'trace-stitch-ignore-next-line';
export const ignoreFileMarker = 'trace-stitch-ignore-file';

export interface Suppressions {
  /** Rules silenced for the whole file (`*` for all). */
  readonly file: ReadonlySet<string>;
  /** 1-based line → rules silenced on it. */
  readonly lines: ReadonlyMap<number, ReadonlySet<string>>;
}

const marker = /(?:#|\/\/|\/\*|\*)\s*trace-stitch-ignore-(next-line|file)\b([ \t][^\r\n]*)?/g;

function rulesOf(rest: string | undefined): Set<string> {
  const rules = (rest ?? '').replace(/\*\/.*$/, '').split(/[\s,]+/).filter((word) => /^[a-z]+(-[a-z]+)+$/.test(word));
  return new Set(rules.length > 0 ? rules : ['*']);
}

export function readSuppressions(text: string): Suppressions {
  const file = new Set<string>();
  const lines = new Map<number, Set<string>>();
  if (!text.includes('trace-stitch-ignore-')) return { file, lines };
  let line = 1;
  let lineStart = 0;
  for (const match of text.matchAll(marker)) {
    for (let index = text.indexOf('\n', lineStart); index !== -1 && index < match.index; index = text.indexOf('\n', index + 1)) {
      line++;
      lineStart = index + 1;
    }
    const rules = rulesOf(match[2]);
    if (match[1] === 'file') for (const rule of rules) file.add(rule);
    else lines.set(line + 1, rules);
  }
  return { file, lines };
}

export function isSuppressed(suppressions: Suppressions, ruleId: string, line: number): boolean {
  if (suppressions.file.has('*') || suppressions.file.has(ruleId)) return true;
  const rules = suppressions.lines.get(line);
  return rules !== undefined && (rules.has('*') || rules.has(ruleId));
}
