import type { Capture, SyntaxNode } from '../../runtime/syntaxTree';
import type { FileContext } from '../../analysis/fileContext';
import { callsNamed, captureOf, capturesNamed, nodesOf, type Match } from '../../analysis/captures';
import { field } from '../../analysis/nodes';
import { HandlerRegistry } from '../../analysis/handlerRegistry';
import type { HeaderPart, LanguageAnalysis, OutboundCandidate } from '../../analysis/language';
import type { HandlerFramework } from '../../model';
import type { ProjectFacts } from '../../project/facts';
import { defaultPackageName } from './imports';
import { goSyntax as syntax } from './syntax';

const netHttpPath = 'net/http';
const netUrlPath = 'net/url';
export const otelhttpPath = 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp';
const frameworkPaths: readonly (readonly [RegExp, HandlerFramework])[] = [
  [/^github\.com\/gin-gonic\/gin$/, 'gin'],
  [/^github\.com\/labstack\/echo/, 'echo'],
  [/^github\.com\/go-chi\/chi/, 'chi'],
  [/^github\.com\/gorilla\/mux$/, 'gorilla/mux'],
];
const registrationMethods = /^(HandleFunc|Handle|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|Any|Get|Post|Put|Patch|Delete|Head|Options|Method|MethodFunc)$/;
const packageFunctions = new Set(['Get', 'Head', 'Post', 'PostForm']);
/** Callee names worth taking apart: sends, registrations (request building is found from the sends). */
const goCallNames = /^(Get|Head|Post|PostForm|Do|HandleFunc|Handle|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|Any|Put|Patch|Delete|Options|Method|MethodFunc)$/;

/** Local names of the imported packages: `http` for net/http, `otelhttp` (or its alias). */
export function readGoImports(matches: readonly Match[]): Map<string, string> {
  const byPath = new Map<string, string>();
  for (const match of matches) {
    const path = captureOf(match, 'import.path');
    if (!path) continue;
    const importPath = syntax.stringValue(path) ?? '';
    const alias = captureOf(match, 'import.alias')?.text;
    byPath.set(importPath, alias ?? defaultPackageName(importPath));
  }
  return byPath;
}

/** The Go part of the engine: net/http, gorilla/mux, chi, gin and echo handlers; net/http and otelhttp calls. */
export function analyzeGo(file: FileContext, matches: readonly Match[], facts: ProjectFacts): LanguageAnalysis {
  const imports = readGoImports(matches);
  const http = imports.get(netHttpPath) ?? 'http';
  const url = imports.get(netUrlPath) ?? 'url';
  const otelhttp = imports.get(otelhttpPath) ?? 'otelhttp';
  const framework = frameworkPaths.find(([pattern]) => [...imports.keys()].some((path) => pattern.test(path)))?.[1] ?? 'net/http';
  const registry = new HandlerRegistry(file, 'go');
  const functions = nodesOf(matches, 'function');
  const calls = callsNamed(matches, (name) => goCallNames.test(name));
  const clientFields = new Set<string>();
  for (const match of matches) {
    const fieldName = captureOf(match, 'client.field');
    const fieldType = captureOf(match, 'client.type');
    if (fieldName && fieldType?.text.endsWith(`${http}.Client`)) clientFields.add(fieldName.text);
  }
  // Fields the package declares in its other files (`s.client.Get(…)` with `client` declared in server.go).
  for (const field of facts.goClientFields ?? []) clientFields.add(field);
  const clientFieldValues = new Map<string, SyntaxNode[]>();
  for (const match of matches) {
    const key = captureOf(match, 'field.key')?.text;
    const value = key !== undefined && clientFields.has(key) ? captureOf(match, 'field.value') : undefined;
    if (key !== undefined && value !== undefined) clientFieldValues.set(key, [...(clientFieldValues.get(key) ?? []), value]);
  }
  for (const call of calls) readRegistration(call, framework, registry, file);
  for (const fn of functions) {
    if (!file.mayReceiveRequest(fn)) continue;
    const roots = file.parameterRootsOf(fn);
    const types = syntax.parameters(fn).map((parameter) => parameter.type ?? '');
    if (types.some((type) => /\*\s*gin\.Context$/.test(type))) registry.addFunction(fn, 'gin');
    else if (types.some((type) => /\becho\.Context$/.test(type))) registry.addFunction(fn, 'echo');
    else if (types.some((type) => type.endsWith(`${http}.ResponseWriter`))) registry.addFunction(fn, framework === 'gin' || framework === 'echo' ? 'net/http' : framework);
    else if ([...roots.values()].some((root) => root.kind !== 'context')) registry.addFunction(fn, 'request-receiver');
  }
  addContextReceivers(functions, capturesNamed(matches, 'call.callee'), registry, file);

  const defaultInstrumented = /\b(DefaultTransport|DefaultClient\.Transport)\s*=\s*\w+\.NewTransport/.test(file.text) && file.text.includes(otelhttp);
  const candidates: OutboundCandidate[] = [];
  for (const call of calls) {
    const candidate = toCandidate(call, { http, url, otelhttp, clientFields, clientFieldValues, defaultInstrumented }, file);
    if (candidate) candidates.push(candidate);
  }
  return { handlers: registry.scopes(), candidates };
}

