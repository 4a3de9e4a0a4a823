import type { SyntaxNode } from '../../runtime/syntaxTree';
import type { FileContext } from '../../analysis/fileContext';
import { callsNamed, captureOf, nodesOf, type Match } from '../../analysis/captures';
import { HandlerRegistry } from '../../analysis/handlerRegistry';
import type { HeaderPart, LanguageAnalysis, OutboundCandidate } from '../../analysis/language';
import { field } from '../../analysis/nodes';
import type { HandlerFramework } from '../../model';
import { clientOfAnnotation, pythonClients, type PythonClient } from './clients';
import { pythonSyntax as syntax } from './syntax';

const httpVerbs = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
/** Callee names worth taking apart: client functions, methods and factories, and route registrations. */
const pythonCallNames: ReadonlySet<string> = new Set([
  ...pythonClients.flatMap((client) => [...client.functions, ...client.factories, ...client.methods]),
  'Request',
  'path',
  're_path',
  'url',
  'add_url_rule',
  'add_route',
  'add_api_route',
  'Route',
  'add_get',
  'add_post',
  'add_put',
  'add_patch',
  'add_delete',
  'add_head',
  'as_view',
]);
const classViewBases = /\b(\w*View|\w*ViewSet|APIView|HTTPEndpoint|Resource|RequestHandler)\b/;
/** Receivers worth checking for a client type annotation (`session: aiohttp.ClientSession`). */
const clientLike = /session|client|http|pool/i;
const flaskRequestUse = /\brequest\.(headers|args|form|json|cookies|get_json|values|environ|data|method|path|url)\b/;

/** What the file imports: module aliases (`rq` → `requests`) and names imported from modules. */
export interface PythonImports {
  readonly modules: Map<string, string>;
  readonly names: Map<string, { readonly module: string; readonly name: string }>;
  /** Top-level packages imported in any way (`flask`, `fastapi`, `django`). */
  readonly packages: Set<string>;
}

export function readImports(matches: readonly Match[]): PythonImports {
  const imports: PythonImports = { modules: new Map(), names: new Map(), packages: new Set() };
  for (const match of matches) {
    const get = (name: string): SyntaxNode | undefined => captureOf(match, name);
    const module = get('import.module') ?? get('from.module');
    if (!module) continue;
    imports.packages.add(module.text.split('.')[0] ?? module.text);
    if (get('import.module')) {
      imports.modules.set(get('import.alias')?.text ?? module.text, module.text);
      continue;
    }
    const name = get('from.name');
    if (name) {
      imports.names.set(get('from.alias')?.text ?? name.text, { module: module.text, name: name.text });
      // `from urllib import request` makes `request.urlopen` a module function.
      imports.modules.set(get('from.alias')?.text ?? name.text, `${module.text}.${name.text}`);
    }
  }
  return imports;
}

function decoratorFramework(imports: PythonImports, verb: string): HandlerFramework {
  for (const framework of ['fastapi', 'quart', 'starlette', 'aiohttp', 'flask'] as const) {
    if (imports.packages.has(framework)) return framework;
  }
  if (imports.packages.has('django') || imports.packages.has('rest_framework')) return 'django';
  return verb === 'route' ? 'flask' : 'fastapi';
}

function stringList(node: SyntaxNode | undefined): string[] {
  if (!node) return [];
  return node.namedChildren
    .map((child) => syntax.stringValue(child))
    .filter((value): value is string => value !== undefined)
    .map((value) => value.toUpperCase());
}

interface ClientVariable {
  readonly client: PythonClient;
  readonly factory: SyntaxNode;
}

/** Names bound to client objects; the same name in two functions (`session`) keeps both bindings apart. */
class ClientVariables {
  private readonly byName = new Map<string, ClientVariable[]>();

  isEmpty(): boolean {
    return this.byName.size === 0;
  }

  has(name: string): boolean {
    return this.bindingsOf(name) !== undefined;
  }

  add(name: string, variable: ClientVariable): void {
    const list = this.byName.get(name);
    if (list) list.push(variable);
    else this.byName.set(name, [variable]);
  }

  /**
   * The bindings `name` reads: its own, or a client stored on an object (`app.state.http`, `app["client"]`) that
   * `name` reaches through another object (`request.app.state.http`: Starlette's and aiohttp's `request.app`).
   */
  private bindingsOf(name: string): ClientVariable[] | undefined {
    const own = this.byName.get(name);
    if (own) return own;
    for (const [bound, list] of this.byName) if (isStored(bound) && name.endsWith(`.${bound}`)) return list;
    return undefined;
  }

