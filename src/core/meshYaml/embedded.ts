import { parseDocument, type ParsedNode, type YAMLError } from 'yaml';
import { asMap, asScalar } from '../yaml/nodes';
import { coarseMap, literalBlockMap, type OffsetMap } from '../yaml/offsetMap';
import type { DocSource } from './sources';

export interface EmbeddedDocument {
  /** Undefined when the string is not a YAML mapping. */
  readonly source: DocSource | undefined;
  readonly errors: readonly YAMLError[];
  /** The embedding string, to report errors against when positions are coarse. */
  readonly map: OffsetMap;
}

/**
 * Parses YAML held in a string value (`data.mesh` of the istio ConfigMap, a collector config in a ConfigMap or an
 * OpenTelemetryCollector). Positions map exactly for literal blocks (`|`) in a top-level document; otherwise
 * every position maps to the whole string.
 */
export function parseEmbedded(parent: DocSource, node: ParsedNode, fileText: string): EmbeddedDocument | undefined {
  const scalar = asScalar(node);
  if (scalar === undefined || typeof scalar.value !== 'string') return undefined;
  const [start, , end] = scalar.range;
  const map =
    scalar.type === 'BLOCK_LITERAL' && parent.map.exact && parent.map.toFile(start, start)[0] === start
      ? literalBlockMap(fileText, start, end, scalar.value)
      : coarseMap(...parent.map.toFile(start, scalar.range[1]));
  const document = parseDocument(scalar.value, { prettyErrors: false });
  const root = asMap(document.contents);
  return {
    source: root && document.errors.length === 0 ? { ...parent, text: scalar.value, map, root } : undefined,
    errors: document.errors,
    map,
  };
}
