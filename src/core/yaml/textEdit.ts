/** A replacement of `[start, end)` (UTF-16 offsets into the file's text) by `newText`. */
export interface TextEdit {
  /** The file the offsets refer to, as given to the linter. */
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Applies non-overlapping edits to one file's text; edits for other files are ignored. */
export function applyTextEdits(text: string, file: string, edits: readonly TextEdit[]): string {
  const ordered = edits.filter((edit) => edit.file === file).sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const edit of ordered) {
    if (edit.end > limit) throw new Error(`Overlapping edits at offset ${edit.start} in ${file}`);
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    limit = edit.start;
  }
  return result;
}
