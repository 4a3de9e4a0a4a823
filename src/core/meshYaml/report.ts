import type { FindingSeverity, RelatedLocation } from '../findings/finding';
import type { TextEdit } from '../yaml/textEdit';
import { meshYamlRules, type MeshYamlRuleId } from './rules';
import type { DocSource } from './sources';
import type { MeshYamlFinding, YamlFix } from './types';

/** `[start, end)` in a document's own text. */
export type DocRange = readonly [number, number];

/** Where a document's positions land in its file. */
export type Placement = Pick<DocSource, 'file' | 'lines' | 'map'>;

export interface FindingOptions {
  readonly severity?: FindingSeverity;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly (YamlFix | undefined)[];
}

/** A finding at `range` of `source`, in file coordinates. */
export function findingAt(
  source: Placement,
  range: DocRange,
  ruleId: MeshYamlRuleId,
  message: string,
  options: FindingOptions = {},
): MeshYamlFinding {
  const [start, end] = source.map.toFile(range[0], range[1]);
  const from = source.lines.position(start);
  const to = source.lines.position(Math.max(end, start));
  return {
    file: source.file,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    ruleId,
    severity: options.severity ?? meshYamlRules[ruleId].severity,
    message,
    related: options.related ?? [],
    fixes: (options.fixes ?? []).filter((fix): fix is YamlFix => fix !== undefined),
  };
}

export function relatedAt(source: Placement, range: DocRange, message: string): RelatedLocation {
  const [start, end] = source.map.toFile(range[0], range[1]);
  const from = source.lines.position(start);
  const to = source.lines.position(end);
  return { file: source.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, message };
}

/**
 * An edit of a document's text, in file coordinates; undefined where positions do not map exactly (YAML embedded
 * in a quoted string) — a fix is only offered when every one of its edits can be made.
 */
export function editAt(source: Placement, range: DocRange, newText: string): TextEdit | undefined {
  if (!source.map.exact) return undefined;
  const [start, end] = source.map.toFile(range[0], range[1]);
  return { file: source.file, start, end, newText: source.map.adaptInsertedText(newText) };
}

/** A fix made of `edits`, or undefined when any of them cannot be made. */
export function fix(title: string, edits: readonly (TextEdit | undefined)[], isPreferred = true): YamlFix | undefined {
  if (edits.length === 0 || edits.some((edit) => edit === undefined)) return undefined;
  return { title, edits: edits as TextEdit[], isPreferred };
}