/**
 * Functions that take a `context.Context` are inbound scopes only when a handler (or another such function) of
 * this file calls them: a context alone does not say it came from a request.
 */
function addContextReceivers(functions: readonly SyntaxNode[], callees: readonly Capture[], registry: HandlerRegistry, file: FileContext): void {
  const candidates = functions.filter((fn) => !registry.has(fn) && [...file.parameterRootsOf(fn).values()].some((root) => root.kind === 'context'));
  if (candidates.length === 0) return;
  for (let round = 0; round < 3; round++) {
    const inbound = functions.filter((fn) => registry.has(fn)).map((fn) => [fn.startIndex, fn.endIndex] as const);
    // Only the callees inside handlers are read whole (their end is a crossing into the parser).
    const called = new Set(
      callees.filter((callee) => inbound.some(([start, end]) => start <= callee.startIndex && callee.startIndex < end)).map((callee) => lastName(callee.text)),
    );
    let added = false;
    for (const fn of candidates) {
      const name = syntax.functionName(fn);
      if (!registry.has(fn) && name !== undefined && called.has(name)) {
        registry.addFunction(fn, 'request-receiver');
        added = true;
      }
    }
    if (!added) return;
  }
}

/** `Do` for `client.Do`. */
function lastName(callee: string): string {
  return callee.slice(callee.lastIndexOf('.') + 1);
}

function readRegistration(call: SyntaxNode, framework: HandlerFramework, registry: HandlerRegistry, file: FileContext): void {
  const shape = syntax.call(call);
  if (!shape?.receiver || !registrationMethods.test(shape.name)) return;
  const methodFirst = shape.name === 'Method' || shape.name === 'MethodFunc';
  const patternNode = methodFirst ? shape.args[1] : shape.args[0];
  const pattern = patternNode ? syntax.stringValue(patternNode) : undefined;
  if (pattern === undefined || !pattern.startsWith('/') && !/^[A-Z]+ \//.test(pattern)) return;
  const target = unwrapHandler(methodFirst ? shape.args[2] : shape.args[shape.args.length - 1]);
  if (!target) return;
  let methods: string[] = [];
  let route = pattern;
  const go122 = /^([A-Z]+) (\/.*)$/.exec(pattern);
  if (go122) {
    methods = [go122[1] ?? ''];
    route = go122[2] ?? pattern;
  } else if (methodFirst) {
    methods = [syntax.stringValue(shape.args[0] ?? call)?.toUpperCase() ?? ''].filter((method) => method !== '');
  } else if (!/^(HandleFunc|Handle|Any)$/.test(shape.name)) {
    methods = [shape.name.toUpperCase()];
  }
  // gorilla/mux: r.HandleFunc("/x", h).Methods("GET")
  const chained = call.parent?.parent ? syntax.call(call.parent.parent) : undefined;
  if (chained?.name === 'Methods') methods = chained.args.map((arg) => syntax.stringValue(arg)?.toUpperCase() ?? '').filter((method) => method !== '');
  const registered: HandlerFramework = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|Any)$/.test(shape.name) ? (framework === 'echo' ? 'echo' : 'gin') : framework;
  const local = syntax.member(target) ? file.functionsNamed(syntax.member(target)?.property ?? '')[0] : undefined;
  registry.addRegistration(call, registered, local ?? target, { methods, route });
}

/** `http.HandlerFunc(h)` → `h`. */
function unwrapHandler(node: SyntaxNode | undefined): SyntaxNode | undefined {
  const shape = node ? syntax.call(node) : undefined;
  if (shape && shape.callee.text.endsWith("HandlerFunc") && shape.args[0]) return shape.args[0];
  return node;
}

interface GoNames {
  readonly http: string;
  readonly url: string;
  readonly otelhttp: string;
  readonly clientFields: ReadonlySet<string>;
  /** What this file puts in those fields (`plain: &http.Client{…}`, `s.client = …`), by field name. */
  readonly clientFieldValues: ReadonlyMap<string, readonly SyntaxNode[]>;
  /** `http.DefaultTransport = otelhttp.NewTransport(…)` somewhere in the file. */
  readonly defaultInstrumented: boolean;
}

