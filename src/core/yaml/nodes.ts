import { isMap, isPair, isScalar, isSeq, type Pair, type ParsedNode, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

/** Typed, null-safe access to parsed YAML nodes; every lookup may miss, because user YAML can be anything. */
export type MapNode = YAMLMap.Parsed;
export type SeqNode = YAMLSeq.Parsed;
export type ScalarNode = Scalar.Parsed;
export type NodePair = Pair<ParsedNode, ParsedNode | null>;

export function asMap(node: ParsedNode | null | undefined): MapNode | undefined {
  return isMap(node) ? node : undefined;
}

export function asSeq(node: ParsedNode | null | undefined): SeqNode | undefined {
  return isSeq(node) ? node : undefined;
}

export function asScalar(node: ParsedNode | null | undefined): ScalarNode | undefined {
  return isScalar(node) ? node : undefined;
}

/** The key of a pair as text, for scalar keys. */
export function keyText(pair: NodePair): string | undefined {
  return scalarText(pair.key);
}

export function pairs(map: MapNode | undefined): readonly NodePair[] {
  return map ? map.items : [];
}

export function findPair(map: MapNode | undefined, key: string): NodePair | undefined {
  return pairs(map).find((pair) => keyText(pair) === key);
}

/** The value node under `key`; `null` values (a bare `key:`) come back as undefined. */
export function child(map: MapNode | undefined, key: string): ParsedNode | undefined {
  return findPair(map, key)?.value ?? undefined;
}

export function childMap(map: MapNode | undefined, key: string): MapNode | undefined {
  return asMap(child(map, key));
}

export function childSeq(map: MapNode | undefined, key: string): SeqNode | undefined {
  return asSeq(child(map, key));
}

/** The value under a path of keys. */
export function pathMap(map: MapNode | undefined, ...keys: readonly string[]): MapNode | undefined {
  let current = map;
  for (const key of keys) current = childMap(current, key);
  return current;
}

export function items(seq: SeqNode | undefined): readonly ParsedNode[] {
  return seq ? seq.items : [];
}

/** A scalar's value as text (numbers and booleans included); undefined for collections and nulls. */
export function scalarText(node: ParsedNode | null | undefined): string | undefined {
  const value: unknown = asScalar(node)?.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
    ? String(value)
    : undefined;
}

export function childText(map: MapNode | undefined, key: string): string | undefined {
  return scalarText(child(map, key));
}

/** `[start, end)` of a node's value in its document's text. */
export function nodeRange(node: ParsedNode | NodePair): readonly [number, number] {
  if (isPair(node)) {
    const start = node.key.range[0];
    return [start, node.value ? node.value.range[1] : node.key.range[1]];
  }
  return [node.range[0], node.range[1]];
}

/** The range of a pair's key. */
export function keyRange(pair: NodePair): readonly [number, number] {
  return nodeRange(pair.key);
}
