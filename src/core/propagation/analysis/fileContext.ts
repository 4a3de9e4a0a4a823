import type { SyntaxNode } from '../runtime/syntaxTree';
import type { PropagationOptions } from '../options';
import { traceHeaderNames } from '../headers';
import { resolveSites, type EvaluationContext } from './evidence';
import type { RequestRoot, RootMap } from './roots';
import type { BindingStatements } from './bindingStatements';
import type { BindingSite, Syntax } from './syntax';
import { extentHolding } from './nodes';

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
  /** The statements that bind or change names. */
  readonly bindings: BindingStatements;
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
  /** The functions not inside another, in document order. */
  private readonly outermostFunctions: readonly Extent[];

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
    const outermost: Extent[] = [];
    for (const span of this.functionsByStart) if (!outermost.some((outer) => outer.start <= span.start && span.end <= outer.end)) outermost.push(span);
    this.outermostFunctions = outermost;
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
    const isRoot = scope.equals(this.root);
    if (!isRoot) {
      const parameter = this.syntax.parameters(scope).filter((candidate) => candidate.name === name).at(-1);
      if (parameter) sites.push({ kind: 'parameter', node: parameter.node });
    }
    for (const statement of isRoot ? this.rootStatementsMentioning(name) : this.statementsOf(scope)) {
      if (!statement.text.includes(name)) continue;
      for (const [bound, site] of this.bindingsOf(statement)) if (bound === name) sites.push(site);
    }
    return sites;
  }

  /** The binding statements of a function: those in its extent not inside a function nested in it, in document order. */
  private statementsOf(scope: SyntaxNode): readonly SyntaxNode[] {
    const known = this.statementsByScope.get(scope.id);
    if (known) return known;
    const nested = this.functionsByStart.filter((span) => span.fn.id !== scope.id && within(span.fn, scope.startIndex, scope.endIndex));
    const statements = this.input
      .bindings.under(scope)
      .filter((node) => !nested.some((span) => within(node, span.start, span.end)))
      .sort((a, b) => a.startIndex - b.startIndex);
    this.statementsByScope.set(scope.id, statements);
    return statements;
  }

  /**
   * The file-level binding statements that mention `name` (the only ones that can bind it), in document order: the
   * statements around each place the name is written outside every function. Found from the text, as the file level
   * is spread between the functions (a class's fields between its methods).
   */
  private rootStatementsMentioning(name: string): readonly SyntaxNode[] {
    const found = new Map<number, SyntaxNode>();
    const seen = new Set<number>();
    const word = new RegExp(`(?<![\\w$])${name.replace(/[$.*+?^(){}[\]|\\]/g, '\\$&')}(?![\\w$])`, 'g');
    for (const occurrence of this.text.matchAll(word)) {
      const at = occurrence.index;
      if (this.insideFunction(at)) continue;
      for (let node = this.root.descendantForIndex(at, at + name.length); node && !node.equals(this.root); node = node.parent) {
        if (seen.has(node.id)) break;
        seen.add(node.id);
        if (this.input.bindings.isBinding(node)) found.set(node.id, node);
      }
    }
    return [...found.values()].sort((a, b) => a.startIndex - b.startIndex);
  }

  /** Is an offset inside a function (in the extent of one of the outermost ones)? */
  private insideFunction(offset: number): boolean {
    return extentHolding(this.outermostFunctions, offset, (span) => span.start, (span) => span.end) !== undefined;
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

