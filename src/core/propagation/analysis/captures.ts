import type { Node, QueryMatch } from '@vscode/tree-sitter-wasm';

/** Every node the query captured under `name`, in document order of the matches. */
export function nodesOf(matches: readonly QueryMatch[], name: string): Node[] {
  const nodes: Node[] = [];
  for (const match of matches) for (const capture of match.captures) if (capture.name === name) nodes.push(capture.node);
  return nodes;
}

/** The node one match captured under `name`. */
export function captureOf(match: QueryMatch, name: string): Node | undefined {
  return match.captures.find((capture) => capture.name === name)?.node;
}

/**
 * The calls whose callee's last name passes `wanted` (`get` for `requests.get`), read from the `@call` and
 * `@call.callee` captures of one match. Most calls in a file are none of the linter's business; skipping them by
 * name before taking them apart keeps big files fast.
 */
export function callsNamed(matches: readonly QueryMatch[], wanted: (name: string) => boolean): Node[] {
  const calls: Node[] = [];
  for (const match of matches) {
    const call = captureOf(match, 'call');
    const callee = captureOf(match, 'call.callee');
    if (!call || !callee) continue;
    const text = callee.text;
    const name = text.slice(text.lastIndexOf('.') + 1).trim();
    if (wanted(name)) calls.push(call);
  }
  return calls;
}
