/**
 * Maps offsets in a YAML document's own text to offsets in the file that holds it. A document is either the file
 * itself, or YAML embedded in a string of another document (an Istio `mesh` ConfigMap entry, a collector config in
 * a ConfigMap). Literal block scalars (`|`) keep every character, so positions map exactly and edits can be made;
 * any other scalar style only maps to the whole scalar, and edits are not offered there.
 */
export interface OffsetMap {
  /** Whether positions (and therefore edits) map character for character. */
  readonly exact: boolean;
  toFile(start: number, end: number): readonly [number, number];
  /** Adapts text inserted at a position of the document so it keeps the embedding's indentation. */
  adaptInsertedText(text: string): string;
}

export const identityMap: OffsetMap = {
  exact: true,
  toFile: (start, end) => [start, end],
  adaptInsertedText: (text) => text,
};

/** Every position maps to the whole embedding scalar. */
export function coarseMap(fileStart: number, fileEnd: number): OffsetMap {
  return {
    exact: false,
    toFile: () => [fileStart, fileEnd],
    adaptInsertedText: (text) => text,
  };
}

/**
 * The map for a literal block scalar whose header (`|`, `|-`, `|+`) starts at `headerOffset` in `fileText` and
 * whose value is `value`. Falls back to a coarse map for explicit indentation indicators (`|2`), which are rare.
 */
export function literalBlockMap(fileText: string, headerOffset: number, scalarEnd: number, value: string): OffsetMap {
  const headerEnd = fileText.indexOf('\n', headerOffset);
  const header = fileText.slice(headerOffset, headerEnd === -1 ? undefined : headerEnd);
  if (headerEnd === -1 || /\d/.test(header.replace(/#.*/, ''))) return coarseMap(headerOffset, scalarEnd);
  const outerLines: { start: number; length: number }[] = [];
  for (let start = headerEnd + 1; start <= scalarEnd && start < fileText.length; ) {
    const newline = fileText.indexOf('\n', start);
    const end = newline === -1 ? fileText.length : newline;
    outerLines.push({ start, length: end - start });
    start = end + 1;
  }
  const firstContent = outerLines.find((line) => fileText.slice(line.start, line.start + line.length).trim() !== '');
  const indent = firstContent ? /^ */.exec(fileText.slice(firstContent.start, firstContent.start + firstContent.length))?.[0].length ?? 0 : 0;
  const innerStarts: number[] = [];
  let offset = 0;
  for (const line of value.split('\n')) {
    innerStarts.push(offset);
    offset += line.length + 1;
  }
  const mapOffset = (inner: number): number => {
    let index = innerStarts.length - 1;
    while (index > 0 && (innerStarts[index] ?? 0) > inner) index--;
    const outer = outerLines[Math.min(index, outerLines.length - 1)];
    if (!outer) return headerOffset;
    const column = inner - (innerStarts[index] ?? 0);
    return Math.min(outer.start + Math.min(indent, outer.length) + column, scalarEnd);
  };
  const padding = ' '.repeat(indent);
  return {
    exact: true,
    toFile: (start, end) => [mapOffset(start), mapOffset(end)],
    adaptInsertedText: (text) => text.replace(/\n(?=.)/g, `\n${padding}`),
  };
}
