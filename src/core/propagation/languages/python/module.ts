import type { SyntaxNode } from '../../runtime/syntaxTree';
import type { Match } from '../../analysis/captures';
import type { LanguageModule } from '../../analysis/language';
import type { RequestRoot } from '../../analysis/roots';
import bindingQuerySource from '../../queries/python-bindings.scm';
import querySource from '../../queries/python.scm';
import { analyzePython, readImports } from './analyze';
import { pythonSyntax } from './syntax';

const requestNames = /^(request|req|http_request|incoming_request|incoming)$/;
const requestTypes = /\b(Request|HttpRequest|WSGIRequest|ASGIRequest|BaseRequest)\b/;
const headerNames = /^(headers|hdrs|incoming_headers|request_headers|req_headers|forward_headers|forwarded_headers|trace_headers|tracing_headers|propagation_headers|inbound_headers|upstream_headers)$/;

/** Parameters through which a Python function receives the incoming request, its headers or one header. */
function parameterRoots(fn: SyntaxNode): Map<string, RequestRoot> {
  const roots = new Map<string, RequestRoot>();
  for (const parameter of pythonSyntax.parameters(fn)) {
    if (/^(self|cls)$/.test(parameter.name)) continue;
    const header = /\bHeader\s*\(/.exec(parameter.markers);
    if (header) {
      const alias = /alias\s*=\s*["']([^"']+)["']/.exec(parameter.markers)?.[1];
      roots.set(parameter.name, { kind: 'header-value', header: (alias ?? parameter.name.replace(/_/g, '-')).toLowerCase() });
    } else if (requestNames.test(parameter.name) || (parameter.type !== undefined && requestTypes.test(parameter.type))) {
      roots.set(parameter.name, { kind: 'request' });
    } else if (headerNames.test(parameter.name)) {
      roots.set(parameter.name, { kind: 'headers' });
    }
  }
  return roots;
}

/** Flask and Quart hand the request to code through the global `request` proxy. */
function globalRoots(matches: readonly Match[]): Map<string, RequestRoot> {
  const imports = readImports(matches);
  const roots = new Map<string, RequestRoot>();
  for (const [local, imported] of imports.names) {
    if (imported.name === 'request' && (imported.module === 'flask' || imported.module === 'quart')) roots.set(local, { kind: 'request' });
  }
  return roots;
}

export const pythonModule: LanguageModule = {
  language: 'python',
  grammars: ['python'],
  syntax: pythonSyntax,
  declarationContainers: new Set(['class_definition']),
  querySource,
  bindingQuerySource,
  parameterRoots,
  outboundHint: /requests|httpx|aiohttp|urllib|AsyncClient|ClientSession|PoolManager/,
  requestHint: /req|incoming|head|hdrs/i,
  globalRoots,
  analyze: (file, matches) => analyzePython(file, matches),
};
