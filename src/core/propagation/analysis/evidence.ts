import type { SyntaxNode } from '../runtime/syntaxTree';
import { headerNamesIn } from '../headers';
import { chainRoot } from './nodes';
import { headerCollectionNames, singleHeaderReads, type RequestRoot, type RootMap } from './roots';
import type { BindingSite, CallShape, Syntax } from './syntax';

/** What an expression (or the statements that build it) contributes to an outbound call's trace context. */
export interface Evidence {
  /** Trace header names written in it (keys, `.get('traceparent')`, header lists). */
  readonly names: Set<string>;
  /** Something is read from the incoming request. */
  readsRequest: boolean;
  /** The incoming header collection is forwarded whole. */
  wholesale: boolean;
  /** A propagator `inject` (or an opentracing `tracer.inject`) fills it. */
  injected: boolean;
  /** Why the engine assumes the context is carried (a wrapper, a helper from another file given the request). */
  carrier?: string;
  /** Why the engine cannot tell (the value comes from another file or an object field). */
  unknown?: string;
  /** Same-file helpers followed, for the verdict's reason. */
  readonly helpers: Set<string>;
}

export function emptyEvidence(): Evidence {
  return { names: new Set(), readsRequest: false, wholesale: false, injected: false, helpers: new Set() };
}

export function mergeEvidence(into: Evidence, from: Evidence): Evidence {
  for (const name of from.names) into.names.add(name);
  for (const helper of from.helpers) into.helpers.add(helper);
  into.readsRequest ||= from.readsRequest;
  into.wholesale ||= from.wholesale;
  into.injected ||= from.injected;
  into.carrier ??= from.carrier;
  into.unknown ??= from.unknown;
  return into;
}

/** `collection`: the expression is a whole set of headers; `value`: it is one value or part of a statement. */
export type Position = 'collection' | 'value';

/** The scope an expression is evaluated in: names of the incoming request, and the enclosing functions. */
export interface Environment {
  readonly roots: RootMap;
  /** Enclosing function nodes, innermost first; the file's root node last. */
  readonly scopes: readonly SyntaxNode[];
  /** Binding sites after this offset are ignored (they run after the call). */
  readonly before: number;
}

/** File-wide facts the evaluator needs. */
export interface EvaluationContext {
  readonly syntax: Syntax;
  readonly traceHeaders: ReadonlySet<string>;
  /** Matches names of functions that propagate (configured wrappers and names such as `forwardHeaders`). */
  isWrapperName(name: string): boolean;
  /** Where `name` is bound or changed in `scope` itself (parameters first, then statements in document order). */
  sitesIn(scope: SyntaxNode, name: string): readonly BindingSite[];
  /** Same-file functions with this name. */
  functionsNamed(name: string): readonly SyntaxNode[];
  /** Roots a function has of its own (its request/headers parameters) plus file-wide ones (Flask's `request`). */
  rootsOf(fn: SyntaxNode, inherited: RootMap): RootMap;
  /** Scopes enclosing `node`, innermost first, ending with the file root. */
  scopesOf(node: SyntaxNode): readonly SyntaxNode[];
  /** Throws when the file's time budget is spent. */
  checkBudget(): void;
  /** Runs `read` and returns the names it looked up outside any function. */
  recordReads<T>(read: () => T): { value: T; names: ReadonlySet<string> };
  /** Counts names read earlier (by a result being reused) as read now. */
  replayReads(names: Iterable<string>): void;
}

/** Name resolutions and helper calls followed in a row. */
const maxDepth = 6;
/** Syntax levels descended in a row; guards the stack against absurdly nested (generated or hostile) code. */
const maxNesting = 400;
/** Same-file helpers followed inside one another. */
const maxHelperNesting = 4;
const bulkMethods = new Set(['update', 'extend', 'putAll', 'addAll', 'setAll', 'assign', 'merge', 'set', 'Set', 'putall']);
/** Text that any of `bulkMethods` called in a statement leaves in it. */
const bulkMethodText = new RegExp(`\\b(${[...bulkMethods].join('|')})\\b`);
const injectNames = /^(inject|Inject|injectContext|inject_context)$/;
/** Calls that make a new, empty header collection (`dict()`, `make(http.Header)`, `new HttpHeaders()`). */
const emptyCollection = /^(dict|make|Map|Object|HashMap|LinkedHashMap|LinkedMultiValueMap|HttpHeaders|Headers|Header|MultivaluedHashMap|CaseInsensitiveDict)$/;

