import type { SyntaxNode } from '../../runtime/syntaxTree';
import { addCallStatement } from '../../analysis/bindingSites';
import { chainRoot, field, fieldsOf, memoized } from '../../analysis/nodes';
import { noKeywordArguments, type BindingSite, type CallShape, type Parameter, type Syntax } from '../../analysis/syntax';

const functionTypes = new Set(['method_declaration', 'constructor_declaration', 'lambda_expression']);

function readStringValue(node: SyntaxNode): string | undefined {
  if (node.type !== 'string_literal') return undefined;
  const parts = node.namedChildren;
  if (parts.some((part) => part.type === 'string_interpolation')) return undefined;
  return parts.filter((part) => part.type === 'string_fragment' || part.type === 'multiline_string_fragment').map((part) => part.text).join('');
}
const stringValue = memoized(readStringValue);

function readMember(node: SyntaxNode): { object: SyntaxNode; property: string } | undefined {
  const found = fieldsOf(node, 'field_access', 'object', 'field');
  return found ? { object: found[0], property: found[1].text } : undefined;
}
const member = memoized(readMember);

const commentTypes = new Set(['line_comment', 'block_comment']);

/** The arguments of a call; a comment between them (`exchange(url, // why\n method, …)`) is not one. */
function argumentsOf(node: SyntaxNode): SyntaxNode[] {
  const list = field(node, 'arguments');
  return list ? list.namedChildren.filter((arg) => !commentTypes.has(arg.type)) : [];
}

function readCall(node: SyntaxNode): CallShape | undefined {
  if (node.type === 'method_invocation') {
    const name = field(node, 'name');
    if (!name) return undefined;
    return { node, callee: name, name: name.text, receiver: field(node, 'object'), args: argumentsOf(node), named: noKeywordArguments, spreads: [] };
  }
  if (node.type === 'object_creation_expression') {
    const type = field(node, 'type');
    if (!type) return undefined;
    return { node, callee: type, name: type.text.replace(/<.*$/s, '').split('.').pop() ?? type.text, args: argumentsOf(node), named: noKeywordArguments, spreads: [] };
  }
  return undefined;
}
const call = memoized(readCall);

function readParameters(fn: SyntaxNode): Parameter[] {
  if (fn.type === 'lambda_expression') {
    const list = field(fn, 'parameters');
    if (!list) return [];
    if (list.type === 'identifier') return [{ name: list.text, node: list, markers: '' }];
    return list.namedChildren.flatMap((child) => {
      const name = child.type === 'identifier' ? child : field(child, 'name');
      return name ? [{ name: name.text, node: child, markers: '' }] : [];
    });
  }
  const list = field(fn, 'parameters');
  if (!list) return [];
  const result: Parameter[] = [];
  for (const parameter of list.namedChildren) {
    if (parameter.type !== 'formal_parameter' && parameter.type !== 'spread_parameter') continue;
    const name = field(parameter, 'name') ?? parameter.namedChildren.find((child) => child.type === 'identifier');
    if (!name) continue;
    const type = field(parameter, 'type')?.text;
    const modifiers = parameter.namedChildren.find((child) => child.type === 'modifiers');
    result.push({ name: name.text, node: parameter, ...(type === undefined ? {} : { type }), markers: modifiers?.text ?? '' });
  }
  return result;
}
const parameters = memoized(readParameters);

/** The variable a chain of calls and field accesses starts from: `builder.header(…).build()` → `builder`. */
export function javaRootName(node: SyntaxNode): string | undefined {
  const root = chainRoot(node, (current) => member(current)?.object ?? call(current)?.receiver ?? (current.type === 'array_access' ? field(current, 'array') : undefined));
  return root.type === 'identifier' ? root.text : undefined;
}

/** The names one binding statement (as the query captured it) gives a value to or changes. */
function bindingsOf(node: SyntaxNode, add: (name: string, site: BindingSite) => void): void {
  switch (node.type) {
    case 'variable_declarator': {
      const name = field(node, 'name');
      const value = field(node, 'value');
      if (name && value) add(name.text, { kind: 'value', node: value });
      break;
    }
    case 'assignment_expression': {
      const left = field(node, 'left');
      const right = field(node, 'right');
      if (!left || !right) break;
      if (left.type === 'identifier') add(left.text, { kind: 'value', node: right });
      else {
        // `this.client = …` binds the field; `headers[i] = …` changes the array.
        if (left.type === 'field_access' && field(left, 'object')?.type === 'this') add(field(left, 'field')?.text ?? '', { kind: 'value', node: right });
        const name = javaRootName(left);
        if (name !== undefined) add(name, { kind: 'mutation', node });
      }
      break;
    }
    case 'enhanced_for_statement': {
      const name = field(node, 'name');
      const value = field(node, 'value');
      if (name && value) add(name.text, { kind: 'iteration', node: value });
      break;
    }
    case 'expression_statement': {
      const expression = node.namedChild(0);
      addCallStatement(node, expression ? call(expression) : undefined, javaRootName, add);
      break;
    }
  }
}

export const javaSyntax: Syntax = {
  kinds: {
    string: new Set(['string_literal']),
    identifier: new Set(['identifier']),
    call: new Set(['method_invocation', 'object_creation_expression']),
    member: new Set(['field_access']),
    entries: new Set<string>(),
  },
  functionTypes,
  inertTypes: new Set([
    'decimal_integer_literal',
    'hex_integer_literal',
    'decimal_floating_point_literal',
    'character_literal',
    'true',
    'false',
    'null_literal',
    'line_comment',
    'block_comment',
    'this',
    'class_literal',
    'type_identifier',
    'scoped_type_identifier',
    'generic_type',
    'integral_type',
    'floating_point_type',
    'boolean_type',
    'void_type',
    'array_type',
    'type_arguments',
    'dimensions',
  ]),
  passThroughTypes: new Set(['parenthesized_expression', 'cast_expression', 'ternary_expression', 'block', 'expression_statement']),
  returnTypes: new Set(['return_statement']),
  stringValue,
  identifierName: (node) => (node.type === 'identifier' ? node.text : undefined),
  call,
  member,
  subscript(node) {
    const found = fieldsOf(node, 'array_access', 'array', 'index');
    return found ? { object: found[0], index: found[1] } : undefined;
  },
  entries: () => undefined,
  isMembershipTest: () => false,
  functionName: (fn) => field(fn, 'name')?.text,
  functionBody: (fn) => field(fn, 'body'),
  parameters,
  bindingsOf,
};
