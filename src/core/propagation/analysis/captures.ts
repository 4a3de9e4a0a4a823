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
