import type { SyntaxNode } from '../runtime/syntaxTree';
import type { PropagationOptions } from '../options';
import { traceHeaderNames } from '../headers';
import { resolveSites, type EvaluationContext } from './evidence';
import type { RequestRoot, RootMap } from './roots';
import type { BindingSite, Syntax } from './syntax';

/** Thrown when a file's analysis runs past its time budget. */
export class BudgetExceededError extends Error {
  constructor(readonly budgetMs: number) {
    super(`analysis stopped after its ${budgetMs} ms budget`);
  }
}

/** Names that say a function carries the trace context, whatever file it lives in. */
const propagatingName = /forward|propagat|trace_?headers|traceHeaders|tracing_?headers|TracingHeaders|TraceHeaders|with_?trace|withTrace|traced/i;

/**
 * Per-file state shared by a language's analysis and the evaluator: the tree, cached bindings and function index,
 * the request roots functions receive, and the time budget.
 */
export interface FileContextInput {
  readonly text: string;
  readonly root: SyntaxNode;
  readonly syntax: Syntax;
  readonly options: PropagationOptions;
  /** Request roots of a function's own parameters (language specific). */
  readonly parameterRoots: (fn: SyntaxNode) => RootMap;
  /**
   * Matches the text before the body of every function that may receive the request (a superset: names and types
   * of request, headers and context parameters); the parameters of the others are never taken apart.
   */
  readonly requestHint: RegExp;
  /** Names that are request roots anywhere in the file, such as Flask's global `request`. */
  readonly globalRoots: RootMap;
  readonly deadline: number;
  readonly budgetMs: number;
  /** The file's functions, as the language's query captured them. */
  readonly functions: readonly SyntaxNode[];
  /** The statements that bind or change names (`@binding` captures) that intersect `[start, end)`. */
  readonly bindingsIn: (start: number, end: number) => readonly SyntaxNode[];
}

interface Extent {
  readonly fn: SyntaxNode;
  readonly start: number;
  readonly end: number;
}

/** Does `node` lie within `[start, end)`? Nodes nest, so one that starts strictly inside does; only a tie needs its end. */
function within(node: SyntaxNode, start: number, end: number): boolean {
  return node.startIndex > start ? node.startIndex < end : node.startIndex === start && node.endIndex <= end;
}

/**
 * Per-file state shared by a language's analysis and the evaluator: the tree, bindings and function index (each
 * built when first asked for, and for a scope only when that scope is), the request roots functions receive, and
 * the time budget.
 */
export class FileContext implements EvaluationContext {
  readonly text: string;
  readonly root: SyntaxNode;
  readonly syntax: Syntax;
  readonly options: PropagationOptions;
  readonly globalRoots: RootMap;
  readonly traceHeaders: ReadonlySet<string>;
  /** The name sets being recorded, outermost first. */
  private readonly recordings: Set<string>[] = [];
  private readonly sitesByScope = new Map<number, Map<string, BindingSite[]>>();
  private readonly statementsByScope = new Map<number, readonly SyntaxNode[]>();
  private functionIndex: Map<string, SyntaxNode[]> | undefined;
  private readonly wrappers: ReadonlySet<string>;
  private readonly ownRoots = new Map<number, RootMap>();
  /** The functions' extents, read once and smallest first: a node's scopes are the functions whose extent holds it. */
  private readonly functionSpans: readonly Extent[];
  /** The same, in document order. */
  private readonly functionsByStart: readonly Extent[];

  constructor(private readonly input: FileContextInput) {
    this.text = input.text;
    this.root = input.root;
    this.syntax = input.syntax;
    this.options = input.options;
    this.globalRoots = input.globalRoots;
    this.traceHeaders = traceHeaderNames(input.options.headers);
    this.wrappers = new Set(input.options.wrappers);
    const extents = input.functions.map((fn) => ({ fn, start: fn.startIndex, end: fn.endIndex }));
    this.functionSpans = [...extents].sort((a, b) => a.end - a.start - (b.end - b.start));
    this.functionsByStart = extents.sort((a, b) => a.start - b.start);
  }

  /**
   * The functions around `node` (itself included when it is one), innermost first. Computed from extents rather
   * than by climbing `parent` links, which tree-sitter resolves by descending from the root each time.
   */
  enclosingFunctions(node: SyntaxNode): SyntaxNode[] {
    return this.functionSpans.filter((span) => within(node, span.start, span.end)).map((span) => span.fn);
  }

  /** May `fn` receive the incoming request (or its headers or context)? A text test that spares taking most functions apart. */
  mayReceiveRequest(fn: SyntaxNode): boolean {
    const body = this.syntax.functionBody(fn);
    return this.input.requestHint.test(this.text.slice(fn.startIndex, body ? body.startIndex : fn.endIndex));
  }

  /** Runs `read` and returns the names it looked up outside any function (module-level bindings, same-file functions). */
  recordReads<T>(read: () => T): { value: T; names: ReadonlySet<string> } {
    const names = new Set<string>();
    this.recordings.push(names);
    try {
      return { value: read(), names };
    } finally {
      this.recordings.pop();
    }
  }

  /** Counts names read earlier (by a result being reused) as read now. */
  replayReads(names: Iterable<string>): void {
    for (const name of names) this.record(name);
  }

  private record(name: string): void {
    for (const names of this.recordings) names.add(name);
  }

