import type { Edit, Point, Tree } from '@vscode/tree-sitter-wasm';
import { VerdictMemory } from '../analysis/reuse';

/** Row and column (UTF-16 units, as the runtime counts for JavaScript strings) of an offset. */
function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    row++;
    lineStart = at + 1;
  }
  return { row, column: offset - lineStart };
}

const chunk = 256;

/**
 * The single edit that turns `before` into `after` (common prefix and suffix kept), for re-parsing incrementally:
 * typing changes a small span, and tree-sitter then re-reads only around it.
 */
export function editBetween(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  const shortest = Math.min(before.length, after.length);
  // Whole chunks first (compared natively), then the last few characters one by one.
  let start = 0;
  while (start + chunk <= shortest && before.substring(start, start + chunk) === after.substring(start, start + chunk)) start += chunk;
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  const room = shortest - start;
  while (suffix + chunk <= room && before.substring(before.length - suffix - chunk, before.length - suffix) === after.substring(after.length - suffix - chunk, after.length - suffix)) suffix += chunk;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  };
}

/**
 * The last tree of an open document, kept so the next lint re-parses only what changed, and the verdicts of its
 * calls, so it re-judges only calls an edit can have changed. The editor holds one per document and disposes it when
 * the document closes.
 */
export class ParseSession {
  readonly verdicts = new VerdictMemory();
  private tree: Tree | undefined;
  private text = '';
  private grammar = '';

  /** The previous tree, edited to line up with `text`, or undefined for a first parse (or another grammar). */
  previousFor(text: string, grammar: string): Tree | undefined {
    if (grammar !== this.grammar) this.reset();
    if (!this.tree) return undefined;
    const edit = editBetween(this.text, text);
    if (edit) this.tree.edit(edit);
    return this.tree;
  }

  /** Keeps `tree` (the session now owns it) as the tree of `text`. */
  keep(tree: Tree, text: string, grammar: string): void {
    if (this.tree !== tree) this.tree?.delete();
    this.tree = tree;
    this.text = text;
    this.grammar = grammar;
  }

  /** Forgets the tree (the language or file changed, or parsing failed). */
  reset(): void {
    this.verdicts.clear();
    this.tree?.delete();
    this.tree = undefined;
    this.text = '';
    this.grammar = '';
  }

  dispose(): void {
    this.reset();
  }
}