/** Follows expressions, variables and same-file helpers to find what carries the trace context. */
export class Evaluator {
  private readonly visiting = new Set<number>();
  private nesting = 0;
  /** Helpers being evaluated, outermost first: their bodies are judged on their own, whatever the caller's depth. */
  private readonly helperStack: number[] = [];
  /** Helpers already followed, with the outside names they read. */
  private readonly helperCache = new Map<string, { readonly evidence: Evidence; readonly names: ReadonlySet<string> }>();

  constructor(
    private readonly context: EvaluationContext,
    /** The file's outbound HTTP calls: what one returns is a response, which carries no trace context onwards. */
    private readonly outboundCalls: ReadonlySet<number> = new Set(),
  ) {}

  evaluate(node: SyntaxNode, position: Position, env: Environment): Evidence {
    const evidence = emptyEvidence();
    this.collect(evidence, node, position, env, 0);
    return evidence;
  }

  /** Adds what `node` contributes to `evidence` (written in place: most nodes contribute nothing). */
  private collect(evidence: Evidence, node: SyntaxNode, position: Position, env: Environment, depth: number): void {
    if (depth > maxDepth || this.nesting > maxNesting || this.visiting.has(node.id)) return;
    this.context.checkBudget();
    this.visiting.add(node.id);
    this.nesting++;
    try {
      this.evaluateInto(evidence, node, position, env, depth);
    } finally {
      this.visiting.delete(node.id);
      this.nesting--;
    }
  }

  private evaluateInto(evidence: Evidence, node: SyntaxNode, position: Position, env: Environment, depth: number): void {
    const { syntax } = this.context;
    const { kinds } = syntax;
    // Reading a node's type crosses into the parser's WASM: read it once and ask only the adapter it concerns.
    const type = node.type;
    if (kinds.string.has(type)) {
      const text = syntax.stringValue(node);
      if (text !== undefined) {
        for (const name of headerNamesIn(text, this.context.traceHeaders)) evidence.names.add(name);
        return;
      }
    }
    if (kinds.identifier.has(type)) {
      const name = syntax.identifierName(node);
      if (name !== undefined) {
        this.evaluateName(evidence, node, name, position, env, depth);
        return;
      }
    }
    if (kinds.call.has(type)) {
      const call = syntax.call(node);
      if (call) {
        this.evaluateCall(evidence, call, position, env, depth);
        return;
      }
    }
    if (kinds.member.has(type) && syntax.member(node)) {
      this.evaluateMember(evidence, node, position, env, depth);
      return;
    }
    const entries = kinds.entries.has(type) ? syntax.entries(node) : undefined;
    if (entries) {
      for (const pair of entries.pairs) {
        this.collect(evidence, pair.key, 'value', env, depth);
        this.collect(evidence, pair.value, 'value', env, depth);
      }
      for (const spread of entries.spreads) this.collect(evidence, spread, 'collection', env, depth);
      return;
    }
    if (syntax.functionTypes.has(type)) {
      const body = syntax.functionBody(node);
      if (body) this.collect(evidence, body, 'value', env, depth);
      return;
    }
    if (syntax.inertTypes.has(type)) return;
    const childPosition = syntax.passThroughTypes.has(type) ? position : 'value';
    for (const child of node.namedChildren) {
      const childType = child.type;
      if (syntax.inertTypes.has(childType)) continue;
      if (syntax.returnTypes.has(childType)) {
        for (const returned of child.namedChildren) this.collect(evidence, returned, 'collection', env, depth);
      } else {
        this.collect(evidence, child, childPosition, env, depth);
      }
    }
  }

  private evaluateName(evidence: Evidence, node: SyntaxNode, name: string, position: Position, env: Environment, depth: number): void {
    const root = env.roots.get(name);
    if (root) {
      this.applyRoot(evidence, root, node, position);
      return;
    }
    const sites = this.resolve(name, env);
    if (sites.length === 0) {
      if (position === 'collection') evidence.unknown ??= `\`${name}\` is defined elsewhere`;
      return;
    }
    for (const site of sites) {
      if (site.kind === 'parameter') {
        if (position === 'collection') evidence.unknown ??= `\`${name}\` is a parameter`;
        continue;
      }
      if (site.kind === 'mutation') {
        this.collectMutation(evidence, site.node, name, env, depth + 1);
        continue;
      }
      this.collect(evidence, site.node, site.kind === 'iteration' ? 'value' : position, env, depth + 1);
    }
  }

