import type { SyntaxNode } from '../../runtime/syntaxTree';
import { addCallStatement } from '../../analysis/bindingSites';
import { chainRoot, field, fieldsOf, literalEntries, memoized } from '../../analysis/nodes';
import { noKeywordArguments, type BindingSite, type CallShape, type Parameter, type Syntax } from '../../analysis/syntax';

const functionTypes = new Set([
  'function_declaration',
  'function_expression',
  'arrow_function',
  'method_definition',
  'generator_function_declaration',
  'generator_function',
]);

function readStringValue(node: SyntaxNode): string | undefined {
  if (node.type === 'property_identifier') return node.text;
  if (node.type !== 'string' && node.type !== 'template_string') return undefined;
  let value = '';
  for (const child of node.namedChildren) {
    if (child.type === 'template_substitution') return undefined;
    if (child.type === 'string_fragment') value += child.text;
  }
  return value;
}
const stringValue = memoized(readStringValue);

function readMember(node: SyntaxNode): { object: SyntaxNode; property: string } | undefined {
  const found = fieldsOf(node, 'member_expression', 'object', 'property');
  return found ? { object: found[0], property: found[1].text } : undefined;
}
const member = memoized(readMember);

function readCall(node: SyntaxNode): CallShape | undefined {
  const isNew = node.type === 'new_expression';
  if (node.type !== 'call_expression' && !isNew) return undefined;
  let callee = field(node, isNew ? 'constructor' : 'function');
  // tree-sitter-typescript reads `await axios.get<T>(u)` as a call of `await axios.get`.
  if (callee?.type === 'await_expression') callee = callee.namedChild(0) ?? undefined;
  if (!callee) return undefined;
  const argumentList = field(node, 'arguments');
  const args: SyntaxNode[] = [];
  const spreads: SyntaxNode[] = [];
  if (argumentList?.type === 'arguments') {
    for (const arg of argumentList.namedChildren) {
      if (arg.type === 'spread_element') {
        const inner = arg.namedChild(0);
        if (inner) spreads.push(inner);
      } else if (arg.type !== 'comment') {
        args.push(arg);
      }
    }
  }
  const asMember = member(callee);
  return { node, callee, name: asMember ? asMember.property : callee.text, receiver: asMember?.object, args, named: noKeywordArguments, spreads };
}
const call = memoized(readCall);

/** The identifier a parameter declares, its type annotation and decorators. */
function parameterOf(node: SyntaxNode): Parameter | undefined {
  switch (node.type) {
    case 'identifier':
      return { name: node.text, node, markers: '' };
    case 'required_parameter':
    case 'optional_parameter': {
      const pattern = field(node, 'pattern');
      if (pattern?.type !== 'identifier') return undefined;
      const type = field(node, 'type');
      const markers = node.namedChildren
        .filter((child) => child.type === 'decorator')
        .map((child) => child.text)
        .join(' ');
      return { name: pattern.text, node, type: type?.text.replace(/^:\s*/, ''), markers };
    }
    case 'assignment_pattern': {
      const left = field(node, 'left');
      return left?.type === 'identifier' ? { name: left.text, node, markers: '' } : undefined;
    }
    default:
      return undefined;
  }
}

function readParameters(fn: SyntaxNode): Parameter[] {
  const single = field(fn, 'parameter');
  if (single) return single.type === 'identifier' ? [{ name: single.text, node: single, markers: '' }] : [];
  const list = field(fn, 'parameters');
  if (!list) return [];
  return list.namedChildren
    .map(parameterOf)
    .filter((parameter): parameter is Parameter => parameter !== undefined);
}
const parameters = memoized(readParameters);

function rootName(node: SyntaxNode): string | undefined {
  const root = chainRoot(node, (current) => member(current)?.object ?? (current.type === 'subscript_expression' ? field(current, 'object') : undefined));
  return root.type === 'identifier' ? root.text : undefined;
}

/** Methods that run the callback they are given before they return (`names.forEach((name) => { out[name] = … })`). */
const inPlaceIterators = new Set(['forEach', 'each']);

/** The outer names a callback changes (`out[name] = …`, `out.set(name, …)`): not its own parameters. */
function changedByCallback(fn: SyntaxNode): Set<string> {
  const own = new Set(parameters(fn).map((parameter) => parameter.name));
  const changed = new Set<string>();
  const visit = (node: SyntaxNode): void => {
    let target: SyntaxNode | undefined;
    if (node.type === 'assignment_expression' || node.type === 'augmented_assignment_expression') {
      const left = field(node, 'left');
      if (left?.type !== 'identifier') target = left;
    } else if (node.type === 'call_expression') {
      target = call(node)?.receiver;
    }
    const name = target ? rootName(target) : undefined;
    if (name !== undefined && !own.has(name)) changed.add(name);
    for (const child of node.namedChildren) visit(child);
  };
  const body = field(fn, 'body');
  if (body) visit(body);
  return changed;
}

