import type { SyntaxNode } from '../runtime/syntaxTree';
import type { HandlerFramework, InboundHandler, PropagationLanguage } from '../model';
import type { FileContext } from './fileContext';
import type { HandlerScope } from './language';
import { spanOf } from './nodes';

export interface RouteInfo {
  readonly methods?: readonly string[];
  readonly route?: string;
  /** Overrides the function's own name (`OrderController.get`). */
  readonly name?: string;
}

interface Entry {
  fn?: SyntaxNode;
  node: SyntaxNode;
  framework: HandlerFramework;
  name: string;
  nameNode?: SyntaxNode;
  methods: string[];
  route?: string;
  declaration: 'function' | 'registration';
}

/**
 * Collects a file's inbound handlers as the language finds them (decorators, registrations, signatures) and merges
 * what is known about each function: a registration can add the route to a function found by its signature.
 */
export class HandlerRegistry {
  private readonly byFunction = new Map<number, Entry>();
  private readonly registrations: Entry[] = [];

  constructor(
    private readonly file: FileContext,
    private readonly language: PropagationLanguage,
  ) {}

  has(fn: SyntaxNode): boolean {
    return this.byFunction.has(fn.id);
  }

  addFunction(fn: SyntaxNode, framework: HandlerFramework, info: RouteInfo = {}): void {
    const existing = this.byFunction.get(fn.id);
    if (existing) {
      if (existing.framework === 'request-receiver' || (framework !== 'request-receiver' && !existing.route)) existing.framework = framework;
      if (info.route !== undefined && existing.route === undefined) existing.route = info.route;
      for (const method of info.methods ?? []) if (!existing.methods.includes(method)) existing.methods.push(method);
      if (info.name !== undefined) existing.name = info.name;
      return;
    }
    const nameNode = fn.childForFieldName('name') ?? undefined;
    this.byFunction.set(fn.id, {
      fn,
      node: fn,
      framework,
      name: info.name ?? this.file.syntax.functionName(fn) ?? '<anonymous>',
      nameNode,
      methods: [...(info.methods ?? [])],
      route: info.route,
      declaration: 'function',
    });
  }

  /** A route registration; attached to the function when it is defined in this file. */
  addRegistration(node: SyntaxNode, framework: HandlerFramework, target: SyntaxNode | undefined, info: RouteInfo): void {
    const targetName = target?.text ?? '<handler>';
    const local = target ? this.localFunction(target) : undefined;
    if (local) {
      this.addFunction(local, framework, info);
      return;
    }
    if (target && this.file.syntax.functionTypes.has(target.type)) {
      // An inline handler is named after its route: `GET /api/orders/:id`.
      const label = [info.methods?.length ? info.methods.join('|') : '', info.route ?? ''].join(' ').trim();
      const name = this.file.syntax.functionName(target) ?? (label === '' ? undefined : label);
      this.addFunction(target, framework, name === undefined ? info : { ...info, name });
      return;
    }
    this.registrations.push({ node, framework, name: targetName, methods: [...(info.methods ?? [])], route: info.route, declaration: 'registration' });
  }

  private localFunction(target: SyntaxNode): SyntaxNode | undefined {
    const name = this.file.syntax.identifierName(target);
    if (name === undefined) return undefined;
    return this.file.functionsNamed(name)[0];
  }

  /** Functions that receive the incoming request (or its headers/context) and are no handler yet. */
  addReceivers(functions: readonly SyntaxNode[], framework: HandlerFramework = 'request-receiver'): void {
    for (const fn of functions) {
      if (this.byFunction.has(fn.id)) continue;
      if (this.file.parameterRootsOf(fn).size > 0) this.addFunction(fn, framework);
    }
  }

  scopes(): HandlerScope[] {
    const result: HandlerScope[] = [];
    for (const entry of [...this.byFunction.values(), ...this.registrations]) {
      result.push({ handler: this.toHandler(entry), fn: entry.fn });
    }
    return result.sort((a, b) => a.handler.span.startOffset - b.handler.span.startOffset);
  }

  private toHandler(entry: Entry): InboundHandler {
    const span = spanOf(entry.node);
    let requestParameter: InboundHandler['requestParameter'];
    if (entry.fn) {
      const roots = this.file.parameterRootsOf(entry.fn);
      const parameter = this.file.syntax.parameters(entry.fn).find((candidate) => roots.has(candidate.name));
      if (parameter) requestParameter = { name: parameter.name, span: spanOf(parameter.node) };
    }
    return {
      id: `${entry.name}@${span.line}`,
      language: this.language,
      framework: entry.framework,
      declaration: entry.declaration,
      name: entry.name,
      methods: entry.methods,
      ...(entry.route === undefined ? {} : { route: entry.route }),
      span,
      ...(entry.nameNode ? { nameSpan: spanOf(entry.nameNode) } : {}),
      ...(requestParameter ? { requestParameter } : {}),
    };
  }
}
