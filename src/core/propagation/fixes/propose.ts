import type { SyntaxNode } from '../runtime/syntaxTree';
import type { Finding } from '../../findings/finding';
import type { PropagationEngine } from '../engine';
import type { FileAnalysis } from '../model';
import type { PropagationOptions } from '../options';
import type { ProjectFacts } from '../project/facts';
import { forwardGo, goIncoming } from './forwardGo';
import { forwardJava } from './forwardJava';
import { forwardJavaScript } from './forwardJavaScript';
import { forwardPython } from './forwardPython';
import { javaIncoming } from './javaIncoming';
import { javascriptIncoming } from './javascript/incoming';
import { pythonIncoming } from './pythonIncoming';
import type { FixProposal } from './model';
import { suppressionFixes } from './suppress';

export interface FixInput {
  readonly path: string;
  readonly text: string;
  readonly analysis: FileAnalysis;
  readonly options: PropagationOptions;
  readonly facts: ProjectFacts;
}

/** The node that spans exactly `[start, end)`. */
function nodeAt(root: SyntaxNode, start: number, end: number): SyntaxNode | undefined {
  for (let node: SyntaxNode | null = root.descendantForIndex(start, end); node; node = node.parent) {
    if (node.startIndex === start && node.endIndex === end) return node;
    if (node.startIndex < start || node.endIndex > end) return undefined;
  }
  return undefined;
}

/**
 * Quick fixes for a finding of the propagation linter: forward the configured trace headers with a helper that
 * fits the framework (or, in Go with otelhttp, send with the incoming context through otelhttp), and the ignore
 * comments. Every proposal keeps the file parseable and makes the finding go away (both are tested).
 */
export function proposeFixes(engine: PropagationEngine, input: FixInput, finding: Finding): FixProposal[] {
  const call = input.analysis.calls.find((candidate) => candidate.span.line === finding.line && candidate.span.column === finding.column);
  const fixes = suppressionFixes(input.path, input.text, finding);
  if (!call) return fixes;
  const handler = input.analysis.handlers.find((candidate) => candidate.id === call.handlerId);
  const headers = input.options.headers;
  const forward = engine.inspect(input.path, input.text, (root, syntax): FixProposal | undefined => {
    const node = nodeAt(root, call.span.startOffset, call.span.endOffset);
    if (!node) return undefined;
    switch (call.language) {
      case 'python': {
        const incoming = pythonIncoming(handler, root, input.text);
        return incoming === undefined ? undefined : forwardPython(root, syntax, node, call, incoming, headers, input.text);
      }
      case 'javascript':
      case 'typescript': {
        const typed = /\.[cm]?tsx?$/.test(input.path);
        const handlerNode = handler ? nodeAt(root, handler.span.startOffset, handler.span.endOffset) : undefined;
        const incoming = javascriptIncoming(handler, handlerNode, root, input.text, typed);
        return incoming === undefined ? undefined : forwardJavaScript(root, syntax, node, call, incoming, headers, input.text, typed);
      }
      case 'go':
        return forwardGo(root, syntax, node, goIncoming(handler), headers, input.text, input.facts.goOtelhttp);
      case 'java': {
        const incoming = javaIncoming(handler, root, input.text);
        return incoming === undefined ? undefined : forwardJava(syntax, node, call, incoming, headers, input.text);
      }
    }
  });
  return forward ? [forward, ...fixes] : fixes;
}