/** The names one binding statement (as the query captured it) gives a value to or changes. */
function bindingsOf(node: SyntaxNode, add: (name: string, site: BindingSite) => void): void {
  switch (node.type) {
    case 'variable_declarator': {
      const name = field(node, 'name');
      const value = field(node, 'value');
      if (!name || !value) break;
      if (name.type === 'identifier') add(name.text, { kind: 'value', node: value });
      else if (name.type === 'object_pattern') {
        // `const { headers } = req`: the names stand for parts of the value.
        for (const child of name.namedChildren) {
          if (child.type === 'shorthand_property_identifier_pattern') add(child.text, { kind: 'value', node: value });
        }
      }
      break;
    }
    case 'assignment_expression':
    case 'augmented_assignment_expression': {
      const left = field(node, 'left');
      const right = field(node, 'right');
      if (!left || !right) break;
      if (left.type === 'identifier' && node.type === 'assignment_expression') add(left.text, { kind: 'value', node: right });
      else {
        const name = rootName(left);
        if (name !== undefined) add(name, { kind: 'mutation', node });
      }
      break;
    }
    case 'for_in_statement': {
      const left = field(node, 'left');
      const right = field(node, 'right');
      if (left?.type === 'identifier' && right) add(left.text, { kind: 'iteration', node: right });
      break;
    }
    case 'expression_statement': {
      let expression = node.namedChild(0);
      if (expression?.type === 'await_expression') expression = expression.namedChild(0);
      const shape = expression ? call(expression) : undefined;
      addCallStatement(node, shape, rootName, add);
      if (shape && inPlaceIterators.has(shape.name)) {
        const named = new Set([...(shape.receiver ? [rootName(shape.receiver)] : []), ...shape.args.map(rootName)]);
        for (const callback of shape.args.filter((arg) => functionTypes.has(arg.type))) {
          for (const name of changedByCallback(callback)) if (!named.has(name)) add(name, { kind: 'mutation', node });
        }
      }
      break;
    }
  }
}

function functionName(fn: SyntaxNode): string | undefined {
  const own = field(fn, 'name');
  if (own) return own.text;
  const parent = fn.parent;
  if (parent?.type === 'variable_declarator') return field(parent, 'name')?.text;
  if (parent?.type === 'pair') return field(parent, 'key')?.text;
  if (parent?.type === 'assignment_expression') return field(parent, 'left')?.text.split('.').pop();
  return undefined;
}

export const javascriptSyntax: Syntax = {
  kinds: {
    string: new Set(['string', 'template_string', 'property_identifier']),
    identifier: new Set(['identifier', 'shorthand_property_identifier']),
    call: new Set(['call_expression', 'new_expression']),
    member: new Set(['member_expression']),
    entries: new Set(['object']),
  },
  functionTypes,
  inertTypes: new Set([
    'number',
    'true',
    'false',
    'null',
    'undefined',
    'comment',
    'regex',
    'this',
    'super',
    'escape_sequence',
    'type_annotation',
    'type_arguments',
    'type_parameters',
    'predefined_type',
    'type_identifier',
  ]),
  passThroughTypes: new Set([
    'parenthesized_expression',
    'await_expression',
    'ternary_expression',
    'as_expression',
    'satisfies_expression',
    'non_null_expression',
    'type_assertion',
    'statement_block',
    'expression_statement',
  ]),
  returnTypes: new Set(['return_statement']),
  stringValue,
  identifierName: (node) => (node.type === 'identifier' || node.type === 'shorthand_property_identifier' ? node.text : undefined),
  call,
  member,
  subscript(node) {
    const found = fieldsOf(node, 'subscript_expression', 'object', 'index');
    return found ? { object: found[0], index: found[1] } : undefined;
  },
  entries: (node) => literalEntries(node, { literal: 'object', pair: 'pair', spread: 'spread_element', shorthand: 'shorthand_property_identifier' }),
  isMembershipTest(node) {
    const parent = node.parent;
    return parent?.type === 'binary_expression' && field(parent, 'operator')?.text === 'in' && field(parent, 'right')?.equals(node) === true;
  },
  functionName,
  functionBody: (fn) => field(fn, 'body'),
  parameters,
  bindingsOf,
};
