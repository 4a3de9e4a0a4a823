import type { ParsedNode } from 'yaml';
import { asMap, child, childSeq, childText, items, keyText, pairs, type MapNode } from '../yaml/nodes';
import type { MeshConfigSource } from './sources';

/** MeshConfig provider types that configure tracing (the others are access logging, metrics, authz). */
export const tracingProviderTypes: ReadonlySet<string> = new Set([
  'zipkin',
  'lightstep',
  'datadog',
  'stackdriver',
  'opencensus',
  'skywalking',
  'opentelemetry',
]);

/** Providers Istio no longer supports: both were removed in Istio 1.27 (release note for istio/istio#54002). */
export const removedProviderTypes: ReadonlyMap<string, string> = new Map([
  ['lightstep', 'deprecated since Istio 1.17 and removed in 1.27'],
  ['opencensus', 'removed in Istio 1.27'],
]);

export interface ProviderDefinition {
  readonly mesh: MeshConfigSource;
  readonly entry: MapNode;
  readonly name: string;
  readonly nameNode: ParsedNode | undefined;
  /** The provider type key (`opentelemetry`, `zipkin`, …), or undefined when the entry has none. */
  readonly type: string | undefined;
  readonly typeNode: ParsedNode | undefined;
  /** The block under the type key. */
  readonly settings: MapNode | undefined;
}

export function providerDefinitions(mesh: MeshConfigSource): ProviderDefinition[] {
  const definitions: ProviderDefinition[] = [];
  for (const item of items(childSeq(mesh.mesh, 'extensionProviders') ?? childSeq(mesh.mesh, 'extension_providers'))) {
    const entry = asMap(item);
    if (!entry) continue;
    const typePair = pairs(entry).find((pair) => keyText(pair) !== 'name');
    definitions.push({
      mesh,
      entry,
      name: childText(entry, 'name') ?? '',
      nameNode: child(entry, 'name'),
      type: typePair ? keyText(typePair) : undefined,
      typeNode: typePair?.key,
      settings: asMap(typePair?.value),
    });
  }
  return definitions;
}

/** Names of the tracing providers the given mesh configs define, sorted and without duplicates. */
export function tracingProviderNames(meshes: readonly MeshConfigSource[]): string[] {
  const names = meshes
    .flatMap(providerDefinitions)
    .filter((definition) => definition.type !== undefined && tracingProviderTypes.has(definition.type) && definition.name !== '')
    .map((definition) => definition.name);
  return [...new Set(names)].sort();
}
