import { asMap, type MapNode, type NodePair } from '../yaml/nodes';
import type { TextEdit } from '../yaml/textEdit';
import { editAt } from './report';
import type { DocSource } from './sources';

/** Structural edits of block and flow YAML that keep the surrounding formatting. */

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The column (0-based) at which `offset` sits on its line; the indentation of a key that starts there. */
function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

/**
 * Adds `key: value`: as the first entry of the mapping under `pair` (`position` "child"), or as the entry after
 * `pair` in the same mapping ("after").
 */
export function insertKeyEdit(
  source: DocSource,
  pair: NodePair | undefined,
  key: string,
  value: string,
  position: 'child' | 'after' = 'child',
): TextEdit | undefined {
  if (!pair) return undefined;
  const text = source.text;
  const keyStart = pair.key.range[0];
  const indent = columnOf(text, keyStart);
  const entry = `${key}: ${value}`;
  if (position === 'after') {
    const valueEnd = pair.value ? pair.value.range[1] : pair.key.range[1];
    if (isFlowContext(text, keyStart)) return editAt(source, [valueEnd, valueEnd], `, ${entry}`);
    if (text[valueEnd - 1] === '\n') return editAt(source, [valueEnd, valueEnd], `${' '.repeat(indent)}${entry}\n`);
    const end = endOfLine(text, valueEnd);
    return editAt(source, [end, end], `\n${' '.repeat(indent)}${entry}`);
  }
  const map = asMap(pair.value);
  if (map?.flow) {
    const [start, end] = map.range;
    const inner = text.slice(start + 1, end - 1).trim();
    return editAt(source, [start, end], inner === '' ? `{ ${entry} }` : `{ ${entry}, ${inner} }`);
  }
  const first = map?.items[0];
  if (first) {
    const firstStart = first.key.range[0];
    return editAt(source, [firstStart, firstStart], `${entry}\n${' '.repeat(columnOf(text, firstStart))}`);
  }
  if (pair.value && pair.value.range[1] > pair.value.range[0]) {
    // An explicit null (`~`, `null`) or other scalar: replace it with a flow mapping.
    return editAt(source, [pair.value.range[0], pair.value.range[1]], `{ ${entry} }`);
  }
  const after = pair.value ? pair.value.range[0] : pair.key.range[1] + 1;
  return editAt(source, [after, after], `\n${' '.repeat(indent + 2)}${entry}`);
}

/** Whether the key at `offset` sits inside a flow collection (`{ … }`), judged from its line. */
function isFlowContext(text: string, offset: number): boolean {
  const before = text.slice(lineStart(text, offset), offset);
  return /[{,]\s*$/.test(before);
}

/** Removes `pair` from `map` with its whole lines (block style) or with its separating comma (flow style). */
export function removePairEdit(source: DocSource, map: MapNode, pair: NodePair | undefined): TextEdit | undefined {
  if (!pair) return undefined;
  const text = source.text;
  const keyStart = pair.key.range[0];
  let end = pair.value ? pair.value.range[2] : pair.key.range[2];
  if (map.flow) {
    const index = map.items.indexOf(pair);
    const next = map.items[index + 1];
    const previous = map.items[index - 1];
    if (next) return editAt(source, [keyStart, next.key.range[0]], '');
    if (previous) return editAt(source, [(previous.value ?? previous.key).range[1], pair.value ? pair.value.range[1] : pair.key.range[1]], '');
    return editAt(source, [map.range[0], map.range[1]], '{}');
  }
  const start = lineStart(text, keyStart);
  if (text.slice(start, keyStart).trim() !== '') return undefined;
  if (text[end - 1] !== '\n') end = Math.min(endOfLine(text, end) + 1, text.length);
  return editAt(source, [start, end], '');
}
