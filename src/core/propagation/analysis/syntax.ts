import type { Node } from '@vscode/tree-sitter-wasm';

/** A call expression taken apart the same way in every language. */
export interface CallShape {
  readonly node: Node;
  readonly callee: Node;
  /** The last name of the callee: `get` for `requests.get`, `Do` for `client.Do`, `forward` for `forward`. */
  readonly name: string;
  /** The object the method is called on, if the callee is a member access. */
  readonly receiver?: Node;
  readonly args: readonly Node[];
  /** Keyword arguments (Python) by name. */
  readonly named: ReadonlyMap<string, Node>;
  /** `**kwargs` / `...args` arguments, which can hide any option. */
  readonly spreads: readonly Node[];
}

export interface MemberShape {
  readonly object: Node;
  readonly property: string;
}

export interface EntriesShape {
  readonly pairs: readonly { readonly key: Node; readonly value: Node }[];
  /** `**other` / `...other` entries. */
  readonly spreads: readonly Node[];
}

/** Where a name gets its value in a scope. */
export interface BindingSite {
  /**
   * `value` — `name = <node>`; `iteration` — `for name in <node>`; `mutation` — a statement that changes the value
   * named (`name.update(…)`, `name[k] = v`, `inject(name)`); `parameter` — a parameter (node = the parameter).
   */
  readonly kind: 'value' | 'iteration' | 'mutation' | 'parameter';
  readonly node: Node;
}

export interface Parameter {
  readonly name: string;
  readonly node: Node;
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
  /** Nodes that hand their value through unchanged (parentheses, await, conditionals, casts). */
  readonly passThroughTypes: ReadonlySet<string>;
  readonly returnTypes: ReadonlySet<string>;
  stringValue(node: Node): string | undefined;
  identifierName(node: Node): string | undefined;
  call(node: Node): CallShape | undefined;
  member(node: Node): MemberShape | undefined;
  subscript(node: Node): { readonly object: Node; readonly index: Node } | undefined;
  entries(node: Node): EntriesShape | undefined;
  /** True for `x in headers` style membership tests whose right side is `node`. */
  isMembershipTest(node: Node): boolean;
  functionName(fn: Node): string | undefined;
  functionBody(fn: Node): Node | undefined;
  parameters(fn: Node): readonly Parameter[];
  /**
   * Adds what one binding statement binds or changes; the language's query captures these statements as
   * `@binding` (assignments, declarations, loops, call statements).
   */
  bindingsOf(node: Node, add: (name: string, site: BindingSite) => void): void;
}
