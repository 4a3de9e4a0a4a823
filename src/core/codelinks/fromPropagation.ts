import type { FileAnalysis } from '../propagation/model';
import type { CodeIndex, IndexedCallSite, IndexedHandler } from './codeIndex';

/** Flattens the propagation engine's per-file results into the index code links search. */
export function codeIndexFromAnalyses(analyses: Iterable<FileAnalysis>): CodeIndex {
  const handlers: IndexedHandler[] = [];
  const calls: IndexedCallSite[] = [];
  for (const analysis of analyses) {
    for (const handler of analysis.handlers) {
      const at = handler.nameSpan ?? handler.span;
      handlers.push({
        file: analysis.file,
        line: at.line,
        column: at.column,
        name: handler.name,
        framework: handler.framework,
        declaration: handler.declaration,
        methods: handler.methods,
        ...(handler.route === undefined ? {} : { route: handler.route }),
      });
    }
    for (const call of analysis.calls) {
      calls.push({
        file: analysis.file,
        line: call.span.line,
        column: call.span.column,
        endLine: call.span.endLine,
        endColumn: call.span.endColumn,
        callee: call.callee,
        ...(call.method === undefined ? {} : { method: call.method }),
        ...(call.url === undefined
          ? {}
          : {
              url: {
                text: call.url.text,
                ...(call.url.value === undefined ? {} : { value: call.url.value }),
                ...(call.url.pattern === undefined ? {} : { pattern: call.url.pattern }),
              },
            }),
        propagation: call.propagation.status,
      });
    }
  }
  return { handlers, calls };
}
