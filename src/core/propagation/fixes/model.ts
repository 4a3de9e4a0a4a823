/** A replacement of `[startOffset, endOffset)` (UTF-16 offsets into the file's text) by `newText`. */
export interface TextEdit {
  readonly startOffset: number;
  readonly endOffset: number;
  readonly newText: string;
}

export type FixKind = 'forward-headers' | 'go-otelhttp' | 'ignore-line' | 'ignore-file';

/** A quick fix for one finding: what the editor shows and the edits it applies. */
export interface FixProposal {
  readonly title: string;
  readonly kind: FixKind;
  readonly edits: readonly TextEdit[];
  readonly preferred: boolean;
}

/** Applies non-overlapping edits to a text (tests, and the CLI if it ever fixes). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.startOffset - a.startOffset)) {
    result = result.slice(0, edit.startOffset) + edit.newText + result.slice(edit.endOffset);
  }
  return result;
}
