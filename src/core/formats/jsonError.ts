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

const whitespace = new Set([' ', '\t', '\n', '\r']);
const literals = ['true', 'false', 'null'];
const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function locateJsonError(text: string): JsonErrorLocation | undefined {
  const problem = scan(text);
  if (problem === undefined) return undefined;
  const before = text.slice(0, problem.offset);
  const line = before.split('\n').length;
  const column = problem.offset - before.lastIndexOf('\n');
  return { offset: problem.offset, line, column, problem: problem.message };
}

type Expect = 'value' | 'key' | 'colon' | 'comma-or-close' | 'end';

function scan(text: string): { offset: number; message: string } | undefined {
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let position = 0;
  const fail = (message: string): { offset: number; message: string } => ({ offset: position, message });
  for (;;) {
    while (position < text.length && whitespace.has(text.charAt(position))) position++;
    if (position >= text.length) {
      return expect === 'end' ? undefined : fail(stack.length > 0 ? `unexpected end: ${stack.length} unclosed bracket(s)` : 'unexpected end');
    }
    const char = text.charAt(position);
    switch (expect) {
      case 'end':
        return fail(`unexpected "${char}" after the end of the document`);
      case 'key':
        if (char === '}' && text.charAt(position - 1) !== ',') {
          position++;
          stack.pop();
          expect = afterValue(stack);
          continue;
        }
        if (char !== '"') return fail(`expected a property name in double quotes, found "${char}"`);
        {
          const end = stringEnd(text, position);
          if (typeof end === 'string') return fail(end);
          position = end;
        }
        expect = 'colon';
        continue;
      case 'colon':
        if (char !== ':') return fail(`expected ":" after a property name, found "${char}"`);
        position++;
        expect = 'value';
        continue;
      case 'comma-or-close': {
        const open = stack[stack.length - 1];
        if (char === ',') {
          position++;
          expect = open === '{' ? 'key' : 'value';
          continue;
        }
        if ((open === '{' && char === '}') || (open === '[' && char === ']')) {
          position++;
          stack.pop();
          expect = afterValue(stack);
          continue;
        }
        return fail(`expected "," or "${open === '{' ? '}' : ']'}", found "${char}"`);
      }
      case 'value':
        break;
    }
    if (char === '{' || char === '[') {
      stack.push(char);
      position++;
      expect = char === '{' ? 'key' : 'value';
      if (char === '[') {
        while (position < text.length && whitespace.has(text.charAt(position))) position++;
        if (text.charAt(position) === ']' && text.charAt(position - 1) !== ',') {
          position++;
          stack.pop();
          expect = afterValue(stack);
        }
      }
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
    expect = afterValue(stack);
  }
}

function afterValue(stack: readonly string[]): Expect {
  return stack.length === 0 ? 'end' : 'comma-or-close';
}

/** The offset just past the string starting at `start` (a double quote), or why it is not a string. */
function stringEnd(text: string, start: number): number | string {
  for (let position = start + 1; position < text.length; position++) {
    const char = text.charCodeAt(position);
    if (char === 0x5c) position++;
    else if (char === 0x22) return position + 1;
    else if (char < 0x20) return 'a control character (such as a line break) inside a string';
  }
  return 'unterminated string';
}
