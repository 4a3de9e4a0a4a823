import type { ParsedNode } from 'yaml';
import { checkProviderService, kubernetesServiceOf } from '../../istio/providerService';
import { closestMatch } from '../../text/similarity';
import { asScalar, child, childMap, childSeq, findPair, items, keyRange, nodeRange, scalarText, type MapNode } from '../../yaml/nodes';
import { insertKeyEdit, removePairEdit } from '../edits';
import { providerDefinitions, removedProviderTypes, tracingProviderTypes, type ProviderDefinition } from '../providers';
import { editAt, findingAt, fix, relatedAt } from '../report';
import type { KubeService, MeshConfigSource } from '../sources';
import type { MeshYamlFinding } from '../types';

/** Default ports of the receivers a provider usually talks to: OTLP gRPC, OTLP/HTTP, Zipkin. */
const otlpGrpcPort = 4317;
const otlpHttpPort = 4318;
const zipkinPort = 9411;

/** What one mesh config gets wrong in its extension providers and default providers. */
export function checkMeshConfig(mesh: MeshConfigSource, services: readonly KubeService[]): MeshYamlFinding[] {
  const findings: MeshYamlFinding[] = [];
  const definitions = providerDefinitions(mesh);
  const seen = new Map<string, ProviderDefinition>();
  for (const definition of definitions) {
    const first = seen.get(definition.name);
    if (first && definition.name !== '') {
      findings.push(
        findingAt(mesh.source, nodeRange(definition.nameNode ?? definition.entry), 'mesh-duplicate-provider', `Another extension provider is already named ${definition.name}; names must be unique.`, {
          related: [relatedAt(mesh.source, nodeRange(first.nameNode ?? first.entry), `first provider named ${definition.name}`)],
        }),
      );
    } else seen.set(definition.name, definition);
    findings.push(...checkProvider(mesh, definition, services));
  }
  findings.push(...checkDefaultProviders(mesh, definitions));
  return findings;
}

function checkProvider(mesh: MeshConfigSource, definition: ProviderDefinition, services: readonly KubeService[]): MeshYamlFinding[] {
  const { source } = mesh;
  const findings: MeshYamlFinding[] = [];
  const { type, settings } = definition;
  if (type === undefined) return findings;
  const removal = removedProviderTypes.get(type);
  if (removal) {
    findings.push(findingAt(source, nodeRange(definition.typeNode ?? definition.entry), 'removed-tracing-provider', `The ${type} provider is ${removal}. Use an \`opentelemetry\` provider.`));
  }
  if (!tracingProviderTypes.has(type) || !settings || type === 'stackdriver') return findings;
  const serviceNode = child(settings, 'service');
  findings.push(...checkService(mesh, definition, settings, serviceNode, services));
  findings.push(...checkPort(mesh, definition, settings));
  if (type !== 'opentelemetry') return findings;
  const http = findPair(settings, 'http');
  const grpc = findPair(settings, 'grpc');
  if (http && grpc) {
    const port = Number(scalarText(child(settings, 'port')));
    const preferHttp = port === otlpHttpPort || childMap(settings, 'http') !== undefined;
    findings.push(
      findingAt(source, keyRange(grpc), 'mesh-provider-http-and-grpc', `Provider ${definition.name} sets both \`http\` and \`grpc\`; Istio exports with one protocol. Keep the one the collector port speaks (4317 gRPC, 4318 HTTP).`, {
        related: [relatedAt(source, keyRange(http), '`http` is set here')],
        fixes: [
          fix('Remove grpc (export over HTTP)', [removePairEdit(source, settings, grpc)], preferHttp && port !== otlpGrpcPort),
          fix('Remove http (export over gRPC)', [removePairEdit(source, settings, http)], port === otlpGrpcPort),
        ],
      }),
    );
  }
  const httpBlock = childMap(settings, 'http');
  if (http && !scalarText(child(httpBlock, 'path'))) {
    findings.push(
      findingAt(source, keyRange(http), 'mesh-provider-incomplete', `Provider ${definition.name} exports over HTTP but \`http.path\` is missing; the OTLP/HTTP traces path is /v1/traces.`, {
        fixes: [fix('Add path: /v1/traces', [insertKeyEdit(source, http, 'path', '/v1/traces')])],
      }),
    );
  }
  return findings;
}

