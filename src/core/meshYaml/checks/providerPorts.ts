import type { RelatedLocation } from '../../findings/finding';
import { kubernetesServiceOf } from '../../istio/providerService';
import { child, findPair, nodeRange, scalarText, asScalar } from '../../yaml/nodes';
import { receiverEndpoints, type ReceiverProtocol } from '../collectorModel';
import { tracingProviderTypes, type ProviderDefinition } from '../providers';
import { editAt, findingAt, fix, relatedAt } from '../report';
import type { ContainerImage } from '../sources';
import type { MeshYamlFinding } from '../types';
import type { Workspace } from '../workspace';

interface ServedPort {
  readonly protocol: ReceiverProtocol;
  readonly port: number;
  readonly where: RelatedLocation;
}

const protocolNames: Readonly<Record<ReceiverProtocol, string>> = {
  'otlp-grpc': 'OTLP/gRPC',
  'otlp-http': 'OTLP/HTTP',
  zipkin: 'Zipkin',
  'jaeger-grpc': 'Jaeger gRPC',
  'jaeger-thrift-http': 'Jaeger Thrift HTTP',
};

/**
 * Ports a Jaeger container started without a config file receives on: OTLP on 4317/4318, and for Jaeger v2's
 * all-in-one also Zipkin on 9411. (Declared containerPorts do not matter: Kubernetes does not filter by them.) A
 * Jaeger started with `--config` listens where that config says; it counts when the config is in the workspace.
 */
function jaegerPorts(image: ContainerImage): ReadonlyMap<number, ReceiverProtocol> {
  if (image.args.some((arg) => arg.startsWith('--config'))) return new Map();
  const ports = new Map<number, ReceiverProtocol>([[4317, 'otlp-grpc'], [4318, 'otlp-http']]);
  if (image.image.includes('jaegertracing/jaeger:')) ports.set(9411, 'zipkin');
  return ports;
}

/** Every port some collector receiver (or Jaeger) in the workspace listens on, with its protocol. */
function servedPorts(workspace: Workspace): ServedPort[] {
  const served: ServedPort[] = [];
  for (const collector of workspace.collectors) {
    for (const endpoint of receiverEndpoints(collector.config)) {
      if (endpoint.port === undefined) continue;
      served.push({
        protocol: endpoint.protocol,
        port: endpoint.port,
        where: relatedAt(collector.source, nodeRange(endpoint.endpointNode ?? endpoint.holder.key), `${protocolNames[endpoint.protocol]} receiver ${endpoint.component.id} on port ${endpoint.port} (${collector.label})`),
      });
    }
  }
  for (const image of workspace.images.filter((candidate) => candidate.image.includes('jaegertracing/'))) {
    for (const [port, protocol] of jaegerPorts(image)) {
      served.push({ protocol, port, where: relatedAt(image.source, nodeRange(image.imageNode), `${image.image} receives ${protocolNames[protocol]} on port ${port}`) });
    }
  }
  return served;
}

type PortResolution =
  | { readonly kind: 'direct'; readonly port: number }
  | { readonly kind: 'service'; readonly port: number; readonly service: string }
  | { readonly kind: 'unknown' };

/** The port the receiving container sees: through a workspace Service's targetPort when the Service is known. */
function containerPort(workspace: Workspace, serviceHost: string, port: number): PortResolution {
  const target = kubernetesServiceOf(serviceHost);
  const service = target && workspace.services.find((candidate) => candidate.name === target.name && (candidate.namespace ?? target.namespace) === target.namespace);
  if (!service) return { kind: 'direct', port };
  const entry = service.ports.find((candidate) => candidate.port === port);
  if (!entry) return { kind: 'unknown' };
  if (typeof entry.targetPort === 'number') return { kind: 'service', port: entry.targetPort, service: service.name };
  if (entry.targetPort === undefined) return { kind: 'service', port, service: service.name };
  const named = workspace.images.flatMap((image) => image.ports).find((candidate) => candidate.name === entry.targetPort);
  return named ? { kind: 'service', port: named.port, service: service.name } : { kind: 'unknown' };
}

function expectedProtocol(definition: ProviderDefinition): ReceiverProtocol | undefined {
  if (definition.type === 'zipkin') return 'zipkin';
  if (definition.type !== 'opentelemetry') return undefined;
  return findPair(definition.settings, 'http') ? 'otlp-http' : 'otlp-grpc';
}

/**
 * The port of each opentelemetry/zipkin provider must be one some collector receiver in the workspace listens on
 * with the provider's protocol; otherwise Envoy's spans go nowhere. Only checked when the workspace has receivers.
 */
export function checkProviderPorts(workspace: Workspace): MeshYamlFinding[] {
  const served = servedPorts(workspace);
  if (served.length === 0) return [];
  const findings: MeshYamlFinding[] = [];
  for (const definition of workspace.providers) {
    const { source } = definition.mesh;
    const protocol = expectedProtocol(definition);
    const portNode = child(definition.settings, 'port');
    const port: unknown = asScalar(portNode)?.value;
    const service = scalarText(child(definition.settings, 'service'));
    if (!source.reportable || !protocol || !tracingProviderTypes.has(definition.type ?? '') || !portNode || typeof port !== 'number' || service === undefined) continue;
    const resolved = containerPort(workspace, service, port);
    if (resolved.kind === 'unknown') continue;
    if (served.some((candidate) => candidate.protocol === protocol && candidate.port === resolved.port)) continue;
    const sameProtocol = served.filter((candidate) => candidate.protocol === protocol);
    const otherOnPort = served.find((candidate) => candidate.port === resolved.port);
    const via = resolved.kind === 'service' ? ` (Service ${resolved.service} forwards it to ${resolved.port})` : '';
    const mismatch = otherOnPort ? ` Port ${resolved.port} receives ${protocolNames[otherOnPort.protocol]}, not ${protocolNames[protocol]}.` : '';
    const ports = [...new Set(sameProtocol.map((candidate) => candidate.port))];
    const onlyPort = resolved.kind === 'direct' && ports.length === 1 ? ports[0] : undefined;
    findings.push(
      findingAt(source, nodeRange(portNode), 'mesh-provider-port-not-served',
        `Provider ${definition.name} sends ${protocolNames[protocol]} to port ${port}${via}, but no collector receiver in the workspace listens there with ${protocolNames[protocol]}${ports.length > 0 ? ` (${protocolNames[protocol]} is received on ${ports.join(', ')})` : ''}.${mismatch}`, {
          related: [...sameProtocol, ...(otherOnPort ? [otherOnPort] : [])].slice(0, 5).map((candidate) => candidate.where),
          fixes: onlyPort === undefined ? [] : [fix(`Change port to ${onlyPort}`, [editAt(source, nodeRange(portNode), String(onlyPort))])],
        }),
    );
  }
  return findings;
}
