import type { Node } from '@vscode/tree-sitter-wasm';
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
export class FileContext implements EvaluationContext {
  readonly traceHeaders: ReadonlySet<string>;
  private bindingsByScope: Map<number, Map<string, BindingSite[]>> | undefined;
  private functionIndex: Map<string, Node[]> | undefined;
  private readonly wrappers: ReadonlySet<string>;
  private readonly ownRoots = new Map<number, RootMap>();
  /** The functions' extents, read once: a node's scopes are the functions whose extent holds it. */
  private readonly functionSpans: readonly { readonly fn: Node; readonly start: number; readonly end: number }[];

  constructor(
    readonly text: string,
    readonly root: Node,
    readonly syntax: Syntax,
    readonly options: PropagationOptions,
    /** Request roots of a function's own parameters (language specific). */
    private readonly parameterRoots: (fn: Node) => RootMap,
    /** Names that are request roots anywhere in the file, such as Flask's global `request`. */
    readonly globalRoots: RootMap,
    private readonly deadline: number,
    private readonly budgetMs: number,
    /** The file's functions, as the language's query captured them. */
    private readonly functions: readonly Node[],
    /** The statements that bind or change names (`@binding` captures). */
    private readonly bindingNodes: readonly Node[],
  ) {
    this.traceHeaders = traceHeaderNames(options.headers);
    this.wrappers = new Set(options.wrappers);
    this.functionSpans = functions.map((fn) => ({ fn, start: fn.startIndex, end: fn.endIndex })).sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  /**
   * The functions around `node` (itself included when it is one), innermost first. Computed from extents rather
   * than by climbing `parent` links, which tree-sitter resolves by descending from the root each time.
   */
  enclosingFunctions(node: Node): Node[] {
    const start = node.startIndex;
    const end = node.endIndex;
    return this.functionSpans.filter((span) => span.start <= start && end <= span.end).map((span) => span.fn);
  }

  checkBudget(): void {
    if (performance.now() > this.deadline) throw new BudgetExceededError(this.budgetMs);
  }

  isWrapperName(name: string): boolean {
    return this.wrappers.has(name) || propagatingName.test(name);
  }

  /** Is `name` one of the configured propagating wrappers (exact names only)? */
  isConfiguredWrapper(name: string): boolean {
    return this.wrappers.has(name);
  }

  bindings(scope: Node): ReadonlyMap<string, readonly BindingSite[]> {
    if (!this.bindingsByScope) {
      this.bindingsByScope = new Map();
      for (const node of this.bindingNodes) {
        const owner = this.enclosingFunctions(node)[0] ?? this.root;
        let map = this.bindingsByScope.get(owner.id);
        if (!map) {
          map = this.scopeBindings(owner);
          this.bindingsByScope.set(owner.id, map);
        }
        const into = map;
        this.syntax.bindingsOf(node, (name, site) => {
          const list = into.get(name);
          if (list) list.push(site);
          else into.set(name, [site]);
        });
      }
    }
    let map = this.bindingsByScope.get(scope.id);
    if (!map) {
      map = this.scopeBindings(scope);
      this.bindingsByScope.set(scope.id, map);
    }
    return map;
  }

  /** A scope's bindings start with its parameters. */
  private scopeBindings(scope: Node): Map<string, BindingSite[]> {
    const map = new Map<string, BindingSite[]>();
    if (scope.equals(this.root)) return map;
    for (const parameter of this.syntax.parameters(scope)) map.set(parameter.name, [{ kind: 'parameter', node: parameter.node }]);
    return map;
  }

  functionsNamed(name: string): readonly Node[] {
    if (!this.functionIndex) {
      const index = new Map<string, Node[]>();
      for (const fn of this.functions) {
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
  parameterRootsOf(fn: Node): RootMap {
    let roots = this.ownRoots.get(fn.id);
    if (!roots) {
      roots = this.parameterRoots(fn);
      this.ownRoots.set(fn.id, roots);
    }
    return roots;
  }

  rootsOf(fn: Node, inherited: RootMap): RootMap {
    const roots = new Map<string, RequestRoot>(this.globalRoots);
    for (const [name, root] of inherited) roots.set(name, root);
    for (const [name, root] of this.parameterRootsOf(fn)) roots.set(name, root);
    return roots;
  }

  scopesOf(node: Node): readonly Node[] {
    return [...this.enclosingFunctions(node), this.root];
  }

  /** Where `name` gets its value (and what changes it) in the scopes around `node`, before `before`. */
  sitesOf(name: string, node: Node, before: number): BindingSite[] {
    return resolveSites(name, this.scopesOf(node), before, (scope) => this.bindings(scope));
  }
}