  /** The binding of `name` that reaches `use`: the last one before it in an enclosing function, else any. */
  at(name: string, use: SyntaxNode): ClientVariable | undefined {
    const list = this.bindingsOf(name);
    if (!list) return undefined;
    const enclosing = (node: SyntaxNode): SyntaxNode | undefined => {
      for (let current = node.parent; current; current = current.parent) if (syntax.functionTypes.has(current.type)) return current;
      return undefined;
    };
    const scope = enclosing(use);
    const visible = list.filter((variable) => {
      const own = enclosing(variable.factory);
      return own === undefined || (scope !== undefined && own.startIndex <= scope.startIndex && scope.endIndex <= own.endIndex);
    });
    const before = visible.filter((variable) => variable.factory.startIndex < use.startIndex);
    // A client stored on an object (`self.session`, `app.state.http`) outlives the function that stored it.
    return before.at(-1) ?? visible[0] ?? (isStored(name) ? list[0] : undefined);
  }
}

/** A name that is an attribute or item of an object (`self.session`, `app["client"]`) rather than a local variable. */
function isStored(name: string): boolean {
  return /[.[]/.test(name);
}

interface ResolvedCallee {
  readonly client: PythonClient;
  readonly kind: 'function' | 'factory' | 'method';
  readonly name: string;
  /** The `functools.partial(requests.get, …)` call the callee is bound by: its preset arguments count too. */
  readonly preset?: SyntaxNode;
}

/** The Python part of the engine: Flask/Quart, FastAPI/Starlette, Django, aiohttp handlers; requests, httpx, aiohttp, urllib, urllib3 calls. */
export function analyzePython(file: FileContext, matches: readonly Match[]): LanguageAnalysis {
  const imports = readImports(matches);
  const registry = new HandlerRegistry(file, 'python');
  const functions = nodesOf(matches, 'function');
  const partials = readPartials(matches, imports);
  const interesting = new Set([...pythonCallNames, ...imports.names.keys(), ...partials.keys()]);
  const calls = callsNamed(matches, (name) => interesting.has(name));
  for (const match of matches) {
    const decorator = captureOf(match, 'route.decorator');
    const decorated = captureOf(match, 'route.function');
    if (decorator && decorated) readDecorator(decorator, decorated, imports, registry);
    const bases = captureOf(match, 'view.bases');
    const method = captureOf(match, 'view.method');
    if (bases && method) readClassView(bases, method, imports, registry);
  }
  for (const call of calls) readRegistration(call, imports, registry);
  const djangoFile = imports.packages.has('django') || imports.packages.has('rest_framework');
  registry.addReceivers(functions, djangoFile ? 'django' : 'request-receiver');
  const flaskReaders = file.globalRoots.has('request') ? functions.filter((fn) => !registry.has(fn) && flaskRequestUse.test(fn.text)) : [];
  for (const fn of flaskReaders) registry.addFunction(fn, 'request-receiver');

  const clientVariables = new ClientVariables();
  const resolved = new Map<number, ResolvedCallee>();
  for (const call of calls) {
    const callee = partials.get(field(call, 'function')?.text ?? '') ?? resolveCallee(call, imports, clientVariables, file);
    if (!callee) continue;
    resolved.set(call.id, callee);
    if (callee.kind !== 'factory') continue;
    const variable = boundName(call);
    if (variable !== undefined) clientVariables.add(variable, { client: callee.client, factory: call });
  }
  const candidates: OutboundCandidate[] = [];
  for (const call of calls) {
    // Methods on clients bound later in the file (a class's `self.session`) resolve on this second look.
    const callee = resolved.get(call.id) ?? (clientVariables.isEmpty() ? undefined : resolveCallee(call, imports, clientVariables, file));
    if (!callee || callee.kind === 'factory') continue;
    const candidate = toCandidate(call, callee, clientVariables, file, imports);
    if (candidate) candidates.push(candidate);
  }
  return { handlers: registry.scopes(), candidates };
}

function readDecorator(decorator: SyntaxNode, fn: SyntaxNode, imports: PythonImports, registry: HandlerRegistry): void {
  const call = syntax.call(decorator);
  const name = call ? call.name : decorator.text.split('.').pop() ?? '';
  if (/^require_(GET|POST|safe)$/.test(name)) {
    registry.addFunction(fn, 'django', { methods: name === 'require_POST' ? ['POST'] : ['GET'] });
    return;
  }
  if (!call) return;
  if (name === 'api_view' || name === 'require_http_methods') {
    registry.addFunction(fn, 'django', { methods: stringList(call.args[0]) });
    return;
  }
  if (!call.receiver || !(httpVerbs.has(name) || name === 'route' || name === 'api_route')) return;
  const routeNode = call.args[0] ?? call.named.get('path') ?? call.named.get('rule');
  const route = routeNode ? syntax.stringValue(routeNode) : undefined;
  if (route === undefined && name !== 'route') return;
  const methods = httpVerbs.has(name) ? [name.toUpperCase()] : stringList(call.named.get('methods'));
  registry.addFunction(fn, decoratorFramework(imports, name), {
    methods: methods.length > 0 ? methods : ['GET'],
    ...(route === undefined ? {} : { route }),
  });
}

function readClassView(bases: SyntaxNode, method: SyntaxNode, imports: PythonImports, registry: HandlerRegistry): void {
  const name = field(method, 'name')?.text ?? '';
  if (!classViewBases.test(bases.text) || !(httpVerbs.has(name) || /^(list|retrieve|create|update|partial_update|destroy)$/.test(name))) return;
  const className = bases.parent ? field(bases.parent, 'name')?.text : undefined;
  let framework: HandlerFramework = decoratorFramework(imports, 'route');
  if (bases.text.includes('HTTPEndpoint')) framework = 'starlette';
  else if (bases.text.includes('web.View')) framework = 'aiohttp';
  const verb = httpVerbs.has(name) ? name.toUpperCase() : ({ list: 'GET', retrieve: 'GET', create: 'POST', update: 'PUT', partial_update: 'PATCH', destroy: 'DELETE' } as Record<string, string>)[name];
  registry.addFunction(method, framework, { methods: verb ? [verb] : [], name: className ? `${className}.${name}` : name });
}

/** Route registrations: Django `path()`, Flask `add_url_rule()`, aiohttp `add_get()`/`web.get()`, Starlette `Route()`. */
const registrationNames = /^(path|re_path|url|add_url_rule|add_get|add_post|add_put|add_patch|add_delete|add_head|add_route|get|post|put|patch|delete|head|Route|add_api_route)$/;

function readRegistration(call: SyntaxNode, imports: PythonImports, registry: HandlerRegistry): void {
  const calleeText = field(call, 'function')?.text ?? '';
  const name = calleeText.slice(calleeText.lastIndexOf('.') + 1);
  // `get`/`post` register only as aiohttp's `web.get(…)`.
  if (!registrationNames.test(name) || (/^(get|post|put|patch|delete|head)$/.test(name) && !calleeText.startsWith('web.'))) return;
  const shape = syntax.call(call);
  if (!shape) return;
  const text = (node: SyntaxNode | undefined): string | undefined => (node ? syntax.stringValue(node) : undefined);
  const [first, second, third] = shape.args;
  const django = imports.packages.has('django');
  if (!shape.receiver && /^(path|re_path|url)$/.test(shape.name) && django && text(first) !== undefined && second) {
    registry.addRegistration(call, 'django', viewTarget(second), { route: text(first) });
  } else if (shape.name === 'add_url_rule' && text(first) !== undefined) {
    const view = shape.named.get('view_func') ?? third;
    if (view) registry.addRegistration(call, decoratorFramework(imports, 'route'), view, { route: text(first), methods: stringList(shape.named.get('methods')) });
  } else if (/^add_(get|post|put|patch|delete|head)$/.test(shape.name) && text(first) !== undefined && second) {
    registry.addRegistration(call, 'aiohttp', second, { route: text(first), methods: [shape.name.slice(4).toUpperCase()] });
  } else if (shape.name === 'add_route' && text(second) !== undefined && third && imports.packages.has('aiohttp')) {
    const method = text(first)?.toUpperCase();
    registry.addRegistration(call, 'aiohttp', third, { route: text(second), methods: method && method !== '*' ? [method] : [] });
  } else if (shape.receiver?.text === 'web' && httpVerbs.has(shape.name) && text(first) !== undefined && second) {
    registry.addRegistration(call, 'aiohttp', second, { route: text(first), methods: [shape.name.toUpperCase()] });
  } else if ((shape.name === 'Route' || shape.name === 'add_api_route') && text(first) !== undefined) {
    const endpoint = shape.named.get('endpoint') ?? second;
    const framework = shape.name === 'Route' ? 'starlette' : 'fastapi';
    if (endpoint) registry.addRegistration(call, framework, endpoint, { route: text(first), methods: stringList(shape.named.get('methods')) });
  }
}

/** `views.order_detail`, `OrderView.as_view()` → the view named. */
/**
 * Names bound to a client function with preset arguments: `get_json = functools.partial(requests.get, timeout=2)`
 * (or `partial` imported from functools) makes `get_json(url)` a `requests.get`.
 */
function readPartials(matches: readonly Match[], imports: PythonImports): Map<string, ResolvedCallee> {
  const partials = new Map<string, ResolvedCallee>();
  for (const call of callsNamed(matches, (name) => name === 'partial')) {
    const shape = syntax.call(call);
    const fromFunctools = shape?.receiver ? imports.modules.get(shape.receiver.text) === 'functools' : imports.names.get('partial')?.module === 'functools';
    const [target] = shape?.args ?? [];
    const bound = boundName(call);
    if (!fromFunctools || !target || bound === undefined) continue;
    const dotted = /^([\w.]+)\.(\w+)$/.exec(target.text);
    const imported = imports.names.get(target.text);
    const client = dotted ? clientOfModule(imports.modules.get(dotted[1] ?? '')) : clientOfModule(imported?.module);
    const name = dotted ? (dotted[2] ?? '') : (imported?.name ?? '');
    if (client?.functions.has(name)) partials.set(bound, { client, kind: 'function', name, preset: call });
  }
  return partials;
}

function viewTarget(node: SyntaxNode): SyntaxNode {
  const call = syntax.call(node);
  return call?.name === 'as_view' && call.receiver ? call.receiver : node;
}

function clientOfModule(module: string | undefined): PythonClient | undefined {
  if (module === undefined) return undefined;
  return pythonClients.find((client) => client.module === module);
}

function resolveCallee(
  call: SyntaxNode,
  imports: PythonImports,
  clientVariables: ClientVariables,
  file: FileContext,
): ResolvedCallee | undefined {
  // Only the callee is read here: most calls named `get` are dict lookups, not worth taking apart.
  const callee = call.type === 'call' ? field(call, 'function') : undefined;
  if (!callee) return undefined;
  const classify = (client: PythonClient | undefined, name: string): ResolvedCallee | undefined => {
    if (!client) return undefined;
    if (client.functions.has(name)) return { client, kind: 'function', name };
    if (client.factories.has(name)) return { client, kind: 'factory', name };
    return undefined;
  };
  // A dotted name (`requests.get`, `CACHE.get`) is judged from its text before the callee is taken apart.
  const dotted = /^([\w.]+)\.(\w+)$/.exec(callee.text);
  if (dotted) {
    const [, receiverText = '', name = ''] = dotted;
    const moduleClient = clientOfModule(imports.modules.get(receiverText));
    if (moduleClient) return classify(moduleClient, name);
    if (!pythonClients.some((client) => client.methods.has(name))) return undefined;
    if (!clientVariables.has(receiverText) && !clientLike.test(receiverText)) return undefined;
  }
  const asMember = syntax.member(callee);
  if (!asMember) {
    const imported = imports.names.get(callee.text);
    return imported ? classify(clientOfModule(imported.module), imported.name) : undefined;
  }
  const { object: receiver, property: name } = asMember;
  const receiverText = receiver.text;
  const moduleClient = clientOfModule(imports.modules.get(receiverText));
  if (moduleClient) return classify(moduleClient, name);
  if (!pythonClients.some((client) => client.methods.has(name))) return undefined;
  const variable = clientVariables.at(receiverText, call);
  const receiverFactory = receiver.type === 'call' ? resolveCallee(receiver, imports, clientVariables, file) : undefined;
  const client =
    variable?.client ??
    (receiverFactory?.kind === 'factory' ? receiverFactory.client : undefined) ??
    (clientLike.test(receiverText) ? declaredClient(receiver, call, clientVariables, file) : undefined);
  if (client?.methods.has(name)) return { client, kind: 'method', name };
  return undefined;
}

/**
 * A local name whose binding says it is a client: a parameter or variable annotated with a client type
 * (`session: aiohttp.ClientSession`), or a variable given a stored client (`session = request.app["client"]`).
 */
function declaredClient(receiver: SyntaxNode, call: SyntaxNode, clientVariables: ClientVariables, file: FileContext): PythonClient | undefined {
  const name = syntax.identifierName(receiver);
  if (name === undefined) return undefined;
  for (const site of file.sitesOf(name, receiver, receiver.startIndex)) {
    // A parameter's annotation is its `type` field; an assignment's (`x: T = v`) is the `type` field of the statement.
    const annotated = site.kind === 'parameter' ? site.node : site.kind === 'value' && site.node.parent?.type === 'assignment' ? site.node.parent : undefined;
    const type = annotated ? field(annotated, 'type')?.text : undefined;
    const client = (type === undefined ? undefined : clientOfAnnotation(type)) ?? (site.kind === 'value' ? clientVariables.at(site.node.text, call)?.client : undefined);
    if (client) return client;
  }
  return undefined;
}

/** The name a factory call's result is bound to: `s = requests.Session()`, `async with ClientSession() as s`. */
function boundName(call: SyntaxNode): string | undefined {
  let node = call;
  while (node.parent && (node.parent.type === 'await' || node.parent.type === 'parenthesized_expression')) node = node.parent;
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === 'assignment' && field(parent, 'right')?.equals(node)) return field(parent, 'left')?.text;
  if (parent.type === 'as_pattern') return field(parent, 'alias')?.text;
  return undefined;
}