  private applyRoot(evidence: Evidence, root: RequestRoot, node: SyntaxNode, position: Position): void {
    evidence.readsRequest = true;
    if (root.kind === 'header-value') {
      if (root.header && this.context.traceHeaders.has(root.header)) evidence.names.add(root.header);
      return;
    }
    if (root.kind === 'headers' && this.isWholeCollectionUse(node)) evidence.wholesale = true;
    if (root.kind === 'request' && position === 'collection') evidence.wholesale = true;
  }

  private evaluateMember(evidence: Evidence, node: SyntaxNode, position: Position, env: Environment, depth: number): void {
    const { syntax } = this.context;
    // `headers.traceparent = req.headers.traceparent`: a header named as a property.
    const named = syntax.member(node)?.property;
    if (named !== undefined) for (const header of headerNamesIn(named, this.context.traceHeaders)) evidence.names.add(header);
    const root = chainRoot(node, (current) => syntax.member(current)?.object ?? syntax.call(current)?.receiver);
    const rootName = syntax.identifierName(root);
    const requestRoot = rootName === undefined ? undefined : env.roots.get(rootName);
    if (requestRoot) {
      evidence.readsRequest = true;
      const property = syntax.member(node)?.property;
      if (property !== undefined && headerCollectionNames.has(property) && this.isWholeCollectionUse(node)) evidence.wholesale = true;
      return;
    }
    if (rootName !== undefined && this.resolve(rootName, env).length > 0 && node.text.length < 200) {
      // A member of a local value (`carrier.headers`, `cfg.headers`): evaluate what the local holds.
      this.collect(evidence, root, position, env, depth + 1);
      return;
    }
    if (position === 'collection') evidence.unknown ??= `\`${node.text.slice(0, 60)}\` is defined elsewhere`;
  }

  private evaluateCall(evidence: Evidence, call: CallShape, position: Position, env: Environment, depth: number): void {
    // `token = requests.post(auth, headers=forward(request)).json()["token"]`: the headers another call sent do not
    // make a value read from its response a carrier of the trace context.
    if (this.outboundCalls.has(call.node.id)) return;
    const calleeText = call.callee.text;
    if (injectNames.test(call.name) || (/propagat|TextMapPropagator/.test(calleeText) && call.name.toLowerCase().includes('inject'))) {
      evidence.injected = true;
      return;
    }
    // Reading through the request: `request.headers.get('traceparent')`, `r.Header.Get("b3")`, `req.get('b3')`.
    if (call.receiver) this.collectReceiver(evidence, call, env, depth);
    // Accessors of the whole collection: `request.getHeaderNames()`, `exchange.getRequest().getHeaders()`.
    if (call.receiver && call.args.length === 0 && headerCollectionNames.has(call.name) && this.isRootedAtRequest(call.receiver, env)) {
      if (this.isWholeCollectionUse(call.node)) evidence.wholesale = true;
    }
    for (const arg of call.args) this.collect(evidence, arg, 'value', env, depth);
    for (const arg of call.named.values()) this.collect(evidence, arg, 'value', env, depth);
    for (const arg of call.spreads) this.collect(evidence, arg, 'value', env, depth);
    for (const [keyword] of call.named) {
      for (const header of headerNamesIn(keyword.replace(/_/g, '-'), this.context.traceHeaders)) evidence.names.add(header);
    }

    const helpers = this.sameFileHelpers(call);
    if (helpers.length > 0) {
      for (const helper of helpers) mergeEvidence(evidence, this.evaluateHelper(helper, call, env));
      return;
    }
    if (this.context.isWrapperName(call.name)) {
      evidence.carrier ??= `${call.name}(…) propagates the context`;
      return;
    }
    if (position !== 'collection') return;
    if ([...call.args, ...call.named.values()].some((arg) => this.rootOfArgument(arg, env) !== undefined)) {
      evidence.carrier ??= `${call.name}(…) is given the incoming request`;
      return;
    }
    // Copies and constructors (`dict(h)`, `new HttpHeaders(h)`, `h.copy()`): what they copy decides.
    const copied = [...call.args, ...call.spreads, ...(call.receiver && call.args.length === 0 ? [call.receiver] : [])];
    let any = false;
    for (const arg of copied) {
      if (this.context.syntax.stringValue(arg) !== undefined) continue;
      any = true;
      this.collect(evidence, arg, 'collection', env, depth);
    }
    if (!any && call.named.size === 0 && !emptyCollection.test(call.name) && !/new_expression|object_creation/.test(call.node.type)) {
      evidence.unknown ??= `\`${calleeText.slice(0, 60)}(…)\` is defined elsewhere`;
    }
  }

