/**
 * Finds where JSON text first goes wrong, for error messages: V8's own JSON.parse messages do not always give a
 * position. A small iterative scanner (no recursion, so deeply nested hostile input cannot overflow the stack)
 * run only after JSON.parse has already failed.
 */

export interface JsonErrorLocation {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly problem: string;
}

export function locateJsonError(text: string): JsonErrorLocation | undefined {
  const problem = scan(text);
  if (problem === undefined) return undefined;
  const before = text.slice(0, problem.offset);
  const line = before.split('\n').length;
  const column = problem.offset - before.lastIndexOf('\n');
  return { offset: problem.offset, line, column, problem: problem.message };
}

/** What may come next: after `{` a key or `}`, after `,` in an object only a key, and so on. */
type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const whitespace = new Set([' ', '\t', '\n', '\r']);
const literals = ['true', 'false', 'null'];
const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function scan(text: string): { offset: number; message: string } | undefined {
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let position = 0;
  const fail = (message: string): { offset: number; message: string } => ({ offset: position, message });
  const close = (): void => {
    position++;
    stack.pop();
    expect = stack.length === 0 ? 'end' : 'comma-or-close';
  };
  for (;;) {
    while (position < text.length && whitespace.has(text.charAt(position))) position++;
    if (position >= text.length) {
      if (expect === 'end') return undefined;
      return fail(stack.length > 0 ? `unexpected end: ${stack.length} unclosed bracket(s)` : 'unexpected end');
    }
    const char = text.charAt(position);
    if (expect === 'end') return fail(`unexpected "${char}" after the end of the document`);
    if ((expect === 'key-or-close' && char === '}') || (expect === 'value-or-close' && char === ']')) {
      close();
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (char !== '"') return fail(`expected a property name in double quotes, found "${char}"`);
      const end = stringEnd(text, position);
      if (typeof end === 'string') return fail(end);
      position = end;
      expect = 'colon';
      continue;
    }
    if (expect === 'colon') {
      if (char !== ':') return fail(`expected ":" after a property name, found "${char}"`);
      position++;
      expect = 'value';
      continue;
    }
    if (expect === 'comma-or-close') {
      const open = stack[stack.length - 1];
      if (char === ',') {
        position++;
        expect = open === '{' ? 'key' : 'value';
      } else if ((open === '{' && char === '}') || (open === '[' && char === ']')) {
        close();
      } else {
        return fail(`expected "," or "${open === '{' ? '}' : ']'}", found "${char}"`);
      }
      continue;
    }
    // A value.
    if (char === '{' || char === '[') {
      stack.push(char);
      position++;
      expect = char === '{' ? 'key-or-close' : 'value-or-close';
      continue;
    }
    if (char === '"') {
      const end = stringEnd(text, position);
      if (typeof end === 'string') return fail(end);
      position = end;
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      numberPattern.lastIndex = position;
      if (!numberPattern.test(text)) return fail('malformed number');
      position = numberPattern.lastIndex;
    } else {
      const literal = literals.find((word) => text.startsWith(word, position));
      if (literal === undefined) return fail(`expected a value, found "${char}"`);
      position += literal.length;
    }
    expect = stack.length === 0 ? 'end' : 'comma-or-close';
  }
}

const escapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** The offset just past the string starting at `start` (a double quote), or why it is not a valid string. */
function stringEnd(text: string, start: number): number | string {
  for (let position = start + 1; position < text.length; position++) {
    const char = text.charCodeAt(position);
    if (char === 0x22) return position + 1;
    if (char < 0x20) return 'a control character (such as a line break) inside a string';
    if (char !== 0x5c) continue;
    const escaped = text.charAt(position + 1);
    if (escaped === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(position + 2, position + 6))) return 'a bad \\u escape in a string';
      position += 5;
    } else if (escapes.has(escaped)) {
      position++;
    } else if (escaped !== '') {
      return `a bad escape "\\${escaped}" in a string`;
    }
  }
  return 'unterminated string';
}