function toCandidate(call: SyntaxNode, names: GoNames, file: FileContext): OutboundCandidate | undefined {
  const shape = syntax.call(call);
  if (!shape?.receiver) return undefined;
  const receiver = shape.receiver.text;
  const method = shape.name === 'PostForm' ? 'POST' : packageFunctions.has(shape.name) ? shape.name.toUpperCase() : undefined;
  /** `Get(url)`-style functions: the URL is the argument at `urlIndex`. */
  const packageCall = (library: 'otelhttp' | 'net/http', urlIndex: number, client: 'plain' | 'instrumented', instrumented?: string): OutboundCandidate => ({
    node: call,
    library,
    callee: shape.callee.text,
    ...(method ? { method } : {}),
    ...(shape.args[urlIndex] ? { url: shape.args[urlIndex] } : {}),
    parts: [],
    client,
    ...(instrumented === undefined ? {} : { instrumented }),
  });
  if (receiver === names.otelhttp && packageFunctions.has(shape.name)) {
    const candidate = packageCall('otelhttp', 1, 'instrumented', `${names.otelhttp}.${shape.name}`);
    return shape.args[0] ? { ...candidate, context: shape.args[0] } : candidate;
  }
  if (receiver === names.http && packageFunctions.has(shape.name)) {
    return packageCall('net/http', 0, names.defaultInstrumented ? 'instrumented' : 'plain', names.defaultInstrumented ? 'the otelhttp default transport' : undefined);
  }
  const client = clientKind(shape.receiver, names, file);
  const [requestArgument] = shape.args;
  if (shape.name === 'Do' && shape.args.length === 1 && requestArgument) {
    const request = requestOf(requestArgument, call, names, file);
    if (!request && client === undefined) return undefined;
    return {
      node: call,
      library: 'net/http',
      callee: shape.callee.text,
      ...(request?.method ? { method: request.method } : {}),
      ...(request?.url ? { url: request.url } : {}),
      parts: request?.parts ?? [],
      client: client ?? 'unknown',
      ...(client === 'instrumented' ? { instrumented: 'an otelhttp transport' } : {}),
      ...(request?.context ? { context: request.context } : {}),
    };
  }
  if (packageFunctions.has(shape.name) && client !== undefined) {
    return { ...packageCall('net/http', 0, client === 'instrumented' ? 'instrumented' : 'plain', client === 'instrumented' ? 'an otelhttp transport' : undefined), client };
  }
  return undefined;
}

/** How the client a call is made on was built, when the file says: plain net/http, otelhttp, or unknown (elsewhere). */
function clientKind(receiver: SyntaxNode, names: GoNames, file: FileContext): 'plain' | 'instrumented' | 'unknown' | undefined {
  const text = receiver.text;
  if (text === `${names.otelhttp}.DefaultClient` || text.includes(`${names.otelhttp}.NewTransport`)) return 'instrumented';
  if (text === `${names.http}.DefaultClient`) return names.defaultInstrumented ? 'instrumented' : 'plain';
  const name = syntax.identifierName(receiver);
  const sites = name === undefined ? [] : file.sitesOf(name, receiver, Number.MAX_SAFE_INTEGER);
  const built = sites.find((site) => site.kind === 'value');
  if (built) return sendsNothing(built.node.text, names) ? undefined : builtClientKind(built.node.text, names);
  const declared = sites.find((site) => site.kind === 'parameter')?.node.parent;
  const declaredType = declared ? field(declared, 'type')?.text : undefined;
  if (declaredType !== undefined && sendsNothing(declaredType, names)) return undefined;
  const fieldName = syntax.member(receiver)?.property;
  // A field this file fills: each value it is given decides (one otelhttp client among plain ones would not); a
  // variable given to it (`upstream: tracedClient`) is judged by what builds that variable.
  const valueKind = (element: SyntaxNode): 'plain' | 'instrumented' | 'unknown' => {
    const value = element.type === 'literal_element' ? (element.namedChild(0) ?? element) : element;
    const variable = syntax.identifierName(value);
    const bound = variable === undefined ? undefined : file.sitesOf(variable, value, Number.MAX_SAFE_INTEGER).find((site) => site.kind === 'value');
    return builtClientKind((bound?.node ?? value).text, names);
  };
  const fieldKinds = new Set((fieldName === undefined ? [] : (names.clientFieldValues.get(fieldName) ?? [])).map(valueKind));
  if (fieldKinds.size === 1) return [...fieldKinds][0];
  if (fieldKinds.size > 1) return 'unknown';
  if (name !== undefined || (fieldName !== undefined && names.clientFields.has(fieldName))) {
    return file.text.includes(`${names.otelhttp}.NewTransport`) ? 'instrumented' : 'unknown';
  }
  return undefined;
}