  private collectReceiver(evidence: Evidence, call: CallShape, env: Environment, depth: number): void {
    const { syntax } = this.context;
    const receiver = call.receiver;
    if (!receiver) return;
    this.collect(evidence, receiver, 'value', env, depth);
    // `request.headers.get("traceparent")` reads one header; `request.getHeader("b3")`, `c.GetHeader("b3")` too.
    if (singleHeaderReads.has(call.name)) {
      const first = call.args[0];
      const literal = first === undefined ? undefined : syntax.stringValue(first);
      if (literal !== undefined) for (const header of headerNamesIn(literal, this.context.traceHeaders)) evidence.names.add(header);
    }
  }

  /** A statement that changes `name` (`h.update(x)`, `h[k] = v`, `inject(h)`, `copy_headers(request, h)`). */
  private collectMutation(evidence: Evidence, statement: SyntaxNode, name: string, env: Environment, depth: number): void {
    const { syntax } = this.context;
    this.collect(evidence, statement, 'value', env, depth + 1);
    // Most statements that change a name call no bulk method: they are not walked node by node.
    if (!bulkMethodText.test(statement.text)) return;
    const visitCalls = (node: SyntaxNode): void => {
      const call = syntax.call(node);
      if (call) {
        const receiverRoot = call.receiver ? chainRoot(call.receiver, (n) => syntax.member(n)?.object) : undefined;
        const onName = receiverRoot !== undefined && syntax.identifierName(receiverRoot) === name;
        if (onName && bulkMethods.has(call.name) && call.args.length === 1) {
          for (const arg of call.args) this.collect(evidence, arg, 'collection', env, depth + 1);
        }
      }
      for (const child of node.namedChildren) if (!syntax.functionTypes.has(child.type)) visitCalls(child);
    };
    visitCalls(statement);
  }

  private sameFileHelpers(call: CallShape): readonly SyntaxNode[] {
    const { syntax } = this.context;
    const receiverName = call.receiver ? syntax.identifierName(call.receiver) : undefined;
    // Plain calls, and methods on self/this/the receiver of a Go method: functions of this file with that name.
    if (call.receiver && receiverName === undefined && !/^(self|this)$/.test(call.receiver.text)) return [];
    return this.context.functionsNamed(call.name);
  }

  /** Follows a same-file helper: its parameters given the incoming request become request roots inside it. */
  private evaluateHelper(helper: SyntaxNode, call: CallShape, env: Environment): Evidence {
    const { syntax } = this.context;
    const parameters = syntax.parameters(helper).filter((parameter) => !/^(self|this|cls)$/.test(parameter.name));
    const passed = new Map<string, RequestRoot>();
    call.args.forEach((arg, index) => {
      const parameter = parameters[index];
      if (!parameter) return;
      const root = this.rootOfArgument(arg, env);
      if (root) passed.set(parameter.name, root);
    });
    for (const [keyword, arg] of call.named) {
      const root = this.rootOfArgument(arg, env);
      if (root) passed.set(keyword, root);
    }
    // The helpers being followed are part of the key: how deep the nesting limit lets this one look depends on them,
    // and with them its evidence never depends on which caller asked first.
    const key = `${helper.id}:${[...passed].map(([name, root]) => `${name}=${root.kind}`).join(',')}:${this.helperStack.join('/')}`;
    const cached = this.helperCache.get(key);
    if (cached) {
      this.context.replayReads(cached.names);
      return cached.evidence;
    }
    if (this.helperStack.includes(helper.id) || this.helperStack.length >= maxHelperNesting) return emptyEvidence();
    const { value: evidence, names } = this.context.recordReads(() => this.evaluateHelperBody(helper, passed));
    // A helper's own parameters are not "defined elsewhere" for the caller: only what it returns could be.
    evidence.helpers.add(syntax.functionName(helper) ?? call.name);
    this.helperCache.set(key, { evidence, names });
    return evidence;
  }