  checkBudget(): void {
    if (performance.now() > this.input.deadline) throw new BudgetExceededError(this.input.budgetMs);
  }

  isWrapperName(name: string): boolean {
    return this.wrappers.has(name) || propagatingName.test(name);
  }

  /** Is `name` one of the configured propagating wrappers (exact names only)? */
  isConfiguredWrapper(name: string): boolean {
    return this.wrappers.has(name);
  }

  sitesIn(scope: SyntaxNode, name: string): readonly BindingSite[] {
    if (scope.equals(this.root)) this.record(name);
    let byName = this.sitesByScope.get(scope.id);
    if (!byName) {
      byName = new Map();
      this.sitesByScope.set(scope.id, byName);
    }
    let sites = byName.get(name);
    if (!sites) {
      sites = this.readSites(scope, name);
      byName.set(name, sites);
    }
    return sites;
  }

  /**
   * Only statements whose text holds the name can bind it: the others (most of a scope, for most names) are never
   * taken apart.
   */
  private readSites(scope: SyntaxNode, name: string): BindingSite[] {
    const sites: BindingSite[] = [];
    if (!scope.equals(this.root)) {
      const parameter = this.syntax.parameters(scope).filter((candidate) => candidate.name === name).at(-1);
      if (parameter) sites.push({ kind: 'parameter', node: parameter.node });
    }
    for (const statement of this.statementsOf(scope)) {
      if (!statement.text.includes(name)) continue;
      for (const [bound, site] of this.bindingsOf(statement)) if (bound === name) sites.push(site);
    }
    return sites;
  }

  /**
   * The binding statements of a scope: those in its extent that are not inside a function nested in it, in document
   * order. Queried for that extent alone (the file's root: for the stretches between its outermost functions).
   */
  private statementsOf(scope: SyntaxNode): readonly SyntaxNode[] {
    const known = this.statementsByScope.get(scope.id);
    if (known) return known;
    const isRoot = scope.equals(this.root);
    const start = isRoot ? 0 : scope.startIndex;
    const end = isRoot ? Number.MAX_SAFE_INTEGER : scope.endIndex;
    const nested = this.functionsByStart.filter((span) => span.fn.id !== scope.id && within(span.fn, start, end));
    const found = isRoot ? this.bindingsOutside(nested) : this.input.bindingsIn(start, end);
    const statements = found
      .filter((node) => within(node, start, end) && !nested.some((span) => within(node, span.start, span.end)))
      .sort((a, b) => a.startIndex - b.startIndex);
    this.statementsByScope.set(scope.id, statements);
    return statements;
  }

  /** Binding statements in the stretches of the file between the outermost of `functions` (in document order). */
  private bindingsOutside(functions: readonly Extent[]): SyntaxNode[] {
    const found = new Map<number, SyntaxNode>();
    let from = 0;
    const stretch = (to: number): void => {
      // Blank lines and comments between two functions bind nothing: no query for them.
      if (to > from && /\S/.test(this.text.slice(from, to))) for (const node of this.input.bindingsIn(from, to)) found.set(node.id, node);
    };
    for (const span of functions) {
      if (span.start < from) continue;
      stretch(span.start);
      from = span.end;
    }
    stretch(this.text.length);
    return [...found.values()];
  }

  /** What one statement binds or changes, read once. */
  private bindingsOf(statement: SyntaxNode): readonly (readonly [string, BindingSite])[] {
    return statement.memo(this.readBindings);
  }

  private readonly readBindings = (statement: SyntaxNode): (readonly [string, BindingSite])[] => {
    const bound: (readonly [string, BindingSite])[] = [];
    this.syntax.bindingsOf(statement, (name, site) => bound.push([name, site]));
    return bound;
  };

  functionsNamed(name: string): readonly SyntaxNode[] {
    this.record(name);
    if (!this.functionIndex) {
      const index = new Map<string, SyntaxNode[]>();
      for (const fn of this.input.functions) {
        const fnName = this.syntax.functionName(fn);
        if (fnName === undefined) continue;
        const list = index.get(fnName);
        if (list) list.push(fn);
        else index.set(fnName, [fn]);
      }
      this.functionIndex = index;
    }
    return this.functionIndex.get(name) ?? [];
  }

  /** The request roots a function receives through its own parameters. */
  parameterRootsOf(fn: SyntaxNode): RootMap {
    let roots = this.ownRoots.get(fn.id);
    if (!roots) {
      roots = this.mayReceiveRequest(fn) ? this.input.parameterRoots(fn) : new Map<string, RequestRoot>();
      this.ownRoots.set(fn.id, roots);
    }
    return roots;
  }

  rootsOf(fn: SyntaxNode, inherited: RootMap): RootMap {
    const roots = new Map<string, RequestRoot>(this.globalRoots);
    for (const [name, root] of inherited) roots.set(name, root);
    for (const [name, root] of this.parameterRootsOf(fn)) roots.set(name, root);
    return roots;
  }

  scopesOf(node: SyntaxNode): readonly SyntaxNode[] {
    return [...this.enclosingFunctions(node), this.root];
  }

  /** Where `name` gets its value (and what changes it) in the scopes around `node`, before `before`. */
  sitesOf(name: string, node: SyntaxNode, before: number): BindingSite[] {
    return resolveSites(this.scopesOf(node), before, (scope) => this.sitesIn(scope, name));
  }
}

