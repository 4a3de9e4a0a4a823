import type { Capture, SyntaxNode } from '../runtime/syntaxTree';

/** One match of a language's query: its captures by name. */
export interface Match {
  readonly captures: readonly Capture[];
}

/** Every capture under `name`, in document order of the matches; their nodes not yet read. */
export function capturesNamed(matches: readonly Match[], name: string): Capture[] {
  const captures: Capture[] = [];
  for (const match of matches) for (const capture of match.captures) if (capture.name === name) captures.push(capture);
  return captures;
}

/** Every node the query captured under `name`, in document order of the matches. */
export function nodesOf(matches: readonly Match[], name: string): SyntaxNode[] {
  return capturesNamed(matches, name).map((capture) => capture.node);
}

/** The capture of one match under `name`. */
export function captureNamed(match: Match, name: string): Capture | undefined {
  return match.captures.find((capture) => capture.name === name);
}

/** The node one match captured under `name`. */
export function captureOf(match: Match, name: string): SyntaxNode | undefined {
  return captureNamed(match, name)?.node;
}

/**
 * The calls whose callee's last name passes `wanted` (`get` for `requests.get`), read from the `@call` and
 * `@call.callee` captures of one match. Most calls in a file are none of the linter's business; skipping them by
 * name before taking them apart keeps big files fast. The callee is the call's `calleeField` field (`function`).
 */
export function callsNamed(matches: readonly Match[], wanted: (name: string) => boolean, calleeField: (call: SyntaxNode) => string = () => 'function'): SyntaxNode[] {
  const calls: SyntaxNode[] = [];
  for (const match of matches) {
    const calleeCapture = match.captures.find((capture) => capture.name === 'call.callee');
    if (!calleeCapture) continue;
    const text = calleeCapture.text;
    const name = text.slice(text.lastIndexOf('.') + 1).trim();
    if (!wanted(name)) continue;
    const call = captureOf(match, 'call');
    if (!call) continue;
    call.learnField(calleeField(call), calleeCapture.node);
    calls.push(call);
  }
  return calls;
}
