import type { SyntaxNode } from '../../runtime/syntaxTree';
import type { LanguageModule } from '../../analysis/language';
import type { RequestRoot } from '../../analysis/roots';
import bindingQuerySource from '../../queries/go-bindings.scm';
import querySource from '../../queries/go.scm';
import { analyzeGo } from './analyze';
import { goSyntax } from './syntax';

/** Parameters through which a Go function receives the incoming request, its headers or its context. */
function parameterRoots(fn: SyntaxNode): Map<string, RequestRoot> {
  const roots = new Map<string, RequestRoot>();
  for (const parameter of goSyntax.parameters(fn)) {
    const type = parameter.type ?? '';
    if (/^\*\s*\w+\.Request$|^\*\s*gin\.Context$|^echo\.Context$|^\*\s*fiber\.Ctx$/.test(type) && !/^\*\s*(resty|gorequest)\./.test(type)) {
      roots.set(parameter.name, { kind: 'request' });
    } else if (/^\w+\.Header$/.test(type) && type.startsWith("http.")) {
      roots.set(parameter.name, { kind: 'headers' });
    } else if (/^context\.Context$/.test(type)) {
      roots.set(parameter.name, { kind: 'context' });
    }
  }
  return roots;
}

export const goModule: LanguageModule = {
  language: 'go',
  grammars: ['go'],
  syntax: goSyntax,
  declarationContainers: new Set<string>(),
  querySource,
  bindingQuerySource,
  parameterRoots,
  outboundHint: /http|\b(Do|Get|Head|Post|PostForm)\s*\(/,
  requestHint: /Request|Context|Ctx|Header|ResponseWriter/,
  globalRoots: () => new Map(),
  analyze: (file, matches, facts) => analyzeGo(file, matches, facts),
};