function checkService(
  mesh: MeshConfigSource,
  definition: ProviderDefinition,
  settings: MapNode,
  serviceNode: ParsedNode | undefined,
  services: readonly KubeService[],
): MeshYamlFinding[] {
  const { source } = mesh;
  const value = scalarText(serviceNode) ?? '';
  const check = checkProviderService(value);
  if (check.problems.length === 0) return [];
  const where = serviceNode ? nodeRange(serviceNode) : nodeRange(definition.typeNode ?? definition.entry);
  const corrected = check.corrected ?? qualifiedFromWorkspace(value, services);
  const edits = serviceNode && corrected ? [editAt(source, nodeRange(serviceNode), corrected)] : [];
  const portNode = child(settings, 'port');
  const movesPort = check.portInValue !== undefined && !scalarText(portNode);
  if (movesPort && serviceNode) edits.push(insertKeyEdit(source, findPair(settings, 'service'), 'port', String(check.portInValue), 'after'));
  const message = `Provider ${definition.name}: service ${value === '' ? 'is missing' : `"${value}" is not \`[<namespace>/]<hostname>\``}: ${check.problems.join('; ')}.`;
  return [
    findingAt(source, where, 'mesh-provider-service', message, {
      severity: check.severity,
      fixes: corrected && serviceNode ? [fix(`Change to ${corrected}${movesPort ? ` and port ${check.portInValue}` : ''}`, edits)] : [],
    }),
  ];
}

/** A short service name the workspace has a Service for, written fully qualified. */
function qualifiedFromWorkspace(value: string, services: readonly KubeService[]): string | undefined {
  if (value.includes('.') || value.includes('/') || kubernetesServiceOf(value)) return undefined;
  const matches = services.filter((service) => service.name === value && service.namespace);
  const namespaces = new Set(matches.map((service) => service.namespace));
  const only = matches[0];
  return only && namespaces.size === 1 ? `${value}.${only.namespace ?? ''}.svc.cluster.local` : undefined;
}

function defaultPort(definition: ProviderDefinition): number | undefined {
  if (definition.type === 'zipkin') return zipkinPort;
  if (definition.type !== 'opentelemetry') return undefined;
  return findPair(definition.settings, 'http') ? otlpHttpPort : otlpGrpcPort;
}

function checkPort(mesh: MeshConfigSource, definition: ProviderDefinition, settings: MapNode): MeshYamlFinding[] {
  const { source } = mesh;
  const portNode = child(settings, 'port');
  const value: unknown = asScalar(portNode)?.value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535) return [];
  const fallback = defaultPort(definition);
  if (!portNode) {
    if (checkProviderService(scalarText(child(settings, 'service')) ?? '').portInValue !== undefined) return [];
    return [
      findingAt(source, nodeRange(definition.typeNode ?? definition.entry), 'mesh-provider-incomplete', `Provider ${definition.name} has no \`port\`; Istio needs the service port to send spans to.`, {
        fixes: fallback ? [fix(`Add port: ${fallback}`, [insertKeyEdit(source, findPair(settings, 'service') ?? settings.items[0], 'port', String(fallback), 'after')])] : [],
      }),
    ];
  }
  const numeric = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
  return [
    findingAt(source, nodeRange(portNode), 'mesh-provider-incomplete', `Provider ${definition.name}: \`port\` must be a number from 1 to 65535.`, {
      fixes: numeric !== undefined && numeric >= 1 && numeric <= 65535 ? [fix(`Change to ${numeric}`, [editAt(source, nodeRange(portNode), String(numeric))])] : [],
    }),
  ];
}

function checkDefaultProviders(mesh: MeshConfigSource, definitions: readonly ProviderDefinition[]): MeshYamlFinding[] {
  const defaults = childMap(mesh.mesh, 'defaultProviders') ?? childMap(mesh.mesh, 'default_providers');
  const tracingNames = definitions.filter((definition) => tracingProviderTypes.has(definition.type ?? '')).map((definition) => definition.name);
  const findings: MeshYamlFinding[] = [];
  for (const item of items(childSeq(defaults, 'tracing'))) {
    const name = scalarText(item);
    if (name === undefined || tracingNames.includes(name)) continue;
    const closest = closestMatch(name, tracingNames, 3) ?? (tracingNames.length === 1 ? tracingNames[0] : undefined);
    findings.push(
      findingAt(mesh.source, nodeRange(item), 'mesh-default-provider-undefined',
        `defaultProviders.tracing names ${name}, but this mesh config defines no tracing provider by that name${tracingNames.length > 0 ? ` (defined: ${tracingNames.join(', ')})` : ''}.`, {
          fixes: closest ? [fix(`Use provider ${closest}`, [editAt(mesh.source, nodeRange(item), closest)])] : [],
        }),
    );
  }
  return findings;
}

