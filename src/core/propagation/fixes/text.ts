/** Line-oriented helpers for building edits. */

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
}

export function indentationAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

/** The offset of the start of 1-based `line`. */
export function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}

/** The quoted list of header names for generated code. */
export function quotedList(headers: readonly string[], quote = '"'): string {
  return headers.map((header) => `${quote}${header}${quote}`).join(', ');
}

/** The first of `candidates` that `code` does not mention as a word, for a new name in generated code. */
export function unusedName(code: string, candidates: readonly string[]): string | undefined {
  return candidates.find((candidate) => !new RegExp(`\\b${candidate}\\b`).test(code));
}