function toCandidate(
  call: SyntaxNode,
  callee: ResolvedCallee,
  clientVariables: ClientVariables,
  file: FileContext,
  imports: PythonImports,
): OutboundCandidate | undefined {
  const shape = syntax.call(call);
  if (!shape) return undefined;
  const parts: HeaderPart[] = [];
  const presetHeaders = callee.preset ? syntax.call(callee.preset)?.named.get('headers') : undefined;
  const headers = shape.named.get('headers') ?? presetHeaders;
  if (headers) parts.push({ node: headers, position: 'collection' });
  let url: SyntaxNode | undefined;
  let method: string | undefined;
  if (callee.client.library === 'urllib') {
    const target = shape.args[0] ?? shape.named.get('url');
    if (target) url = addUrllibRequestParts(target, parts, file, imports);
  } else {
    const methodFirst = callee.client.methodFirst.has(callee.name);
    url = (methodFirst ? shape.args[1] : shape.args[0]) ?? shape.named.get('url');
    const methodArg = methodFirst ? (shape.args[0] ?? shape.named.get('method')) : undefined;
    method = methodArg ? syntax.stringValue(methodArg)?.toUpperCase() : httpVerbs.has(callee.name) ? callee.name.toUpperCase() : undefined;
  }
  if (callee.kind === 'method' && shape.receiver) addClientParts(shape.receiver, call, clientVariables, parts, file);
  const calleeText = shape.callee.text.length > 80 ? `${shape.callee.text.slice(0, 80)}…` : shape.callee.text;
  return {
    node: call,
    library: callee.client.library,
    callee: calleeText,
    ...(method === undefined ? {} : { method }),
    ...(url ? { url } : {}),
    parts,
    ...(shape.spreads.length > 0 && !headers ? { opaque: 'options are passed through **kwargs' } : {}),
  };
}