  private evaluateHelperBody(helper: SyntaxNode, passed: ReadonlyMap<string, RequestRoot>): Evidence {
    const roots = new Map([...this.context.rootsOf(helper, new Map()), ...passed]);
    const body = this.context.syntax.functionBody(helper);
    const helperEnv: Environment = { roots, scopes: this.context.scopesOf(body ?? helper), before: Number.MAX_SAFE_INTEGER };
    this.helperStack.push(helper.id);
    try {
      return body ? this.evaluate(body, 'value', helperEnv) : emptyEvidence();
    } finally {
      this.helperStack.pop();
    }
  }

  /** The request root an argument hands over whole: `request`, `request.headers`, `r.Context()`, `c.Request.Header`. */
  private rootOfArgument(arg: SyntaxNode, env: Environment): RequestRoot | undefined {
    const { syntax } = this.context;
    const rootNameOf = (node: SyntaxNode): string | undefined =>
      syntax.identifierName(chainRoot(node, (n) => syntax.member(n)?.object ?? syntax.call(n)?.receiver));
    const name = syntax.identifierName(arg);
    if (name !== undefined) return env.roots.get(name);
    const member = syntax.member(arg);
    if (member) {
      const rootName = rootNameOf(arg);
      const root = rootName === undefined ? undefined : env.roots.get(rootName);
      if (!root) return undefined;
      if (headerCollectionNames.has(member.property)) return { kind: 'headers' };
      // gin's `c.Request`, Koa's `ctx.request`: the request object itself.
      return /^(request|Request|req)$/.test(member.property) && root.kind === 'request' ? root : undefined;
    }
    const call = syntax.call(arg);
    if (call?.receiver) {
      const rootName = rootNameOf(call.receiver);
      const root = rootName === undefined ? undefined : env.roots.get(rootName);
      if (!root) return undefined;
      if (call.name === 'Context' || call.name === 'context') return { kind: 'context' };
      if (headerCollectionNames.has(call.name)) return { kind: 'headers' };
      if (/^(request|Request)$/.test(call.name)) return root;
    }
    return undefined;
  }

  private isRootedAtRequest(node: SyntaxNode, env: Environment): boolean {
    const { syntax } = this.context;
    const name = syntax.identifierName(chainRoot(node, (n) => syntax.member(n)?.object ?? syntax.call(n)?.receiver));
    return name !== undefined && env.roots.has(name);
  }

  /** Is this reference to the incoming headers used whole (copied, iterated, passed on) rather than read per key? */
  private isWholeCollectionUse(node: SyntaxNode): boolean {
    const { syntax } = this.context;
    const parent = node.parent;
    if (!parent) return true;
    if (syntax.isMembershipTest(node)) return false;
    const parentCall = syntax.call(parent);
    if (parentCall?.receiver?.equals(node)) return !singleHeaderReads.has(parentCall.name);
    const subscript = syntax.subscript(parent);
    if (subscript?.object.equals(node)) return false;
    const member = syntax.member(parent);
    if (member?.object.equals(node)) {
      const grand = parent.parent;
      const call = grand ? syntax.call(grand) : undefined;
      if (call?.callee.equals(parent)) return !singleHeaderReads.has(call.name);
      return ['items', 'keys', 'values', 'entries', 'copy', 'Clone', 'toSingleValueMap', 'asMap'].includes(member.property);
    }
    return true;
  }

  private resolve(name: string, env: Environment): BindingSite[] {
    return resolveSites(env.scopes, env.before, (scope) => this.context.sitesIn(scope, name));
  }
}

/**
 * The sites that give a name its value (`sitesIn` each scope), innermost scope first. A scope where the name is only
 * changed (passed to a call, `name.update(…)`) does not define it, so the search goes on outwards and keeps those changes.
 */
export function resolveSites(
  scopes: readonly SyntaxNode[],
  before: number,
  sitesIn: (scope: SyntaxNode) => readonly BindingSite[],
): BindingSite[] {
  const result: BindingSite[] = [];
  for (const scope of scopes) {
    let defined = false;
    for (const site of sitesIn(scope)) {
      if (site.node.startIndex >= before && site.kind !== 'parameter') continue;
      result.push(site);
      if (site.kind !== 'mutation') defined = true;
    }
    if (defined) return result;
  }
  return result;
}
