import type { SyntaxNode } from '../runtime/syntaxTree';
import type { UrlExpression } from '../model';
import type { FileContext } from './fileContext';
import { field, spanOf } from './nodes';

const formatCalls = new Set(['Sprintf', 'format', 'formatted', 'String.format']);

/**
 * The URL argument of an outbound call as plain data: its text, its value when it is a literal (or a constant of the
 * file), and a `*` pattern when it is a template or concatenation with literal parts (`http://reviews:9080/reviews/*`).
 */
export function describeUrl(node: SyntaxNode, file: FileContext): UrlExpression {
  const value = constantValue(node, file, 0);
  const pieces = value === undefined ? templatePieces(node, file, 0) : undefined;
  const pattern = pieces?.some((piece) => piece !== '*') ? pieces.join('').replace(/\*+/g, '*') : undefined;
  return {
    text: node.text.length > 300 ? `${node.text.slice(0, 300)}…` : node.text,
    ...(value === undefined ? {} : { value }),
    ...(pattern === undefined ? {} : { pattern }),
    span: spanOf(node),
  };
}

/** A literal, or a name bound once in the file to a literal. */
function constantValue(node: SyntaxNode, file: FileContext, depth: number): string | undefined {
  const literal = file.syntax.stringValue(node);
  if (literal !== undefined) return literal;
  const name = file.syntax.identifierName(node);
  if (name === undefined || depth > 3) return undefined;
  const sites = file.sitesOf(name, node, node.startIndex);
  const only = sites.length === 1 ? sites[0] : undefined;
  return only?.kind === 'value' ? constantValue(only.node, file, depth + 1) : undefined;
}

function templatePieces(node: SyntaxNode, file: FileContext, depth: number): string[] {
  if (depth > 6) return ['*'];
  const constant = constantValue(node, file, 0);
  if (constant !== undefined) return [constant];
  switch (node.type) {
    case 'string': // Python f-string
    case 'template_string': // JavaScript template literal
      return node.namedChildren.flatMap((child) => {
        if (child.type === 'string_content' || child.type === 'string_fragment') return [child.text];
        if (child.type === 'interpolation' || child.type === 'template_substitution') return ['*'];
        return [];
      });
    case 'binary_operator':
    case 'binary_expression': {
      const left = field(node, 'left');
      const right = field(node, 'right');
      const operator = field(node, 'operator')?.text ?? node.child(1)?.text;
      if (left && right && operator === '+') return [...templatePieces(left, file, depth + 1), ...templatePieces(right, file, depth + 1)];
      if (left && operator === '%') return formatPieces(left, file);
      return ['*'];
    }
    case 'parenthesized_expression': {
      const inner = node.namedChild(0);
      return inner ? templatePieces(inner, file, depth + 1) : ['*'];
    }
    default: {
      const call = file.syntax.call(node);
      if (!call) return ['*'];
      // "…{}…".format(x), fmt.Sprintf("…%s…", x), String.format("…%s…", x)
      if (call.name === 'format' && call.receiver && file.syntax.stringValue(call.receiver) !== undefined) return formatPieces(call.receiver, file);
      const first = call.args[0];
      if (formatCalls.has(call.name) && first) return formatPieces(first, file);
      // URI.create("…"), new URL("…"), URI("…"): the URL inside.
      if (/^(create|URI|URL|parse|resolve|uri|url)$/.test(call.name) && first) return templatePieces(first, file, depth + 1);
      return ['*'];
    }
  }
}

function formatPieces(template: SyntaxNode, file: FileContext): string[] {
  const value = constantValue(template, file, 0);
  if (value === undefined) return ['*'];
  return [value.replace(/%[-+ #0]*\d*(\.\d+)?[a-zA-Z]|\{[^}]*\}/g, '*')];
}
