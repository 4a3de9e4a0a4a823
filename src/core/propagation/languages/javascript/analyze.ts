import type { SyntaxNode } from '../../runtime/syntaxTree';
import type { FileContext } from '../../analysis/fileContext';
import { callsNamed, captureOf, nodesOf, type Match } from '../../analysis/captures';
import { HandlerRegistry } from '../../analysis/handlerRegistry';
import type { HeaderPart, LanguageAnalysis, OutboundCandidate } from '../../analysis/language';
import { contains, field } from '../../analysis/nodes';
import type { CallShape } from '../../analysis/syntax';
import type { HandlerFramework, OutboundLibrary } from '../../model';
import { clientFactories, clientMethods, clientPackages, optionsIndex } from './clients';
import { javascriptSyntax as syntax } from './syntax';

const routeMethods = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'all', 'use']);
/** Callee names worth taking apart: fetch, client methods and factories, route registrations and servers. */
const javascriptCallNames: ReadonlySet<string> = new Set([
  'fetch',
  ...routeMethods,
  ...Object.values(clientMethods).flatMap((methods) => [...methods]),
  ...Object.values(clientFactories).flatMap((factories) => [...factories]),
  'route',
  'createServer',
  'on',
]);
const nestVerbs = new Set(['Get', 'Post', 'Put', 'Delete', 'Patch', 'Head', 'Options', 'All']);
const handlerFirstParameter = /^_?(req|request|ctx|context|c)$/;
const handlerSecondParameter = /^_?(res|response|reply|rep|next|h)$/;

interface Imported {
  readonly source: string;
  /** `default`, `*`, or the imported name. */
  readonly name: string;
}

export function readImports(matches: readonly Match[]): Map<string, Imported> {
  const imports = new Map<string, Imported>();
  for (const match of matches) {
    const get = (name: string): SyntaxNode | undefined => captureOf(match, name);
    const source = get('import.source') ?? get('require.source');
    if (!source) continue;
    const local = get('import.default') ?? get('require.default');
    if (local) imports.set(local.text, { source: source.text, name: 'default' });
    const namespace = get('import.namespace');
    if (namespace) imports.set(namespace.text, { source: source.text, name: '*' });
    const named = get('import.name');
    if (named) imports.set(get('import.alias')?.text ?? named.text, { source: source.text, name: named.text });
    const pattern = get('require.pattern');
    if (pattern) {
      for (const child of pattern.namedChildren) {
        if (child.type === 'shorthand_property_identifier_pattern') imports.set(child.text, { source: source.text, name: child.text });
        if (child.type === 'pair_pattern') {
          const key = field(child, 'key');
          const value = field(child, 'value');
          if (key && value) imports.set(value.text, { source: source.text, name: key.text });
        }
      }
    }
  }
  return imports;
}

function frameworkOf(imports: ReadonlyMap<string, Imported>): HandlerFramework | undefined {
  const sources = new Set([...imports.values()].map((entry) => entry.source));
  if (sources.has('express')) return 'express';
  if (sources.has('fastify')) return 'fastify';
  if ([...sources].some((source) => source === 'koa' || source === '@koa/router' || source === 'koa-router')) return 'koa';
  return undefined;
}

/** The JavaScript/TypeScript part of the engine. */
export function analyzeJavaScript(
  file: FileContext,
  matches: readonly Match[],
  path: string,
  language: 'javascript' | 'typescript',
): LanguageAnalysis {
  const imports = readImports(matches);
  const registry = new HandlerRegistry(file, language);
  const functions = nodesOf(matches, 'function');
  const interesting = new Set([...javascriptCallNames, ...imports.keys()]);
  const calls = callsNamed(matches, (name) => interesting.has(name), (call) => (call.type === 'new_expression' ? 'constructor' : 'function'));
  for (const exported of nodesOf(matches, 'export')) readNextExport(exported, path, registry);
  for (const match of matches) {
    const controller = captureOf(match, 'controller.decorator');
    const body = captureOf(match, 'controller.body');
    if (controller && body) readNestController(controller, body, registry);
  }
  const framework = frameworkOf(imports);
  for (const call of calls) readRegistration(call, framework, registry, file);
  registry.addReceivers(functions);

  const clients = new Clients(file, imports, calls);
  const candidates: OutboundCandidate[] = [];
  for (const call of calls) {
    const candidate = clients.candidate(call);
    if (candidate) candidates.push(candidate);
  }
  return { handlers: registry.scopes(), candidates };
}

