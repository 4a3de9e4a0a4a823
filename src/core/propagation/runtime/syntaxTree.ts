import type { Node, Point, Query, QueryCapture, QueryMatch, QueryOptions, Tree } from '@vscode/tree-sitter-wasm';

/**
 * A read-only view of one parsed tree that remembers what it has read. Every property of a tree-sitter `Node` other
 * than its id and start crosses into the parser's WASM (and each child or field read there makes a new JavaScript
 * object), while the analysis asks the same nodes the same questions many times: here each node has one object,
 * and its type, end, text, fields, children and parent are read once. Valid while the tree is (the engine frees
 * the tree, and with it every `SyntaxNode`, after the analysis).
 */
export class SyntaxTree {
  private readonly nodes = new Map<number, SyntaxNode>();
  readonly root: SyntaxNode;

  constructor(
    tree: Tree,
    /** The text the tree was parsed from: node texts are slices of it. */
    readonly source: string,
  ) {
    this.root = this.wrap(tree.rootNode);
  }

  /** The one `SyntaxNode` of a tree-sitter node of this tree. */
  wrap(node: Node): SyntaxNode {
    let wrapped = this.nodes.get(node.id);
    if (!wrapped) {
      wrapped = new SyntaxNode(node, this);
      this.nodes.set(node.id, wrapped);
    }
    return wrapped;
  }

  /** Query captures; each node becomes a `SyntaxNode` only when the analysis asks for it (most calls it skips by name). */
  capturesOf(captures: readonly QueryCapture[]): Capture[] {
    return captures.map((capture) => new Capture(capture, this));
  }
}

/** A character names are made of, in every linted language. */
const nameCharacter = /[\p{L}\p{N}_$]/u;

export class Capture {
  readonly name: string;
  private wrapped: SyntaxNode | undefined;

  constructor(
    private readonly capture: QueryCapture,
    private readonly tree: SyntaxTree,
  ) {
    this.name = capture.name;
  }

  get node(): SyntaxNode {
    this.wrapped ??= this.tree.wrap(this.capture.node);
    return this.wrapped;
  }

  /** The captured node's id (known without crossing into the parser). */
  get id(): number {
    return this.capture.node.id;
  }

  /** Where the captured node starts (known without crossing into the parser). */
  get startIndex(): number {
    return this.capture.node.startIndex;
  }

  /**
   * Whether the captured node, a name, is `word`: decided from its start, without reading its end (a crossing into
   * the parser), as a name's text is the whole run of name characters there.
   */
  isName(word: string): boolean {
    const { source } = this.tree;
    const start = this.capture.node.startIndex;
    return source.startsWith(word, start) && !nameCharacter.test(source.charAt(start + word.length));
  }

  /** The captured text, read without making the node a `SyntaxNode` (calls are sorted by their callee's text). */
  get text(): string {
    if (this.wrapped) return this.wrapped.text;
    const node = this.capture.node;
    return this.tree.source.slice(node.startIndex, node.endIndex);
  }
}

/** A node of a `SyntaxTree`; the names of its members are those of tree-sitter's `Node`. */
export class SyntaxNode {
  readonly id: number;
  readonly startIndex: number;
  readonly startPosition: Point;
  private typeName: string | undefined;
  private end = -1;
  private endPoint: Point | undefined;
  private textValue: string | undefined;
  private named: SyntaxNode[] | undefined;
  private all: SyntaxNode[] | undefined;
  private parentNode: SyntaxNode | null | undefined;
  /** Fields read, as `name, child` pairs. */
  private fields: (string | SyntaxNode | null)[] | undefined;
  /** Memoized results, as `compute, value` pairs: a node has few. */
  private memos: unknown[] | undefined;

  constructor(
    private readonly node: Node,
    private readonly tree: SyntaxTree,
  ) {
    this.id = node.id;
    this.startIndex = node.startIndex;
    this.startPosition = node.startPosition;
  }

  get type(): string {
    this.typeName ??= this.node.type;
    return this.typeName;
  }

