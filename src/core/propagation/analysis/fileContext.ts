import type { Node } from '@vscode/tree-sitter-wasm';
import type { PropagationOptions } from '../options';
import { traceHeaderNames } from '../headers';
import { resolveSites, type EvaluationContext } from './evidence';
import { ancestorsOfType, visit } from './nodes';
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
  private readonly bindingCache = new Map<number, Map<string, BindingSite[]>>();
  private functionIndex: Map<string, Node[]> | undefined;
  private readonly wrappers: ReadonlySet<string>;
  private readonly ownRoots = new Map<number, RootMap>();

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
  ) {
    this.traceHeaders = traceHeaderNames(options.headers);
    this.wrappers = new Set(options.wrappers);
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
    let map = this.bindingCache.get(scope.id);
    if (!map) {
      const built = new Map<string, BindingSite[]>();
      this.syntax.collectBindings(scope, (name, site) => {
        const list = built.get(name);
        if (list) list.push(site);
        else built.set(name, [site]);
      });
      map = built;
      this.bindingCache.set(scope.id, map);
    }
    return map;
  }

  functionsNamed(name: string): readonly Node[] {
    if (!this.functionIndex) {
      const index = new Map<string, Node[]>();
      visit(this.root, (node) => {
        if (this.syntax.functionTypes.has(node.type)) {
          const fnName = this.syntax.functionName(node);
          if (fnName !== undefined) {
            const list = index.get(fnName);
            if (list) list.push(node);
            else index.set(fnName, [node]);
          }
        }
        return true;
      });
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
    const scopes = ancestorsOfType(node, this.syntax.functionTypes);
    if (this.syntax.functionTypes.has(node.type)) scopes.unshift(node);
    scopes.push(this.root);
    return scopes;
  }

  /** Where `name` gets its value (and what changes it) in the scopes around `node`, before `before`. */
  sitesOf(name: string, node: Node, before: number): BindingSite[] {
    return resolveSites(name, this.scopesOf(node), before, (scope) => this.bindings(scope));
  }
}
