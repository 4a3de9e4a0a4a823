import type { SyntaxNode } from '../../runtime/syntaxTree';
import { addCallStatement } from '../../analysis/bindingSites';
import { chainRoot, field, fieldsOf, memoized } from '../../analysis/nodes';
import { noKeywordArguments, type BindingSite, type CallShape, type Parameter, type Syntax } from '../../analysis/syntax';
import { goImports, goPackageName } from './imports';

const functionTypes = new Set(['function_declaration', 'method_declaration', 'func_literal']);

function readStringValue(node: SyntaxNode): string | undefined {
  if (node.type === 'interpreted_string_literal') {
    return node.namedChildren
      .filter((child) => child.type === 'interpreted_string_literal_content')
      .map((child) => child.text)
      .join('');
  }
  if (node.type === 'raw_string_literal') return node.text.slice(1, -1);
  return undefined;
}
const stringValue = memoized(readStringValue);

function readMember(node: SyntaxNode): { object: SyntaxNode; property: string } | undefined {
  const found = fieldsOf(node, 'selector_expression', 'operand', 'field');
  return found ? { object: found[0], property: found[1].text } : undefined;
}
const member = memoized(readMember);

function readCall(node: SyntaxNode): CallShape | undefined {
  if (node.type !== 'call_expression') return undefined;
  const callee = field(node, 'function');
  if (!callee) return undefined;
  const list = field(node, 'arguments');
  const args: SyntaxNode[] = [];
  const spreads: SyntaxNode[] = [];
  for (const arg of list ? list.namedChildren : []) {
    if (arg.type === 'variadic_argument') {
      const inner = arg.namedChild(0);
      if (inner) spreads.push(inner);
    } else if (arg.type !== 'comment') args.push(arg);
  }
  const asMember = member(callee);
  return { node, callee, name: asMember ? asMember.property : callee.text, receiver: asMember?.object, args, named: noKeywordArguments, spreads };
}
const call = memoized(readCall);

function readParameters(fn: SyntaxNode): Parameter[] {
  const list = field(fn, 'parameters');
  if (!list) return [];
  const result: Parameter[] = [];
  for (const declaration of list.namedChildren) {
    if (declaration.type !== 'parameter_declaration' && declaration.type !== 'variadic_parameter_declaration') continue;
    const type = field(declaration, 'type')?.text;
    for (const name of declaration.childrenForFieldName('name')) {
      result.push({ name: name.text, node: name, ...(type === undefined ? {} : { type }), markers: '' });
    }
  }
  return result;
}
const parameters = memoized(readParameters);

/** The expression a chain of selectors and indexes hangs from: `req.Header["b3"]` → `req`. */
function rootName(node: SyntaxNode): string | undefined {
  const root = chainRoot(node, (current) => member(current)?.object ?? (current.type === 'index_expression' ? field(current, 'operand') : undefined));
  return root.type === 'identifier' ? root.text : undefined;
}

/** `a, b := f()` binds both names to the call; `a, b := x, y` pairs them up. */
function bindList(left: SyntaxNode, right: SyntaxNode, add: (name: string, site: BindingSite) => void, kind: 'value' | 'iteration', statement: SyntaxNode): void {
  const names = left.type === 'expression_list' ? left.namedChildren : [left];
  const values = right.type === 'expression_list' ? right.namedChildren : [right];
  names.forEach((name, index) => {
    const value = values.length === names.length ? values[index] : values[0];
    if (name.type === 'identifier' && value) {
      if (name.text !== '_') add(name.text, { kind, node: value });
    } else {
      const root = rootName(name);
      if (root !== undefined) add(root, { kind: 'mutation', node: statement });
    }
  });
}

/** The names a file's imports are used by (`http`, an alias): packages, which no statement changes. */
const packageNames = memoized((root: SyntaxNode): ReadonlySet<string> => new Set(goImports(root).map(goPackageName)));