  get endIndex(): number {
    if (this.end < 0) this.end = this.node.endIndex;
    return this.end;
  }

  get endPosition(): Point {
    this.endPoint ??= this.node.endPosition;
    return this.endPoint;
  }

  get text(): string {
    this.textValue ??= this.tree.source.slice(this.startIndex, this.endIndex);
    return this.textValue;
  }

  get parent(): SyntaxNode | null {
    if (this.parentNode === undefined) {
      const parent = this.node.parent;
      this.parentNode = parent ? this.tree.wrap(parent) : null;
    }
    return this.parentNode;
  }

  get namedChildren(): readonly SyntaxNode[] {
    this.named ??= this.adopt(this.node.namedChildren);
    return this.named;
  }

  get children(): readonly SyntaxNode[] {
    this.all ??= this.adopt(this.node.children);
    return this.all;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  get lastNamedChild(): SyntaxNode | null {
    return this.namedChildren.at(-1) ?? null;
  }

  /** Whether the node or one inside it is a syntax error. */
  get hasError(): boolean {
    return this.node.hasError;
  }

  child(index: number): SyntaxNode | null {
    return this.children[index] ?? null;
  }

  namedChild(index: number): SyntaxNode | null {
    return this.namedChildren[index] ?? null;
  }

  childForFieldName(name: string): SyntaxNode | null {
    const fields = this.fields;
    if (fields) for (let index = 0; index < fields.length; index += 2) if (fields[index] === name) return fields[index + 1] as SyntaxNode | null;
    const found = this.node.childForFieldName(name);
    const child = found ? this.adoptChild(found) : null;
    this.fields = withPair(fields, name, child);
    return child;
  }

  childrenForFieldName(name: string): readonly SyntaxNode[] {
    return this.adopt(this.node.childrenForFieldName(name));
  }

  /** Records a field child found otherwise (a query captured it), so reading the field costs nothing. */
  learnField(name: string, child: SyntaxNode): void {
    if (!this.fields?.includes(name)) this.fields = withPair(this.fields, name, child);
    child.parentNode ??= this;
  }

  /** The matches of `query` from this node (with `maxStartDepth: 0`, those of patterns that start at it). */
  matches(query: Query, options?: QueryOptions): QueryMatch[] {
    return query.matches(this.node, options);
  }

  /** The smallest node that spans `[start, end)`. */
  descendantForIndex(start: number, end: number): SyntaxNode | null {
    const found = this.node.descendantForIndex(start, end);
    return found ? this.tree.wrap(found) : null;
  }

  equals(other: SyntaxNode): boolean {
    return this.id === other.id;
  }

  /** `compute(this)`, worked out once per node and `compute` (which must depend on the node alone). */
  memo<T>(compute: (node: SyntaxNode) => T): T {
    const memos = this.memos;
    if (memos) for (let index = 0; index < memos.length; index += 2) if (memos[index] === compute) return memos[index + 1] as T;
    const value = compute(this);
    this.memos = withPair(this.memos, compute, value);
    return value;
  }

  private adopt(nodes: readonly (Node | null)[]): SyntaxNode[] {
    // Sized once by `map`: an array grown by `push` reserves room for 17 elements, and most nodes have a few children.
    const adopted = nodes.map((node) => (node ? this.adoptChild(node) : null));
    return adopted.includes(null) ? adopted.filter((node): node is SyntaxNode => node !== null) : (adopted as SyntaxNode[]);
  }

  /** A child read from this node: its parent is known without asking the runtime (which descends from the root). */
  private adoptChild(node: Node): SyntaxNode {
    const child = this.tree.wrap(node);
    child.parentNode ??= this;
    return child;
  }
}

/**
 * `pairs` with one more key and value. A node's first pair gets an array of exactly two: an empty array's first push
 * reserves room for 17 elements, and nodes are many while their fields and memos are few.
 */
function withPair<T>(pairs: T[] | undefined, key: T, value: T): T[] {
  if (!pairs) return [key, value];
  pairs.push(key, value);
  return pairs;
}
