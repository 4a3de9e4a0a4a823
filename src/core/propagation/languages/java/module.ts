import type { SyntaxNode } from '../../runtime/syntaxTree';
import type { LanguageModule } from '../../analysis/language';
import type { RequestRoot } from '../../analysis/roots';
import bindingQuerySource from '../../queries/java-bindings.scm';
import querySource from '../../queries/java.scm';
import { analyzeJava } from './analyze';
import { javaSyntax } from './syntax';

const requestTypes = /^(HttpServletRequest|ServerHttpRequest|ServerRequest|ServerWebExchange|ContainerRequestContext|HttpRequest|Request)$/;

/** Parameters through which a Java method receives the incoming request, its headers or one header. */
function parameterRoots(fn: SyntaxNode): Map<string, RequestRoot> {
  const roots = new Map<string, RequestRoot>();
  for (const parameter of javaSyntax.parameters(fn)) {
    const type = (parameter.type ?? '').replace(/<.*$/s, '').split('.').pop() ?? '';
    const named = /@(RequestHeader|HeaderParam)\s*\(\s*(?:(?:value|name)\s*=\s*)?"([^"]+)"/.exec(parameter.markers);
    if (named && /^String$/.test(type)) roots.set(parameter.name, { kind: 'header-value', header: (named[2] ?? '').toLowerCase() });
    else if (/@RequestHeader\b/.test(parameter.markers) || (/@Context\b/.test(parameter.markers) && type === 'HttpHeaders') || /^(HttpHeaders)$/.test(type)) {
      roots.set(parameter.name, { kind: 'headers' });
    } else if (requestTypes.test(type) && (type !== 'HttpRequest' && type !== 'Request' ? true : /@Context\b/.test(parameter.markers))) {
      roots.set(parameter.name, { kind: 'request' });
    }
  }
  return roots;
}

export const javaModule: LanguageModule = {
  language: 'java',
  grammars: ['java'],
  syntax: javaSyntax,
  declarationContainers: new Set(['class_declaration', 'record_declaration', 'interface_declaration']),
  querySource,
  bindingQuerySource,
  parameterRoots,
  outboundHint: /resttemplate|client/i,
  requestHint: /Request|Exchange|Header|Context/,
  globalRoots: () => new Map(),
  analyze: (file, matches, facts) => analyzeJava(file, matches, facts),
};
