/**
 * Expands a VS Code snippet body the way accepting it without typing does: every placeholder takes its default,
 * a choice its first option, mirrors (`$1` after `${1:x}`) the same value, and `$0` nothing.
 */
export function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  const parse = (text: string, start: number, stopAt: string | undefined): { value: string; end: number } => {
    let value = '';
    let index = start;
    while (index < text.length) {
      const char = text[index] ?? '';
      if (stopAt !== undefined && char === stopAt) return { value, end: index };
      if (char === '\\' && index + 1 < text.length) {
        value += text[index + 1] ?? '';
        index += 2;
        continue;
      }
      if (char !== '$') {
        value += char;
        index++;
        continue;
      }
      const simple = /^\$(\d+|[A-Z_]+)/.exec(text.slice(index));
      if (simple?.[1]) {
        value += defaults.get(simple[1]) ?? '';
        index += simple[0].length;
        continue;
      }
      const braced = /^\$\{(\d+|[A-Z_]+)([:|}])/.exec(text.slice(index));
      if (!braced?.[1]) throw new Error(`Unreadable snippet syntax at ${index}: ${text.slice(index, index + 20)}`);
      const name = braced[1];
      index += braced[0].length;
      if (braced[2] === '}') {
        value += defaults.get(name) ?? '';
        continue;
      }
      if (braced[2] === '|') {
        const close = text.indexOf('|}', index);
        const first = text.slice(index, close).split(',')[0] ?? '';
        if (!defaults.has(name)) defaults.set(name, first);
        value += defaults.get(name) ?? first;
        index = close + 2;
        continue;
      }
      const inner = parse(text, index, '}');
      if (!defaults.has(name)) defaults.set(name, inner.value);
      value += defaults.get(name) ?? inner.value;
      index = inner.end + 1;
    }
    return { value, end: index };
  };
  return parse(body, 0, undefined).value;
}