/** A client object's own headers: `Session(headers=…)`, `session.headers.update(…)`. */
function addClientParts(receiver: SyntaxNode, call: SyntaxNode, clientVariables: ClientVariables, parts: HeaderPart[], file: FileContext): void {
  const factory = clientVariables.at(receiver.text, call)?.factory ?? (syntax.call(receiver) ? receiver : undefined);
  const factoryHeaders = factory ? syntax.call(factory)?.named.get('headers') : undefined;
  if (factoryHeaders) parts.push({ node: factoryHeaders, position: 'collection' });
  const name = syntax.identifierName(receiver);
  if (name === undefined) return;
  for (const site of file.sitesOf(name, call, call.startIndex)) {
    if (site.kind === 'mutation' && site.node.text.includes('headers')) parts.push({ node: site.node, position: 'value' });
  }
}

/** `urlopen(Request(url, headers=h))` or `req = Request(url); req.add_header(k, v); urlopen(req)`. */
function addUrllibRequestParts(target: SyntaxNode, parts: HeaderPart[], file: FileContext, imports: PythonImports): SyntaxNode {
  const name = syntax.identifierName(target);
  let request = syntax.call(target);
  if (name !== undefined) {
    for (const site of file.sitesOf(name, target, target.startIndex)) {
      if (site.kind === 'value') request = syntax.call(site.node) ?? request;
      if (site.kind === 'mutation') parts.push({ node: site.node, position: 'value' });
    }
  }
  // `from urllib.request import Request as UrlRequest` names the same class.
  if (!request || (imports.names.get(request.name)?.name ?? request.name) !== 'Request') return target;
  const headers = request.named.get('headers') ?? request.args[2];
  if (headers) parts.push({ node: headers, position: 'collection' });
  return request.args[0] ?? request.named.get('url') ?? target;
}