/**
 * Types and values whose `Get` reads data and sends nothing: `http.Header`, `url.Values`, `*http.Request`, maps and
 * slices, the headers or query of a request (`r.Header.Clone()`, `r.URL.Query()`). A receiver declared or built as
 * one of them is no client.
 */
function sendsNothing(typeOrValue: string, names: GoNames): boolean {
  const text = typeOrValue.replace(/^[*&]\s*/, '').replace(/^make\(\s*/, '');
  if (/^(map\[|\[\])/.test(text) || /\.(Header|Trailer)(\.Clone\(\))?$|\.Query\(\)$/.test(text)) return true;
  const selector = /^(\w+)\.(\w+)/.exec(text);
  if (!selector) return false;
  const [, pkg, member] = selector;
  return pkg === names.url || (pkg === names.http && member !== 'Client' && member !== 'DefaultClient');
}

/**
 * A client judged by the expression that builds it: otelhttp anywhere in it instruments it; a net/http client on the
 * default transport (or a plain `http.Transport`) is plain, unless the file instruments the default transport; any
 * other transport, or a client from a constructor, may be instrumented elsewhere.
 */
function builtClientKind(value: string, names: GoNames): 'plain' | 'instrumented' | 'unknown' {
  if (value.includes(`${names.otelhttp}.`)) return 'instrumented';
  const http = names.http;
  if (!new RegExp(`^(&?\\s*${http}\\.Client\\s*\\{|new\\(\\s*${http}\\.Client\\s*\\)$|${http}\\.DefaultClient$)`).test(value)) return 'unknown';
  const transport = /\bTransport\s*:\s*([^,}\n]*)/.exec(value)?.[1]?.trim();
  if (transport !== undefined && new RegExp(`^&\\s*${http}\\.Transport\\b`).test(transport)) return 'plain';
  if (transport !== undefined && transport !== `${http}.DefaultTransport`) return 'unknown';
  return names.defaultInstrumented ? 'instrumented' : 'plain';
}

interface BuiltRequest {
  readonly method?: string;
  readonly url?: SyntaxNode;
  readonly context?: SyntaxNode;
  readonly parts: HeaderPart[];
}

/** `req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)` and what is done to `req` before it is sent. */
function requestOf(arg: SyntaxNode, call: SyntaxNode, names: GoNames, file: FileContext): BuiltRequest | undefined {
  let requestNode = arg;
  let context: SyntaxNode | undefined;
  const withContext = syntax.call(arg);
  if (withContext && withContext.name !== 'WithContext') {
    // `client.Do(withTraceHeaders(r, req))`: what the helper does to the request counts, and so does how `req` was built.
    const inner = withContext.args.map((inside) => requestOf(inside, call, names, file)).find((found) => found !== undefined);
    if (!inner && file.functionsNamed(withContext.name).length === 0) return undefined;
    return { ...inner, parts: [...(inner?.parts ?? []), { node: arg, position: 'value' }] };
  }
  if (withContext?.name === 'WithContext' && withContext.receiver) {
    context = withContext.args[0];
    requestNode = withContext.receiver;
  }
  const name = syntax.identifierName(requestNode);
  if (name === undefined) return undefined;
  const parts: HeaderPart[] = [];
  let built: { method?: string; url?: SyntaxNode } | undefined;
  for (const site of file.sitesOf(name, requestNode, call.startIndex)) {
    if (site.kind === 'mutation') {
      parts.push({ node: site.node, position: 'value' });
      continue;
    }
    if (site.kind !== 'value') continue;
    const shape = syntax.call(site.node);
    if (!shape) continue;
    if (shape.callee.text === `${names.http}.NewRequestWithContext` || shape.callee.text === `${names.http}.NewRequest`) {
      const offset = shape.name === 'NewRequestWithContext' ? 1 : 0;
      if (offset === 1 && shape.args[0]) context ??= shape.args[0];
      const methodArg = shape.args[offset];
      const method = methodArg ? (syntax.stringValue(methodArg) ?? /^\w+\.Method(\w+)$/.exec(methodArg.text)?.[1]) : undefined;
      built = { ...(method ? { method: method.toUpperCase() } : {}), ...(shape.args[offset + 1] ? { url: shape.args[offset + 1] } : {}) };
    } else if (shape.name === 'WithContext' || shape.name === 'Clone') {
      context ??= shape.args[0];
    }
  }
  if (!built && parts.length === 0 && !context) return undefined;
  return { ...built, ...(context ? { context } : {}), parts };
}
