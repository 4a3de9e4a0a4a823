import type { SyntaxNode } from '../../runtime/syntaxTree';
import { addCallStatement } from '../../analysis/bindingSites';
import { chainRoot, field, fieldsOf, literalEntries, memoized } from '../../analysis/nodes';
import type { BindingSite, CallShape, Parameter, Syntax } from '../../analysis/syntax';

const functionTypes = new Set(['function_definition', 'lambda']);

/** The text of a string literal without interpolations, or undefined (f-strings with `{…}`, byte strings too). */
function readStringValue(node: SyntaxNode): string | undefined {
  if (node.type === 'concatenated_string') {
    const parts = node.namedChildren.map(stringValue);
    return parts.every((part) => part !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  let value = '';
  for (const child of node.namedChildren) {
    if (child.type === 'interpolation') return undefined;
    if (child.type === 'string_content') value += child.text;
  }
  return value;
}
const stringValue = memoized(readStringValue);

function readMember(node: SyntaxNode): { object: SyntaxNode; property: string } | undefined {
  const found = fieldsOf(node, 'attribute', 'object', 'attribute');
  return found ? { object: found[0], property: found[1].text } : undefined;
}
const member = memoized(readMember);

function readCall(node: SyntaxNode): CallShape | undefined {
  if (node.type !== 'call') return undefined;
  const callee = field(node, 'function');
  const argumentList = field(node, 'arguments');
  if (!callee) return undefined;
  const args: SyntaxNode[] = [];
  const named = new Map<string, SyntaxNode>();
  const spreads: SyntaxNode[] = [];
  if (argumentList?.type === 'argument_list') {
    for (const arg of argumentList.namedChildren) {
      if (arg.type === 'keyword_argument') {
        const name = field(arg, 'name');
        const value = field(arg, 'value');
        if (name && value) named.set(name.text, value);
      } else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') {
        const inner = arg.namedChild(0);
        if (inner) spreads.push(inner);
      } else if (arg.type !== 'comment') {
        args.push(arg);
      }
    }
  }
  const asMember = member(callee);
  return { node, callee, name: asMember ? asMember.property : callee.text, receiver: asMember?.object, args, named, spreads };
}
const call = memoized(readCall);

function readParameters(fn: SyntaxNode): Parameter[] {
  const list = field(fn, 'parameters');
  if (!list) return [];
  const result: Parameter[] = [];
  for (const parameter of list.namedChildren) {
    if (parameter.type === 'identifier') {
      result.push({ name: parameter.text, node: parameter, markers: '' });
      continue;
    }
    const name = field(parameter, 'name') ?? parameter.namedChildren.find((child) => child.type === 'identifier');
    if (name?.type !== 'identifier') continue;
    const type = field(parameter, 'type');
    const value = field(parameter, 'value');
    result.push({ name: name.text, node: parameter, type: type?.text, markers: value?.text ?? '' });
  }
  return result;
}
const parameters = memoized(readParameters);

/** Identifiers a target binds: `x`, `a, b`, `(a, b)`. */
function targets(node: SyntaxNode): SyntaxNode[] {
  if (node.type === 'identifier') return [node];
  if (['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'as_pattern_target'].includes(node.type)) {
    return node.namedChildren.flatMap(targets);
  }
  return [];
}

/** The names one binding statement (as the query captured it) gives a value to or changes. */
function bindingsOf(node: SyntaxNode, add: (name: string, site: BindingSite) => void): void {
  const rootOf = (node: SyntaxNode): string | undefined => {
    const root = chainRoot(node, (current) => member(current)?.object ?? (current.type === 'subscript' ? field(current, 'value') : undefined));
    return root.type === 'identifier' ? root.text : undefined;
  };
  switch (node.type) {
    case 'assignment':
    case 'augmented_assignment': {
      const left = field(node, 'left');
      const right = field(node, 'right');
      if (!left) break;
      if (node.type === 'assignment' && right && (left.type === 'identifier' || targets(left).length > 0)) {
        for (const target of targets(left)) add(target.text, { kind: 'value', node: right });
      } else {
        const name = rootOf(left);
        if (name !== undefined) add(name, { kind: 'mutation', node });
      }
      break;
    }
    case 'named_expression': {
      const name = field(node, 'name');
      const value = field(node, 'value');
      if (name && value) add(name.text, { kind: 'value', node: value });
      break;
    }
    case 'for_statement':
    case 'for_in_clause': {
      const left = field(node, 'left');
      const right = field(node, 'right');
      if (left && right) for (const target of targets(left)) add(target.text, { kind: 'iteration', node: right });
      break;
    }
    case 'as_pattern': {
      const alias = field(node, 'alias');
      const value = node.namedChild(0);
      if (alias && value) for (const target of targets(alias)) add(target.text, { kind: 'value', node: value });
      break;
    }
    case 'expression_statement': {
      const expression = node.namedChild(0);
      addCallStatement(node, expression ? call(expression) : undefined, rootOf, add);
      break;
    }
  }
}

export const pythonSyntax: Syntax = {
  kinds: { string: new Set(['string', 'concatenated_string']), identifier: new Set(['identifier']), call: new Set(['call']), member: new Set(['attribute']), entries: new Set(['dictionary']) },
  functionTypes,
  inertTypes: new Set(['integer', 'float', 'true', 'false', 'none', 'comment', 'type', 'ellipsis', 'escape_sequence']),
  passThroughTypes: new Set(['parenthesized_expression', 'conditional_expression', 'await', 'boolean_operator', 'block', 'expression_statement']),
  returnTypes: new Set(['return_statement']),
  stringValue,
  identifierName: (node) => (node.type === 'identifier' ? node.text : undefined),
  call,
  member,
  subscript(node) {
    const found = fieldsOf(node, 'subscript', 'value', 'subscript');
    return found ? { object: found[0], index: found[1] } : undefined;
  },
  entries: (node) => literalEntries(node, { literal: 'dictionary', pair: 'pair', spread: 'dictionary_splat' }),
  isMembershipTest(node) {
    const parent = node.parent;
    return parent?.type === 'comparison_operator' && / (not )?in /.test(parent.text) && parent.lastNamedChild?.equals(node) === true;
  },
  functionName(fn) {
    if (fn.type === 'function_definition') return field(fn, 'name')?.text;
    const parent = fn.parent;
    if (parent?.type === 'assignment') {
      const left = field(parent, 'left');
      return left?.type === 'identifier' ? left.text : undefined;
    }
    return undefined;
  },
  functionBody: (fn) => field(fn, 'body'),
  parameters,
  bindingsOf,
};
