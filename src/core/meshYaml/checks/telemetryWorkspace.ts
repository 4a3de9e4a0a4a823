import type { ParsedNode } from 'yaml';
import { closestMatch } from '../../text/similarity';
import { asMap, asScalar, child, childSeq, findPair, items, keyRange, nodeRange } from '../../yaml/nodes';
import { removedProviderTypes, tracingProviderTypes, type ProviderDefinition } from '../providers';
import { editAt, findingAt, fix, relatedAt } from '../report';
import type { TelemetryResource } from '../sources';
import type { MeshYamlFinding } from '../types';
import type { Workspace } from '../workspace';

interface ProviderReference {
  readonly telemetry: TelemetryResource;
  readonly name: string;
  readonly node: ParsedNode;
}

function providerReferences(telemetry: TelemetryResource): ProviderReference[] {
  const references: ProviderReference[] = [];
  for (const entry of items(childSeq(telemetry.spec, 'tracing'))) {
    for (const provider of items(childSeq(asMap(entry), 'providers'))) {
      const node = child(asMap(provider), 'name');
      const name: unknown = asScalar(node)?.value;
      if (node && typeof name === 'string' && name.trim() !== '') references.push({ telemetry, name, node });
    }
  }
  return references;
}

function isWorkloadScoped(telemetry: TelemetryResource): boolean {
  return ['selector', 'targetRef', 'targetRefs'].some((key) => findPair(telemetry.spec, key) !== undefined);
}

/** Istio applies one selector-less Telemetry per namespace; with several, which one wins is undefined. */
export function checkDefaultTelemetries(workspace: Workspace): MeshYamlFinding[] {
  const byNamespace = new Map<string, TelemetryResource[]>();
  for (const telemetry of workspace.telemetries.filter((candidate) => !isWorkloadScoped(candidate))) {
    const key = telemetry.namespace ?? '';
    byNamespace.set(key, [...(byNamespace.get(key) ?? []), telemetry]);
  }
  const findings: MeshYamlFinding[] = [];
  for (const [namespace, telemetries] of byNamespace) {
    if (telemetries.length < 2) continue;
    const where = namespace === '' ? 'without a namespace (applied to the current namespace)' : `in namespace ${namespace}`;
    for (const telemetry of telemetries) {
      if (!telemetry.source.reportable) continue;
      const others = telemetries.filter((other) => other !== telemetry);
      findings.push(
        findingAt(telemetry.source, nameRange(telemetry), 'telemetry-multiple-defaults',
          `Telemetry ${telemetry.name} is one of ${telemetries.length} Telemetry resources without a selector ${where}; Istio applies only one of them. Merge them, or give all but one a selector or targetRefs.`, {
            related: others.map((other) => relatedAt(other.source, nameRange(other), `Telemetry ${other.name}, also without a selector`)),
          }),
      );
    }
  }
  return findings;
}

function nameRange(telemetry: TelemetryResource): readonly [number, number] {
  const nameNode = child(asMap(child(telemetry.source.root, 'metadata')), 'name');
  if (nameNode) return nodeRange(nameNode);
  const kindPair = findPair(telemetry.source.root, 'kind');
  return kindPair ? keyRange(kindPair) : [0, 0];
}

/**
 * Every tracing provider a Telemetry names must be an extension provider of the mesh config — a cross-file check
 * `istioctl analyze` does not make. Only made when the workspace has a mesh config to compare with.
 */
export function checkProviderReferences(workspace: Workspace): MeshYamlFinding[] {
  const findings: MeshYamlFinding[] = [];
  const byName = new Map<string, ProviderDefinition[]>();
  for (const definition of workspace.providers) byName.set(definition.name, [...(byName.get(definition.name) ?? []), definition]);
  const tracingNames = [...byName.keys()].filter((name) => byName.get(name)?.some(isTracing));
  for (const reference of workspace.telemetries.flatMap(providerReferences)) {
    const { source } = reference.telemetry;
    if (!source.reportable) continue;
    const definitions = byName.get(reference.name) ?? [];
    const removed = definitions.find((definition) => removedProviderTypes.has(definition.type ?? ''));
    if (removed?.type) {
      findings.push(
        findingAt(source, nodeRange(reference.node), 'removed-tracing-provider',
          `Provider ${reference.name} is a ${removed.type} provider, ${removedProviderTypes.get(removed.type) ?? 'removed'}. Point it at an OpenTelemetry collector with an \`opentelemetry\` provider.`, {
            related: [relatedAt(removed.mesh.source, nodeRange(removed.typeNode ?? removed.entry), `${removed.type} provider ${reference.name} (${removed.mesh.label})`)],
          }),
      );
      continue;
    }
    if (definitions.length === 0 && removedProviderTypes.has(reference.name)) {
      findings.push(findingAt(source, nodeRange(reference.node), 'removed-tracing-provider', `The ${reference.name} provider is ${removedProviderTypes.get(reference.name) ?? 'removed'}; use an \`opentelemetry\` provider.`));
      continue;
    }
    if (workspace.meshConfigs.length === 0) continue;
    if (definitions.some(isTracing)) continue;
    const searched = workspace.meshConfigs.slice(0, 5).map((mesh) => relatedAt(mesh.source, nodeRange(mesh.mesh), `searched ${mesh.label}`));
    if (definitions.length > 0) {
      findings.push(findingAt(source, nodeRange(reference.node), 'telemetry-unknown-provider', `Provider ${reference.name} is a ${definitions[0]?.type ?? 'non-tracing'} provider, not a tracing provider.`, { related: searched }));
      continue;
    }
    const closest = closestMatch(reference.name, tracingNames, 3);
    const candidates = closest ? [closest] : tracingNames.length <= 3 ? tracingNames : [];
    findings.push(
      findingAt(source, nodeRange(reference.node), 'telemetry-unknown-provider',
        `No mesh config in the workspace defines a tracing provider named ${reference.name}${tracingNames.length > 0 ? ` (defined: ${tracingNames.join(', ')})` : ''}; Envoy would not trace with it.`, {
          related: searched,
          fixes: candidates.map((name, index) => fix(`Use provider ${name}`, [editAt(source, nodeRange(reference.node), name)], index === 0 && closest !== undefined)),
        }),
    );
  }
  return findings;
}

function isTracing(definition: ProviderDefinition): boolean {
  return definition.type !== undefined && tracingProviderTypes.has(definition.type);
}
