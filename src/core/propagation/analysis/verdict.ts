import type { SyntaxNode } from '../runtime/syntaxTree';
import { isCompleteSet } from '../headers';
import type { PropagationVerdict } from '../model';
import type { ProjectFacts } from '../project/facts';
import { emptyEvidence, mergeEvidence, type Environment, type Evaluator, type Evidence } from './evidence';
import type { FileContext } from './fileContext';
import type { HandlerScope, OutboundCandidate } from './language';
import { contains } from './nodes';
import type { RequestRoot } from './roots';

/** The inbound scope around a call: its innermost handler and every request root visible there. */
export interface InboundContext {
  readonly scope: HandlerScope;
  readonly env: Environment;
}

/** Finds the innermost enclosing inbound scope of `node`, with the roots of every enclosing one (closures see outer parameters). */
export function inboundContextOf(node: SyntaxNode, file: FileContext, scopesByFunction: ReadonlyMap<number, HandlerScope>): InboundContext | undefined {
  const enclosing = file.enclosingFunctions(node);
  let innermost: HandlerScope | undefined;
  const roots = new Map<string, RequestRoot>(file.globalRoots);
  for (const fn of [...enclosing].reverse()) {
    const scope = scopesByFunction.get(fn.id);
    if (!scope) continue;
    innermost = scope;
    for (const [name, root] of file.parameterRootsOf(fn)) roots.set(name, root);
  }
  if (!innermost) return undefined;
  return { scope: innermost, env: { roots, scopes: [...enclosing, file.root], before: node.startIndex } };
}

/** Is the call made inside a function passed to a configured wrapper (`withTraceContext(() => fetch(u))`)? */
function insideWrapper(candidate: OutboundCandidate, file: FileContext, inbound: InboundContext): string | undefined {
  if (file.options.wrappers.length === 0) return undefined;
  for (let current = candidate.node.parent; current && contains(inbound.scope.fn ?? file.root, current); current = current.parent) {
    const call = file.syntax.call(current);
    if (call && file.isConfiguredWrapper(call.name)) return call.name;
  }
  return undefined;
}

function sorted(names: Iterable<string>): string[] {
  return [...names].sort();
}

function via(evidence: Evidence): string {
  return evidence.helpers.size > 0 ? ` (via ${sorted(evidence.helpers).join(', ')})` : '';
}

/** Decides whether an outbound call in an inbound scope carries the trace context, and says why. */
export function judge(
  candidate: OutboundCandidate,
  inbound: InboundContext | undefined,
  file: FileContext,
  evaluator: Evaluator,
  facts: ProjectFacts,
): PropagationVerdict {
  if (!inbound) return { status: 'outside-inbound-scope', reason: 'not made while handling an incoming request', forwardedHeaders: [] };
  const auto = facts.autoInstrumented.get(candidate.library);
  if (auto) return { status: 'propagates', reason: `${candidate.library} is auto-instrumented (${auto})`, forwardedHeaders: [] };
  const wrapper = insideWrapper(candidate, file, inbound);
  if (wrapper) return { status: 'propagates', reason: `made inside ${wrapper}(…), a propagating wrapper`, forwardedHeaders: [] };

  const evidence = emptyEvidence();
  for (const part of candidate.parts) mergeEvidence(evidence, evaluator.evaluate(part.node, part.position, inbound.env));
  const forwarded = sorted(evidence.names);
  if (evidence.injected) return { status: 'propagates', reason: `a propagator injects the context${via(evidence)}`, forwardedHeaders: forwarded };
  if (evidence.carrier) return { status: 'propagates', reason: evidence.carrier, forwardedHeaders: forwarded };
  if (evidence.names.size > 0) {
    if (isCompleteSet(evidence.names)) return { status: 'propagates', reason: `forwards ${forwarded.join(', ')}${via(evidence)}`, forwardedHeaders: forwarded };
    // An instrumented client sent the incoming context writes the trace headers itself: the short list only adds to them.
    const instrumentedWithContext = candidate.client === 'instrumented' && candidate.context !== undefined && evaluator.evaluate(candidate.context, 'value', inbound.env).readsRequest;
    if (!instrumentedWithContext) return { status: 'incomplete', reason: `forwards only ${forwarded.join(', ')}${via(evidence)}`, forwardedHeaders: forwarded };
  }
  if (evidence.wholesale) return { status: 'propagates', reason: `copies the incoming headers${via(evidence)}`, forwardedHeaders: [] };

  if (candidate.client !== undefined || candidate.context !== undefined) {
    const context = candidate.context ? evaluator.evaluate(candidate.context, 'value', inbound.env) : undefined;
    const incoming = context?.readsRequest === true;
    if (candidate.client === 'instrumented') {
      return incoming
        ? { status: 'propagates', reason: `${candidate.instrumented ?? 'an instrumented client'} sends the incoming context`, forwardedHeaders: [] }
        : { status: 'missing', reason: `the request does not carry the incoming request's context, so ${candidate.instrumented ?? 'the instrumented client'} starts a new trace`, forwardedHeaders: [] };
    }
    if (candidate.client === 'unknown' && incoming && facts.goOtelhttp) {
      return { status: 'propagates', reason: 'carries the incoming context, and otelhttp is a dependency of the module (the client is defined elsewhere)', forwardedHeaders: [] };
    }
    if (incoming) {
      return { status: 'missing', reason: "carries the request's context, but without otelhttp or a propagator no trace header is written", forwardedHeaders: [] };
    }
  } else if (candidate.instrumented) {
    return { status: 'propagates', reason: candidate.instrumented, forwardedHeaders: [] };
  }
  if (evidence.unknown) return { status: 'unknown', reason: evidence.unknown, forwardedHeaders: [] };
  if (candidate.opaque) return { status: 'unknown', reason: candidate.opaque, forwardedHeaders: [] };
  return {
    status: 'missing',
    reason: candidate.parts.length > 0 ? 'its headers carry nothing from the incoming request' : 'it sends no headers from the incoming request',
    forwardedHeaders: [],
  };
}