function fileRoot(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

/** The names one binding statement (as the query captured it) gives a value to or changes. */
function bindingsOf(node: SyntaxNode, add: (name: string, site: BindingSite) => void): void {
  switch (node.type) {
    case 'short_var_declaration':
    case 'assignment_statement': {
      const left = field(node, 'left');
      const right = field(node, 'right');
      if (left && right) bindList(left, right, add, 'value', node);
      break;
    }
    case 'var_spec':
    case 'const_spec': {
      const value = field(node, 'value');
      if (!value) break;
      const names = node.childrenForFieldName('name');
      const values = value.namedChildren;
      names.forEach((name, index) => {
        const bound = values.length === names.length ? values[index] : values[0];
        if (bound) add(name.text, { kind: 'value', node: bound });
      });
      break;
    }
    case 'range_clause': {
      const left = field(node, 'left');
      const right = field(node, 'right');
      if (left && right) for (const name of left.namedChildren) if (name.type === 'identifier' && name.text !== '_') add(name.text, { kind: 'iteration', node: right });
      break;
    }
    case 'expression_statement': {
      const expression = node.namedChild(0);
      // `Inject(ctx, propagation.HeaderCarrier(req.Header))`: the carrier's argument is changed too. `http.Error(w, …)`
      // changes no variable `http`.
      const packages = packageNames(fileRoot(node));
      const variableRoot = (at: SyntaxNode): string | undefined => {
        const name = rootName(at);
        return name === undefined || packages.has(name) ? undefined : name;
      };
      addCallStatement(node, expression ? call(expression) : undefined, variableRoot, add, (arg) => call(arg)?.args ?? []);
      break;
    }
  }
}

export const goSyntax: Syntax = {
  kinds: {
    string: new Set(['interpreted_string_literal', 'raw_string_literal']),
    identifier: new Set(['identifier']),
    call: new Set(['call_expression']),
    member: new Set(['selector_expression']),
    entries: new Set(['composite_literal']),
  },
  functionTypes,
  inertTypes: new Set([
    'int_literal',
    'float_literal',
    'imaginary_literal',
    'rune_literal',
    'true',
    'false',
    'nil',
    'iota',
    'comment',
    'field_identifier',
    'package_identifier',
    'type_identifier',
    'qualified_type',
    'pointer_type',
    'slice_type',
    'map_type',
    'array_type',
    'struct_type',
    'interface_type',
    'function_type',
    'channel_type',
    'generic_type',
    'type_arguments',
  ]),
  passThroughTypes: new Set(['parenthesized_expression', 'unary_expression', 'block', 'statement_list', 'expression_statement', 'expression_list', 'literal_element']),
  returnTypes: new Set(['return_statement']),
  stringValue,
  identifierName: (node) => (node.type === 'identifier' ? node.text : undefined),
  call,
  member,
  subscript(node) {
    const found = fieldsOf(node, 'index_expression', 'operand', 'index');
    return found ? { object: found[0], index: found[1] } : undefined;
  },
  entries(node) {
    if (node.type !== 'composite_literal') return undefined;
    const body = field(node, 'body');
    const keyed = body ? body.namedChildren.filter((child) => child.type === 'keyed_element') : [];
    if (keyed.length === 0) return undefined;
    const unwrap = (element: SyntaxNode | undefined): SyntaxNode | undefined => (element?.type === 'literal_element' ? (element.namedChild(0) ?? undefined) : element);
    const pairs = keyed.flatMap((element) => {
      const key = unwrap(field(element, 'key') ?? element.namedChild(0) ?? undefined);
      const value = unwrap(field(element, 'value') ?? element.namedChild(1) ?? undefined);
      return key && value ? [{ key, value }] : [];
    });
    return { pairs, spreads: [] };
  },
  isMembershipTest: () => false,
  functionName(fn) {
    const own = field(fn, 'name');
    if (own) return own.text;
    const parent = fn.parent?.type === 'expression_list' ? fn.parent.parent : fn.parent;
    if (parent?.type === 'short_var_declaration' || parent?.type === 'assignment_statement') return field(parent, 'left')?.namedChild(0)?.text;
    return undefined;
  },
  functionBody: (fn) => field(fn, 'body'),
  parameters,
  bindingsOf,
};
