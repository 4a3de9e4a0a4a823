import type { SyntaxNode } from '../../runtime/syntaxTree';
import type { Syntax } from '../../analysis/syntax';
import type { TextEdit } from '../model';
import { indentationAt } from '../text';

/** What an argument of an HTTP call is: an options object, a URL, or unknown (a value from elsewhere). */
export type ArgumentKind = 'options' | 'url' | undefined;

const wrapperTypes = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression']);

/** `x as T`, `(x)`, `x!` → `x`. */
function unwrapped(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (wrapperTypes.has(current.type)) current = current.namedChild(0) ?? current;
  return current;
}

/** The value the last declaration of `name` before `at` gives it, in the blocks around `at`. */
function declaredValue(name: string, at: SyntaxNode, syntax: Syntax): SyntaxNode | undefined {
  for (let scope = at.parent; scope; scope = scope.parent) {
    if (scope.type !== 'statement_block' && scope.type !== 'program') continue;
    let value: SyntaxNode | undefined;
    for (const statement of scope.namedChildren) {
      if (statement.startIndex >= at.startIndex) break;
      if (!/^(lexical|variable)_declaration$/.test(statement.type)) continue;
      for (const declarator of statement.namedChildren) {
        syntax.bindingsOf(declarator, (bound, site) => {
          if (bound === name && site.kind === 'value') value = site.node;
        });
      }
    }
    if (value) return value;
  }
  return undefined;
}

/** Tells an options object from a URL, following a name to its declaration in the file. */
export function argumentKind(node: SyntaxNode, syntax: Syntax, followNames = true): ArgumentKind {
  const value = unwrapped(node);
  if (value.type === 'object') return 'options';
  if (value.type === 'string' || value.type === 'template_string' || value.type === 'binary_expression') return 'url';
  if (value.type === 'new_expression') return syntax.call(value)?.callee.text === 'URL' ? 'url' : undefined;
  const name = syntax.identifierName(value);
  const declared = name !== undefined && followNames ? declaredValue(name, value, syntax) : undefined;
  return declared ? argumentKind(declared, syntax, false) : undefined;
}

/** Is the value (or the declaration of the name) a fetch `Headers` object, which spreads to nothing? */
function isHeadersObject(node: SyntaxNode, syntax: Syntax): boolean {
  const name = syntax.identifierName(node);
  const value = unwrapped((name === undefined ? undefined : declaredValue(name, node, syntax)) ?? node);
  return value.type === 'new_expression' && syntax.call(value)?.callee.text === 'Headers';
}

/** Adds `entry` as the first entry of an object literal, on its own line when the literal has one entry per line. */
function firstEntry(object: SyntaxNode, entry: string, text: string): TextEdit {
  const first = object.namedChild(0);
  if (!first) return { startOffset: object.startIndex, endOffset: object.endIndex, newText: `{ ${entry} }` };
  const multiline = text.slice(object.startIndex, first.startIndex).includes('\n');
  return { startOffset: first.startIndex, endOffset: first.startIndex, newText: multiline ? `${entry},\n${indentationAt(text, first.startIndex)}` : `${entry}, ` };
}

function replace(node: SyntaxNode, newText: string): TextEdit {
  return { startOffset: node.startIndex, endOffset: node.endIndex, newText };
}

/**
 * Edits an options argument (an object literal or a name for one) so that it also sends `forwarded`: headers it
 * already gives are kept, and win over the forwarded ones.
 */
export function carryHeaders(options: SyntaxNode, forwarded: string, syntax: Syntax, text: string): TextEdit | undefined {
  const entries = syntax.entries(unwrapped(options));
  if (!entries) {
    const name = syntax.identifierName(options);
    return name === undefined ? undefined : replace(options, `{ ...${name}, headers: { ...${forwarded}, ...${name}.headers } }`);
  }
  const headers = entries.pairs.find((pair) => (syntax.stringValue(pair.key) ?? pair.key.text) === 'headers');
  if (!headers) return firstEntry(unwrapped(options), `headers: ${forwarded}`, text);
  const value = headers.value;
  if (value.type === 'shorthand_property_identifier') {
    return replace(value, isHeadersObject(value, syntax) ? `headers: { ...${forwarded}, ...Object.fromEntries(headers) }` : `headers: { ...${forwarded}, ...headers }`);
  }
  if (value.type === 'object') return firstEntry(value, `...${forwarded}`, text);
  return replace(value, isHeadersObject(value, syntax) ? `{ ...${forwarded}, ...Object.fromEntries(${value.text}) }` : `{ ...${forwarded}, ...${value.text} }`);
}

/**
 * A new options argument at `index`, after the arguments before it (`undefined` for one missing just before it,
 * such as axios's request body).
 */
export function addArgument(args: readonly SyntaxNode[], index: number, argument: string): TextEdit | undefined {
  const missing = index - args.length;
  const previous = missing > 1 ? undefined : args[Math.min(index, args.length) - 1];
  if (!previous) return undefined;
  return { startOffset: previous.endIndex, endOffset: previous.endIndex, newText: `${missing === 1 ? ', undefined' : ''}, ${argument}` };
}
