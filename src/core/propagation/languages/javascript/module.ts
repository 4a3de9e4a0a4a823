import type { SyntaxNode } from '../../runtime/syntaxTree';
import type { LanguageModule } from '../../analysis/language';
import type { RequestRoot } from '../../analysis/roots';
import bindingQuerySource from '../../queries/javascript-bindings.scm';
import querySource from '../../queries/javascript.scm';
import { analyzeJavaScript } from './analyze';
import { javascriptSyntax } from './syntax';

const requestNames = /^_?(req|request|incomingRequest|incoming|httpRequest|ctx)$/;
const requestTypes = /\b(Request|IncomingMessage|FastifyRequest|NextApiRequest|NextRequest|Context|ParameterizedContext|RouterContext)\b/;
const headerNames = /^(headers|incomingHeaders|reqHeaders|requestHeaders|inboundHeaders|forwardHeaders|traceHeaders)$/;

/** Parameters through which a JavaScript/TypeScript function receives the incoming request, its headers or one header. */
export function javascriptParameterRoots(fn: SyntaxNode): Map<string, RequestRoot> {
  const roots = new Map<string, RequestRoot>();
  for (const parameter of javascriptSyntax.parameters(fn)) {
    const nestHeader = /@Headers\(\s*['"]([^'"]+)['"]\s*\)/.exec(parameter.markers);
    if (nestHeader) roots.set(parameter.name, { kind: 'header-value', header: (nestHeader[1] ?? '').toLowerCase() });
    else if (/@Headers\(\s*\)/.test(parameter.markers) || (parameter.type !== undefined && /\bIncomingHttpHeaders\b/.test(parameter.type))) {
      roots.set(parameter.name, { kind: 'headers' });
    } else if (/@(Req|Request)\(\s*\)/.test(parameter.markers) || requestNames.test(parameter.name) || (parameter.type !== undefined && requestTypes.test(parameter.type))) {
      roots.set(parameter.name, { kind: 'request' });
    } else if (headerNames.test(parameter.name)) {
      roots.set(parameter.name, { kind: 'headers' });
    }
  }
  return roots;
}

function javascriptModule(language: 'javascript' | 'typescript'): LanguageModule {
  return {
    language,
    grammars: language === 'javascript' ? ['javascript'] : ['typescript', 'tsx'],
    syntax: javascriptSyntax,
    declarationContainers: new Set(['class_declaration', 'abstract_class_declaration']),
    querySource,
    bindingQuerySource,
    parameterRoots: javascriptParameterRoots,
    outboundHint: /fetch|axios|got|superagent|http|undici/i,
    requestHint: /req|incoming|ctx|context|head/i,
    globalRoots: () => new Map(),
    analyze: (file, matches, _facts, path) => analyzeJavaScript(file, matches, path, language),
  };
}

export const javascriptLanguageModule = javascriptModule('javascript');
export const typescriptLanguageModule = javascriptModule('typescript');