function looksLikeHandler(fn: SyntaxNode): boolean {
  const parameters = syntax.parameters(fn);
  return (
    (parameters[0] !== undefined && handlerFirstParameter.test(parameters[0].name)) ||
    (parameters[1] !== undefined && handlerSecondParameter.test(parameters[1].name))
  );
}

/** A function argument, or a name bound to a function in this file. */
function functionOf(node: SyntaxNode, file: FileContext): SyntaxNode | undefined {
  if (syntax.functionTypes.has(node.type)) return node;
  const name = syntax.identifierName(node);
  return name === undefined ? undefined : file.functionsNamed(name)[0];
}

function routeText(node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  return syntax.stringValue(node) ?? (node.type === 'template_string' ? node.text.slice(1, -1) : undefined);
}

/** `app.get('/x', auth, handler)`, `router.route('/x').post(h)`, `fastify.route({…})`, `http.createServer(h)`. */
/** Can this call register a route? Its first argument is a path, a function (`use`), an options object, or `'request'`. */
function mayRegister(call: SyntaxNode): boolean {
  const first = call.childForFieldName('arguments')?.namedChild(0);
  if (!first) return false;
  const type = first.type;
  if (type === 'string' || type === 'template_string') return /^.[/*]|^.request.$/.test(first.text);
  return type !== 'number' && type !== 'member_expression';
}

function readRegistration(call: SyntaxNode, framework: HandlerFramework | undefined, registry: HandlerRegistry, file: FileContext): void {
  if (call.type !== 'call_expression' || !mayRegister(call)) return;
  const shape = syntax.call(call);
  if (!shape?.receiver) return;
  if (shape.name === 'createServer' || (shape.name === 'on' && syntax.stringValue(shape.args[0] ?? shape.node) === 'request')) {
    const handler = shape.args.map((arg) => functionOf(arg, file)).find((fn) => fn !== undefined);
    if (handler) registry.addRegistration(call, 'node-http', handler, {});
    return;
  }
  if (shape.name === 'route' && shape.args[0]?.type === 'object') {
    readFastifyRoute(call, shape.args[0], registry, file);
    return;
  }
  if (!routeMethods.has(shape.name)) return;
  const receiverCall = syntax.call(shape.receiver);
  const route = receiverCall?.name === 'route' ? routeText(receiverCall.args[0]) : routeText(shape.args[0]);
  if (route === undefined && shape.name !== 'use') return;
  const handlers = shape.args.map((arg) => functionOf(arg, file)).filter((fn): fn is SyntaxNode => fn !== undefined && looksLikeHandler(fn));
  if (handlers.length === 0) return;
  const firstParameter = handlers[0] ? (syntax.parameters(handlers[0])[0]?.name ?? '') : '';
  const guessed: HandlerFramework = firstParameter.includes('ctx') ? 'koa' : /^_?request$/.test(firstParameter) ? 'fastify' : 'express';
  const methods = shape.name === 'use' || shape.name === 'all' ? [] : [shape.name.toUpperCase()];
  for (const handler of handlers) {
    registry.addRegistration(call, framework ?? guessed, handler, { methods, ...(route === undefined ? {} : { route }) });
  }
}

function readFastifyRoute(call: SyntaxNode, options: SyntaxNode, registry: HandlerRegistry, file: FileContext): void {
  const entries = syntax.entries(options);
  const value = (key: string): SyntaxNode | undefined => entries?.pairs.find((pair) => pair.key.text === key)?.value;
  const handlerNode = value('handler');
  const handler = handlerNode ? functionOf(handlerNode, file) : undefined;
  if (!handler) return;
  const method = value('method');
  const methods = method ? [syntax.stringValue(method), ...method.namedChildren.map((child) => syntax.stringValue(child))] : [];
  registry.addRegistration(call, 'fastify', handler, {
    methods: methods.filter((entry): entry is string => entry !== undefined).map((entry) => entry.toUpperCase()),
    ...(routeText(value('url') ?? value('path')) === undefined ? {} : { route: routeText(value('url') ?? value('path')) }),
  });
}

/** NestJS: the class's `@Controller('prefix')` and each method's `@Get(':id')`. */
function readNestController(decorator: SyntaxNode, body: SyntaxNode, registry: HandlerRegistry): void {
  const controller = syntax.call(decorator.namedChild(0) ?? decorator);
  if (controller?.name !== 'Controller') return;
  const prefix = routeText(controller.args[0]) ?? '';
  const className = body.parent ? field(body.parent, 'name')?.text : undefined;
  let pending: CallShape[] = [];
  for (const child of body.namedChildren) {
    if (child.type === 'decorator') {
      const shape = syntax.call(child.namedChild(0) ?? child);
      if (shape) pending.push(shape);
      continue;
    }
    if (child.type === 'method_definition') {
      const verb = pending.find((shape) => nestVerbs.has(shape.name));
      if (verb) {
        const path = routeText(verb.args[0]) ?? '';
        const route = `/${[prefix, path].map((part) => part.replace(/^\/+|\/+$/g, '')).filter((part) => part !== '').join('/')}`;
        const name = field(child, 'name')?.text ?? '<method>';
        registry.addFunction(child, 'nestjs', { methods: verb.name === 'All' ? [] : [verb.name.toUpperCase()], route, name: className ? `${className}.${name}` : name });
      }
    }
    pending = [];
  }
}

/** Next.js API routes: `pages/api/**` default exports and `app/**\/route.ts` method exports. */
function readNextExport(node: SyntaxNode, path: string, registry: HandlerRegistry): void {
  const normalized = path.replace(/\\/g, '/');
  const pages = /(?:^|\/)pages(\/api\/.*?)(?:\/index)?\.[cm]?[jt]sx?$/.exec(normalized);
  const app = /(?:^|\/)app((?:\/.*?)?)\/route\.[cm]?[jt]sx?$/.exec(normalized);
  if (!pages && !app) return;
  const declaration = field(node, 'declaration') ?? field(node, 'value');
  if (!declaration) return;
  const isDefault = node.children.some((child) => child.type === 'default');
  if (pages && isDefault && syntax.functionTypes.has(declaration.type)) {
    registry.addFunction(declaration, 'nextjs', { route: pages[1] ?? '/api' });
  }
  if (app && declaration.type === 'function_declaration') {
    const name = field(declaration, 'name')?.text ?? '';
    if (/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name)) registry.addFunction(declaration, 'nextjs', { methods: [name], route: app[1] === undefined || app[1] === '' ? '/' : app[1] });
  }
}

interface ClientVariable {
  readonly library: OutboundLibrary;
  readonly factory?: SyntaxNode;
}

/** Recognises outbound calls: global fetch, imported libraries, and client instances bound in the file. */
class Clients {
  private readonly variables = new Map<string, ClientVariable>();

  constructor(
    private readonly file: FileContext,
    private readonly imports: ReadonlyMap<string, Imported>,
    calls: readonly SyntaxNode[],
  ) {
    for (const call of calls) {
      const library = this.factoryLibrary(call);
      const bound = library ? boundName(call) : undefined;
      if (library && bound !== undefined) this.variables.set(bound, { library, factory: call });
    }
    // NestJS: `constructor(private readonly http: HttpService)` makes `this.http` an axios client.
    // (Looked for only in files that name it: the pattern is slow to try at every word of a big file.)
    const nest = file.text.includes('HttpService') ? file.text.matchAll(/\b(\w+)\s*:\s*HttpService\b/g) : [];
    for (const match of nest) {
      const name = match[1] ?? '';
      this.variables.set(`this.${name}`, { library: 'axios' });
      this.variables.set(name, { library: 'axios' });
    }
  }

  private libraryOfName(name: string): { library: OutboundLibrary; imported: Imported } | undefined {
    const imported = this.imports.get(name);
    const library = imported ? clientPackages[imported.source] : undefined;
    return imported && library ? { library, imported } : undefined;
  }

  private factoryLibrary(call: SyntaxNode): OutboundLibrary | undefined {
    const shape = syntax.call(call);
    if (!shape) return undefined;
    const owner = shape.receiver ? syntax.identifierName(shape.receiver) : shape.callee.text;
    const found = owner === undefined ? undefined : this.libraryOfName(owner);
    if (!found) return undefined;
    const factoryName = shape.receiver ? shape.name : found.imported.name;
    return clientFactories[found.library]?.has(factoryName) ? found.library : undefined;
  }

  candidate(call: SyntaxNode): OutboundCandidate | undefined {
    const shape = syntax.call(call);
    if (!shape || call.type === 'new_expression') return undefined;
    const resolved = this.resolve(shape);
    if (!resolved) return undefined;
    const { library, method } = resolved;
    const parts: HeaderPart[] = [];
    let opaque: string | undefined;
    let url: SyntaxNode | undefined = shape.args[0];
    let httpMethod = method && /^(get|post|put|patch|delete|head|options|del)$/.test(method) ? (method === 'del' ? 'DELETE' : method.toUpperCase()) : undefined;
    const addOptions = (options: SyntaxNode | undefined): void => {
      if (!options) return;
      const found = this.optionHeaders(options, call);
      parts.push(...found.parts);
      opaque ??= found.opaque;
      httpMethod ??= found.method;
      url = found.url ?? url;
    };
    if (library === 'superagent') {
      this.addChainParts(call, parts);
    } else if (library === 'node-http') {
      const [first, ...rest] = shape.args;
      if (first?.type === 'object') addOptions(first);
      else {
        // `http.request(options, cb)` with the options built in a variable (a URL in a variable adds nothing).
        if (first && syntax.identifierName(first) !== undefined) parts.push(...this.optionHeaders(first, call).parts);
        addOptions(rest.find((arg) => !syntax.functionTypes.has(arg.type)));
      }
    } else if (library === 'axios' && (method === undefined || method === 'request')) {
      // axios(config), axios(url, config), axios.request(config)
      const first = shape.args[0];
      if (first && (first.type === 'object' || (method === 'request' && syntax.stringValue(first) === undefined))) {
        url = undefined;
        addOptions(first);
      } else addOptions(shape.args[1]);
    } else {
      if (library === 'fetch' || library === 'node-fetch' || method === 'fetch') {
        const request = this.requestObject(shape.args[0], call);
        if (request) {
          url = request.args[0];
          addOptions(request.args[1]);
        }
      }
      addOptions(shape.args[optionsIndex(library, method, resolved.variable !== undefined)]);
    }
    if (resolved.variable) this.addInstanceParts(resolved.variable, shape, call, parts);
    if (shape.spreads.length > 0 && parts.length === 0) opaque ??= 'options are passed with a spread';
    return {
      node: call,
      library,
      callee: shape.callee.text.length > 80 ? `${shape.callee.text.slice(0, 80)}…` : shape.callee.text,
      ...(httpMethod === undefined ? {} : { method: httpMethod }),
      ...(url ? { url } : {}),
      parts,
      ...(opaque === undefined ? {} : { opaque }),
    };
  }

  private resolve(shape: CallShape): { library: OutboundLibrary; method?: string; variable?: ClientVariable } | undefined {
    if (!shape.receiver) {
      const name = shape.callee.text;
      const found = this.libraryOfName(name);
      if (found) {
        const imported = found.imported.name;
        if (found.library === 'undici' && imported === 'fetch') return { library: 'undici', method: 'fetch' };
        if (imported === 'default' || imported === '*') return found.library === 'node-http' ? undefined : { library: found.library };
        return clientMethods[found.library]?.has(imported) ? { library: found.library, method: imported } : undefined;
      }
      if (name === 'fetch' && !this.file.functionsNamed('fetch').length) return { library: 'fetch' };
      return undefined;
    }
    const receiverText = shape.receiver.text;
    if (/^(globalThis|window|self)$/.test(receiverText) && shape.name === 'fetch') return { library: 'fetch' };
    const variable = this.variables.get(receiverText);
    if (variable) {
      const methods = variable.library === 'undici' ? new Set(['request', 'stream']) : clientMethods[variable.library];
      return methods?.has(shape.name) ? { library: variable.library, method: shape.name, variable } : undefined;
    }
    const found = syntax.identifierName(shape.receiver) === undefined ? undefined : this.libraryOfName(receiverText);
    if (found && (found.imported.name === 'default' || found.imported.name === '*') && clientMethods[found.library]?.has(shape.name)) {
      return { library: found.library, method: shape.name };
    }
    return undefined;
  }

  /** `{ headers, method, url }` options, an options variable, or something from elsewhere. */
  private optionHeaders(options: SyntaxNode, call: SyntaxNode, depth = 0): { parts: HeaderPart[]; opaque?: string; method?: string; url?: SyntaxNode } {
    const entries = syntax.entries(options);
    if (entries) {
      const pair = (key: string): SyntaxNode | undefined => entries.pairs.find((entry) => (syntax.stringValue(entry.key) ?? entry.key.text) === key)?.value;
      const headers = pair('headers');
      const method = pair('method');
      const url = pair('url') ?? pair('uri');
      const spreadParts = entries.spreads.map((spread) => ({ node: spread, position: 'collection' as const }));
      return {
        parts: headers ? [{ node: headers, position: 'collection' }, ...spreadParts] : spreadParts,
        ...(method ? { method: syntax.stringValue(method)?.toUpperCase() } : {}),
        ...(url ? { url } : {}),
      };
    }
    const name = syntax.identifierName(options);
    if (name !== undefined && depth < 3) {
      const parts: HeaderPart[] = [];
      let found = false;
      let method: string | undefined;
      let url: SyntaxNode | undefined;
      for (const site of this.file.sitesOf(name, options, call.startIndex)) {
        if (site.kind === 'value') {
          const inner = this.optionHeaders(site.node, call, depth + 1);
          parts.push(...inner.parts);
          found ||= inner.opaque === undefined;
          method ??= inner.method;
          url ??= inner.url;
        } else if (site.kind === 'mutation' && !contains(site.node, call)) {
          // (The statement that makes the call hands the options over; it changes nothing before the call.)
          parts.push({ node: site.node, position: 'value' });
          found = true;
        }
      }
      return found ? { parts, ...(method === undefined ? {} : { method }), ...(url ? { url } : {}) } : { parts, opaque: `the options \`${name}\` are defined elsewhere` };
    }
    if (options.type === 'string' || options.type === 'template_string' || syntax.functionTypes.has(options.type)) return { parts: [] };
    return { parts: [], opaque: `the options \`${options.text.slice(0, 40)}\` are built elsewhere` };
  }

  /** `fetch(new Request(url, init))`, or a Request built in a variable before the call: its init carries the headers. */
  private requestObject(node: SyntaxNode | undefined, call: SyntaxNode): CallShape | undefined {
    if (!node) return undefined;
    const isRequest = (candidate: SyntaxNode): CallShape | undefined => {
      const shape = candidate.type === 'new_expression' ? syntax.call(candidate) : undefined;
      return shape?.name === 'Request' ? shape : undefined;
    };
    const name = syntax.identifierName(node);
    if (name === undefined) return isRequest(node);
    const values = this.file.sitesOf(name, node, call.startIndex).filter((site) => site.kind === 'value');
    const last = values.at(-1);
    return last ? isRequest(last.node) : undefined;
  }

  /** superagent: `.set('traceparent', …)` / `.set(headers)` further along the chain. */
  private addChainParts(call: SyntaxNode, parts: HeaderPart[]): void {
    let current = call;
    for (let depth = 0; depth < 20; depth++) {
      const memberNode = current.parent;
      const next = memberNode?.parent;
      if (memberNode?.type !== 'member_expression' || next?.type !== 'call_expression') return;
      const shape = syntax.call(next);
      if (shape?.name === 'set') {
        for (const arg of shape.args) parts.push({ node: arg, position: shape.args.length === 1 ? 'collection' : 'value' });
      }
      current = next;
    }
  }

  /** An instance's defaults: `axios.create({ headers })`, `api.defaults.headers…`, interceptors. */
  private addInstanceParts(variable: ClientVariable, shape: CallShape, call: SyntaxNode, parts: HeaderPart[]): void {
    const factory = variable.factory ? syntax.call(variable.factory) : undefined;
    const config = factory?.args[factory.args.length - 1];
    if (config) parts.push(...this.optionHeaders(config, call).parts);
    const name = shape.receiver ? syntax.identifierName(shape.receiver) : undefined;
    if (name === undefined) return;
    for (const site of this.file.sitesOf(name, call, call.startIndex)) {
      if (site.kind !== 'mutation' || contains(site.node, call)) continue;
      const interceptor = this.interceptorParts(site.node);
      if (interceptor) parts.push(...interceptor);
      else if (site.node.text.includes('headers')) parts.push({ node: site.node, position: 'value' });
    }
  }

  /**
   * `api.interceptors.request.use(fn)`: what `fn` does to the outgoing config. What it returns is that config, not a
   * value from elsewhere; response interceptors shape no request. Undefined when the statement registers none.
   */
  private interceptorParts(statement: SyntaxNode): HeaderPart[] | undefined {
    let expression = statement.type === 'expression_statement' ? statement.namedChild(0) : undefined;
    if (expression?.type === 'await_expression') expression = expression.namedChild(0);
    const shape = expression ? syntax.call(expression) : undefined;
    const kind = shape?.name === 'use' && shape.receiver ? /\.interceptors\.(request|response)$/.exec(shape.receiver.text)?.[1] : undefined;
    if (!shape || kind === undefined) return undefined;
    const registered = shape.args[0];
    if (kind === 'response' || !registered) return [];
    const callback = functionOf(registered, this.file);
    if (!callback) return [{ node: registered, position: 'collection' }];
    const body = syntax.functionBody(callback);
    if (!body) return [];
    if (body.type !== 'statement_block') return [{ node: body, position: 'value' }];
    return body.namedChildren.map((child) => ({ node: child.type === 'return_statement' ? (child.namedChild(0) ?? child) : child, position: 'value' }));
  }
}

/** `const api = axios.create(…)`, `this.client = got.extend(…)`. */
function boundName(call: SyntaxNode): string | undefined {
  let node = call;
  while (node.parent && (node.parent.type === 'await_expression' || node.parent.type === 'parenthesized_expression')) node = node.parent;
  const parent = node.parent;
  if (parent?.type === 'variable_declarator') return field(parent, 'name')?.text;
  if (parent?.type === 'assignment_expression') return field(parent, 'left')?.text;
  if (parent?.type === 'public_field_definition' || parent?.type === 'field_definition') {
    const name = field(parent, 'name') ?? field(parent, 'property');
    return name ? `this.${name.text}` : undefined;
  }
  return undefined;
}
