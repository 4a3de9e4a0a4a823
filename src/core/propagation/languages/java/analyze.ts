import type { Capture, SyntaxNode } from '../../runtime/syntaxTree';
import type { FileContext } from '../../analysis/fileContext';
import { callsNamed, captureNamed, captureOf, nodesOf, type Match } from '../../analysis/captures';
import { HandlerRegistry } from '../../analysis/handlerRegistry';
import type { HeaderPart, LanguageAnalysis, OutboundCandidate } from '../../analysis/language';
import { field } from '../../analysis/nodes';
import type { CallShape } from '../../analysis/syntax';
import type { OutboundLibrary } from '../../model';
import type { ProjectFacts } from '../../project/facts';
import { entityHeaders } from './entities';
import { javaRootName, javaSyntax as syntax } from './syntax';

const springMappings: Readonly<Record<string, string | undefined>> = {
  GetMapping: 'GET',
  PostMapping: 'POST',
  PutMapping: 'PUT',
  DeleteMapping: 'DELETE',
  PatchMapping: 'PATCH',
  RequestMapping: undefined,
};
const jaxrsVerbs = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
const servletMethods = /^do(Get|Post|Put|Delete|Patch|Head|Options)$/;
const restTemplateMethods: Readonly<Record<string, string | undefined>> = {
  getForObject: 'GET',
  getForEntity: 'GET',
  postForObject: 'POST',
  postForEntity: 'POST',
  postForLocation: 'POST',
  put: 'PUT',
  patchForObject: 'PATCH',
  delete: 'DELETE',
  exchange: undefined,
  execute: undefined,
  headForHeaders: 'HEAD',
  optionsForAllow: 'OPTIONS',
};
/** The client type a fluent library's instrumentation is looked up by (the JAX-RS client is the rest). */
const fluentClientTypes: Partial<Readonly<Record<OutboundLibrary, string>>> = { webclient: 'WebClient', restclient: 'RestClient' };
/** How a client built in the file itself (so not a bean a tracing bridge instruments) is written, by client type. */
const builtHereText: Readonly<Record<string, RegExp | undefined>> = {
  RestTemplate: /new\s+RestTemplate\s*\(/,
  WebClient: /WebClient\.create\s*\(/,
  RestClient: /RestClient\.(create|builder)\s*\(/,
};
const webClientVerbs = /^(get|post|put|delete|patch|head|options|method)$/;
/** Callee names worth taking apart besides RestTemplate's methods. */
const javaCallNames = /^(get|post|put|delete|patch|head|options|method|target|send|sendAsync|newCall)$/;
const headerSetters = /^(header|headers|setHeader|addHeader|defaultHeader|defaultHeaders)$/;

interface Annotation {
  readonly name: string;
  readonly node: SyntaxNode;
  /** `value`/`path`/the single unnamed argument. */
  readonly value?: string;
  readonly text: string;
}

function annotationsOf(modifiers: SyntaxNode | undefined): Annotation[] {
  if (!modifiers) return [];
  return modifiers.namedChildren
    .filter((child) => child.type === 'annotation' || child.type === 'marker_annotation')
    .map((node) => {
      const name = (field(node, 'name')?.text ?? '').split('.').pop() ?? '';
      const args = field(node, 'arguments');
      let value: string | undefined;
      for (const arg of args ? args.namedChildren : []) {
        if (arg.type === 'element_value_pair') {
          const key = field(arg, 'key')?.text;
          const element = field(arg, 'value');
          if ((key === 'value' || key === 'path' || key === 'name') && element) value ??= firstString(element);
        } else value ??= firstString(arg);
      }
      return { name, node, ...(value === undefined ? {} : { value }), text: node.text };
    });
}

function firstString(node: SyntaxNode): string | undefined {
  return syntax.stringValue(node) ?? (node.type === 'element_value_array_initializer' ? node.namedChildren.map((child) => syntax.stringValue(child)).find((value) => value !== undefined) : undefined);
}

function joinRoutes(...parts: (string | undefined)[]): string {
  const joined = parts.map((part) => (part ?? '').replace(/^\/+|\/+$/g, '')).filter((part) => part !== '').join('/');
  return `/${joined}`;
}

/** The Java part of the engine: Spring MVC/WebFlux, JAX-RS and servlet handlers; RestTemplate, RestClient, WebClient, HttpClient, OkHttp and JAX-RS client calls. */
export function analyzeJava(file: FileContext, matches: readonly Match[], facts: ProjectFacts): LanguageAnalysis {
  const registry = new HandlerRegistry(file, 'java');
  const typed: DeclaredType[] = [];
  const functions = nodesOf(matches, 'function');
  const calls = callsNamed(matches, (name) => name in restTemplateMethods || javaCallNames.test(name), () => 'name');
  for (const match of matches) {
    const typedName = captureNamed(match, 'typed.name');
    const typedType = captureNamed(match, 'typed.type');
    if (typedName && typedType) typed.push({ name: typedName, type: typedType });
    const classNode = captureOf(match, 'class');
    const modifiers = captureOf(match, 'class.modifiers');
    const body = captureOf(match, 'class.body');
    if (classNode && body) readClass(classNode, modifiers, body, registry);
  }
  registry.addReceivers(functions);

  const clients = new JavaClients(file, new DeclaredTypes(typed), facts);
  const candidates: OutboundCandidate[] = [];
  const seen = new Set<number>();
  for (const call of calls) {
    const candidate = clients.candidate(call);
    if (candidate && !seen.has(candidate.node.id)) {
      seen.add(candidate.node.id);
      candidates.push(candidate);
    }
  }
  return { handlers: registry.scopes(), candidates };
}

interface DeclaredType {
  readonly name: Capture;
  readonly type: Capture;
}

/**
 * The declared types of the file's fields, locals and parameters, by name (the last declaration of a name wins).
 * Looked up for the few receivers of outbound calls, so the many declarations are never read whole.
 */
class DeclaredTypes {
  constructor(private readonly declared: readonly DeclaredType[]) {}

  /** The simple name of the type declared for `name` (`RestTemplate` for `org.x.RestTemplate<T>`). */
  get(name: string): string | undefined {
    for (let index = this.declared.length - 1; index >= 0; index--) {
      const declaration = this.declared[index];
      if (declaration?.name.isName(name)) return declaration.type.text.replace(/<.*$/s, '').split('.').pop() ?? '';
    }
    return undefined;
  }
}

function readClass(classNode: SyntaxNode, modifiers: SyntaxNode | undefined, body: SyntaxNode, registry: HandlerRegistry): void {
  const classAnnotations = annotationsOf(modifiers);
  const className = field(classNode, 'name')?.text ?? '';
  const prefix = classAnnotations.find((annotation) => annotation.name === 'RequestMapping' || annotation.name === 'Path')?.value;
  const servletRoute = classAnnotations.find((annotation) => annotation.name === 'WebServlet')?.value;
  for (const method of body.namedChildren) {
    if (method.type !== 'method_declaration') continue;
    const name = field(method, 'name')?.text ?? '';
    const annotations = annotationsOf(method.namedChildren.find((child) => child.type === 'modifiers'));
    const qualified = `${className}.${name}`;
    const mapping = annotations.find((annotation) => annotation.name in springMappings);
    if (mapping) {
      const fixed = springMappings[mapping.name];
      const declared = [...mapping.text.matchAll(/RequestMethod\.([A-Z]+)/g)].map((found) => found[1] ?? '');
      registry.addFunction(method, 'spring', { methods: fixed ? [fixed] : declared, route: joinRoutes(prefix, mapping.value), name: qualified });
      continue;
    }
    const verb = annotations.find((annotation) => jaxrsVerbs.has(annotation.name));
    if (verb) {
      const path = annotations.find((annotation) => annotation.name === 'Path')?.value;
      registry.addFunction(method, 'jax-rs', { methods: [verb.name], route: joinRoutes(prefix, path), name: qualified });
      continue;
    }
    const servlet = servletMethods.exec(name);
    if (servlet && (field(method, 'parameters')?.text ?? '').includes('HttpServletRequest')) {
      registry.addFunction(method, 'servlet', { methods: [(servlet[1] ?? '').toUpperCase()], ...(servletRoute ? { route: servletRoute } : {}), name: qualified });
    }
  }
}

/** A plain method call (no object): a same-file helper or a wrapper when it is handed a builder. */
function isPlainCall(shape: CallShape): boolean {
  return !shape.receiver && shape.node.type === 'method_invocation';
}

/**
 * Calls from the outermost invocation of a chain down to its start: `a.b().c()` → [c, b]. A helper handed the
 * builder is a link too: `withTraceHeaders(a.b(), request).c()` → [c, withTraceHeaders, b].
 */
function chainOf(outer: SyntaxNode): CallShape[] {
  const shapes: CallShape[] = [];
  for (let current: SyntaxNode | undefined = outer; current && shapes.length < 64; ) {
    const shape = syntax.call(current);
    if (!shape) break;
    shapes.push(shape);
    current = shape.receiver ?? (isPlainCall(shape) ? shape.args[0] : undefined);
  }
  return shapes;
}

/** The outermost invocation of the chain `node` starts: `webClient.get()` → `webClient.get().uri(u).retrieve().bodyToMono(…)`. */
function outermost(node: SyntaxNode): SyntaxNode {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (parent?.type === 'method_invocation' && field(parent, 'object')?.equals(current)) {
      current = parent;
      continue;
    }
    // Through a helper handed the builder: `withTraceHeaders(client.target(u).request(), headers).get()`.
    const wrapper = parent?.type === 'argument_list' ? parent.parent : undefined;
    const wrapped = wrapper ? syntax.call(wrapper) : undefined;
    if (wrapped && isPlainCall(wrapped) && wrapped.args[0]?.equals(current)) {
      current = wrapped.node;
      continue;
    }
    return current;
  }
}

function headerParts(shapes: readonly CallShape[], parts: HeaderPart[]): void {
  for (const shape of shapes) {
    if (isPlainCall(shape)) {
      parts.push({ node: shape.node, position: 'value' });
      continue;
    }
    if (!headerSetters.test(shape.name)) continue;
    for (const arg of shape.args) parts.push({ node: arg, position: shape.args.length === 1 ? 'collection' : 'value' });
  }
}

class JavaClients {
  private readonly instrumented = new Map<string, { instrumented?: string }>();

  constructor(
    private readonly file: FileContext,
    private readonly types: DeclaredTypes,
    private readonly facts: ProjectFacts,
  ) {}

  /** The client type of a receiver: its declared type, how it was built, or (last) its name. */
  private clientType(receiver: SyntaxNode | undefined): string | undefined {
    if (!receiver) return undefined;
    const text = receiver.text;
    if (/^(new\s+)?RestTemplate\b/.test(text)) return 'RestTemplate';
    if (/^WebClient\.(create|builder)\b/.test(text)) return 'WebClient';
    if (/^RestClient\.(create|builder)\b/.test(text)) return 'RestClient';
    if (text.startsWith("HttpClient.new")) return 'HttpClient';
    if (text.startsWith("ClientBuilder.new")) return 'Client';
    if (/^new\s+OkHttpClient\b/.test(text)) return 'OkHttpClient';
    const name = receiver.type === 'field_access' ? field(receiver, 'field')?.text : syntax.identifierName(receiver);
    if (name === undefined) return undefined;
    const declared = this.types.get(name);
    if (declared) return declared;
    if (/restTemplate/i.test(name)) return 'RestTemplate';
    if (/webClient/i.test(name)) return 'WebClient';
    if (/restClient/i.test(name)) return 'RestClient';
    return undefined;
  }

  candidate(call: SyntaxNode): OutboundCandidate | undefined {
    const shape = syntax.call(call);
    if (!shape) return undefined;
    const type = this.clientType(shape.receiver);
    if (type === 'RestTemplate' && shape.name in restTemplateMethods) return this.restTemplate(shape);
    if (type === 'WebClient' && webClientVerbs.test(shape.name)) return this.chain(shape, 'webclient', shape.name === 'method' ? undefined : shape.name.toUpperCase(), 'uri');
    // Spring 6.1's RestClient has WebClient's fluent shape: `restClient.get().uri(u).header(…).retrieve().body(T)`.
    if (type === 'RestClient' && webClientVerbs.test(shape.name)) return this.chain(shape, 'restclient', shape.name === 'method' ? undefined : shape.name.toUpperCase(), 'uri');
    if (type === 'Client' && shape.name === 'target') return this.chain(shape, 'jax-rs-client', undefined, 'target');
    if ((type === 'HttpClient' || type === 'java.net.http.HttpClient') && /^send(Async)?$/.test(shape.name)) return this.sent(shape, 'java-httpclient');
    if (type === 'OkHttpClient' && shape.name === 'newCall') return this.sent(shape, 'okhttp');
    return undefined;
  }

  private calleeText(shape: CallShape): string {
    const receiver = shape.receiver?.text ?? '';
    return `${receiver.length > 40 ? `${receiver.slice(0, 40)}…` : receiver}.${shape.name}`;
  }

  private restTemplate(shape: CallShape): OutboundCandidate {
    const parts: HeaderPart[] = [];
    const [first, second, third] = shape.args;
    let method = restTemplateMethods[shape.name];
    let url = first;
    if (shape.name === 'exchange' && shape.args.length <= 2 && first) {
      this.entityParts(first, parts);
      url = undefined;
    } else if (shape.name === 'exchange' && third) {
      this.entityParts(third, parts);
      method = /HttpMethod\.([A-Z]+)/.exec(second?.text ?? '')?.[1];
    } else if (/^(postFor|put$|patchFor)/.test(shape.name) && second) {
      this.entityParts(second, parts);
    } else if (shape.name === 'execute' && third) {
      // The request callback writes the request's headers (and body).
      parts.push({ node: third, position: 'value' });
      method = /HttpMethod\.([A-Z]+)/.exec(second?.text ?? '')?.[1];
    }
    return {
      node: shape.node,
      library: 'resttemplate',
      callee: this.calleeText(shape),
      ...(method ? { method } : {}),
      ...(url ? { url } : {}),
      parts,
      ...this.instrumentation(shape.receiver, 'RestTemplate'),
    };
  }

  /** What a RestTemplate request object carries: `new HttpEntity<>(body, headers)`, `RequestEntity…header(…)`. */
  private entityParts(node: SyntaxNode, parts: HeaderPart[], depth = 0): void {
    const name = syntax.identifierName(node);
    if (name !== undefined && depth < 3) {
      for (const site of this.file.sitesOf(name, node, node.startIndex)) {
        if (site.kind === 'value') this.entityParts(site.node, parts, depth + 1);
        if (site.kind === 'parameter' && site.node.text.includes('Entity')) parts.push({ node, position: 'collection' });
      }
      return;
    }
    const chain = chainOf(node);
    headerParts(chain, parts);
    const creation = syntax.call(node);
    if (creation?.name.endsWith('Entity')) {
      const { headers } = entityHeaders(creation, (candidate) => this.isHeaders(candidate));
      if (headers) parts.push({ node: headers, position: 'collection' });
    }
  }

  private isHeaders(node: SyntaxNode): boolean {
    const name = syntax.identifierName(node);
    if (name === undefined) return /Headers|headers/.test(node.text);
    return /Headers|MultiValueMap/.test(this.types.get(name) ?? '') || /headers/i.test(name);
  }

  /** A builder chain that sends when it ends: WebClient `get().uri(u).header(…)`, JAX-RS `target(u).request().header(…).get()`. */
  private chain(shape: CallShape, library: OutboundLibrary, method: string | undefined, urlMethod: string): OutboundCandidate {
    const outer = outermost(shape.node);
    const chain = chainOf(outer);
    const parts: HeaderPart[] = [];
    headerParts(chain, parts);
    const urlCall = chain.find((link) => link.name === urlMethod);
    const verb = library === 'jax-rs-client' ? chain.find((link) => /^(get|post|put|delete|method|head|options)$/.test(link.name)) : undefined;
    const httpMethod = method ?? (verb ? (verb.name === 'method' ? syntax.stringValue(verb.args[0] ?? verb.node) : verb.name)?.toUpperCase() : undefined);
    return {
      node: outer,
      library,
      callee: this.calleeText(shape),
      ...(httpMethod ? { method: httpMethod } : {}),
      ...(urlCall?.args[0] ? { url: urlCall.args[0] } : {}),
      parts,
      ...this.instrumentation(shape.receiver, fluentClientTypes[library] ?? 'Client'),
    };
  }

  /** `client.send(request, …)` / `client.newCall(request)` with the request built by a builder chain. */
  private sent(shape: CallShape, library: OutboundLibrary): OutboundCandidate | undefined {
    const request = shape.args[0];
    if (!request) return undefined;
    const parts: HeaderPart[] = [];
    let built: SyntaxNode | undefined = request;
    const name = syntax.identifierName(request);
    if (name !== undefined) built = this.file.sitesOf(name, request, request.startIndex).find((site) => site.kind === 'value')?.node;
    const chain = built ? chainOf(built) : [];
    headerParts(chain, parts);
    // `builder.header(…)` statements on a builder variable the chain starts from.
    const builder = built ? javaRootName(built) : undefined;
    if (built && builder !== undefined && builder !== name) {
      for (const site of this.file.sitesOf(builder, built, shape.node.startIndex)) {
        if (site.kind === 'value') {
          const links = chainOf(site.node);
          headerParts(links, parts);
          chain.push(...links);
        } else if (site.kind === 'mutation') parts.push({ node: site.node, position: 'value' });
      }
    }
    const urlCall = chain.find((link) => link.name === 'uri' || link.name === 'url' || link.name === 'newBuilder');
    const verb = chain.find((link) => /^(GET|POST|PUT|DELETE|HEAD|get|post|put|delete|head|patch|method)$/.test(link.name));
    const outer = library === 'okhttp' ? outermost(shape.node) : shape.node;
    return {
      node: outer,
      library,
      callee: this.calleeText(shape),
      ...(verb ? { method: (verb.name === 'method' ? (syntax.stringValue(verb.args[0] ?? verb.node) ?? 'GET') : verb.name).toUpperCase() } : {}),
      ...(urlCall?.args[0] ? { url: urlCall.args[0] } : {}),
      parts,
    };
  }

  /**
   * A client with interceptors/filters or default headers set in this file, or a Spring bean instrumented by a
   * tracing bridge (not one made with `new RestTemplate()`/`WebClient.create()` here).
   */
  private instrumentation(receiver: SyntaxNode | undefined, type: string): { instrumented?: string } {
    const name = receiver ? (receiver.type === 'field_access' ? field(receiver, 'field')?.text : syntax.identifierName(receiver)) : undefined;
    // Each test reads the whole file: once per client name and type, not once per call.
    const key = `${name ?? ''} ${type}`;
    let found = this.instrumented.get(key);
    if (!found) {
      found = this.readInstrumentation(name, type);
      this.instrumented.set(key, found);
    }
    return found;
  }

  private readInstrumentation(name: string | undefined, type: string): { instrumented?: string } {
    const text = this.file.text;
    if (name !== undefined) {
      const configured = new RegExp(`\\b${name}\\s*\\.\\s*(getInterceptors|setInterceptors|interceptors)\\b`).test(text);
      if (configured) return { instrumented: `${name} has interceptors` };
    }
    if (/\.(additionalInterceptors|interceptors|filter|filters)\s*\(/.test(text) && new RegExp(`\\b${type}\\b`).test(text)) {
      return { instrumented: `the ${type} is built with interceptors/filters` };
    }
    const builtHere = builtHereText[type]?.test(text) ?? false;
    if (this.facts.springTracing !== undefined && !builtHere) return { instrumented: `the ${type} bean is instrumented (${this.facts.springTracing})` };
    return {};
  }
}
