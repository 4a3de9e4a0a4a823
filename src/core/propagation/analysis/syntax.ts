import type { SyntaxNode } from '../runtime/syntaxTree';

/** `CallShape.named` of the languages without keyword arguments. */
export const noKeywordArguments: ReadonlyMap<string, SyntaxNode> = new Map();

/** A call expression taken apart the same way in every language. */
export interface CallShape {
  readonly node: SyntaxNode;
  readonly callee: SyntaxNode;
  /** The last name of the callee: `get` for `requests.get`, `Do` for `client.Do`, `forward` for `forward`. */
  readonly name: string;
  /** The object the method is called on, if the callee is a member access. */
  readonly receiver?: SyntaxNode;
  readonly args: readonly SyntaxNode[];
  /** Keyword arguments (Python) by name. */
  readonly named: ReadonlyMap<string, SyntaxNode>;
  /** `**kwargs` / `...args` arguments, which can hide any option. */
  readonly spreads: readonly SyntaxNode[];
}

export interface MemberShape {
  readonly object: SyntaxNode;
  readonly property: string;
}

export interface EntriesShape {
  readonly pairs: readonly { readonly key: SyntaxNode; readonly value: SyntaxNode }[];
  /** `**other` / `...other` entries. */
  readonly spreads: readonly SyntaxNode[];
}

/** Where a name gets its value in a scope. */
export interface BindingSite {
  /**
   * `value` — `name = <node>`; `iteration` — `for name in <node>`; `mutation` — a statement that changes the value
   * named (`name.update(…)`, `name[k] = v`, `inject(name)`); `parameter` — a parameter (node = the parameter).
   */
  readonly kind: 'value' | 'iteration' | 'mutation' | 'parameter';
  readonly node: SyntaxNode;
}

export interface Parameter {
  readonly name: string;
  readonly node: SyntaxNode;
  /** The declared type as written (`*http.Request`, `Request`, `HttpServletRequest`), if any. */
  readonly type?: string;
  /** Decorators/annotations/default value text that tell what the parameter carries (`@RequestHeader("b3")`, `Header(None)`). */
  readonly markers: string;
}

/** What the shared analysis needs to know about one grammar. */
/** Node types per kind, so the evaluator reads a node's type once and asks only the matching adapter. */
export interface NodeKinds {
  readonly string: ReadonlySet<string>;
  readonly identifier: ReadonlySet<string>;
  readonly call: ReadonlySet<string>;
  readonly member: ReadonlySet<string>;
  readonly entries: ReadonlySet<string>;
}

export interface Syntax {
  readonly kinds: NodeKinds;
  readonly functionTypes: ReadonlySet<string>;
  /** Nodes that carry nothing the evaluator looks for: comments, numbers, booleans, types. Never descended into. */
  readonly inertTypes: ReadonlySet<string>;
  /** Nodes that hand their value through unchanged (parentheses, await, conditionals, casts). */
  readonly passThroughTypes: ReadonlySet<string>;
  readonly returnTypes: ReadonlySet<string>;
  stringValue(node: SyntaxNode): string | undefined;
  identifierName(node: SyntaxNode): string | undefined;
  call(node: SyntaxNode): CallShape | undefined;
  member(node: SyntaxNode): MemberShape | undefined;
  subscript(node: SyntaxNode): { readonly object: SyntaxNode; readonly index: SyntaxNode } | undefined;
  entries(node: SyntaxNode): EntriesShape | undefined;
  /** True for `x in headers` style membership tests whose right side is `node`. */
  isMembershipTest(node: SyntaxNode): boolean;
  functionName(fn: SyntaxNode): string | undefined;
  functionBody(fn: SyntaxNode): SyntaxNode | undefined;
  parameters(fn: SyntaxNode): readonly Parameter[];
  /**
   * Adds what one binding statement binds or changes; the language's query captures these statements as
   * `@binding` (assignments, declarations, loops, call statements).
   */
  bindingsOf(node: SyntaxNode, add: (name: string, site: BindingSite) => void): void;
}
