import { isAtLeast, type CollectorVersion } from '../../otelcol/version';
import type { ParsedNode } from 'yaml';
import { child, nodeRange, scalarText, type NodePair } from '../../yaml/nodes';
import { componentDefinitions, localHosts, receiverEndpoints, splitEndpoint } from '../collectorModel';
import { insertKeyEdit } from '../edits';
import { editAt, findingAt, fix } from '../report';
import type { CollectorConfigSource } from '../sources';
import type { MeshYamlFinding } from '../types';

/**
 * Since v0.104.0 the collector's servers default to `localhost` (the component.UseLocalHostAsDefaultHost gate,
 * stable since v0.110.0): inside a pod that makes receivers unreachable from other pods and the health_check
 * endpoint unreachable for kubelet probes. Exporters sending to localhost reach only the collector's own pod.
 */
const localhostDefaultSince = '0.104.0';
const healthCheckPort = 13133;

/** Something that listens: a receiver protocol or the health_check extension. */
interface Server {
  readonly id: string;
  readonly host: string | undefined;
  readonly port: number | undefined;
  readonly endpointNode: ParsedNode | undefined;
  /** The mapping an `endpoint` key belongs in. */
  readonly holder: NodePair;
}

export function checkLocalhostEndpoints(collector: CollectorConfigSource, version: CollectorVersion | undefined): MeshYamlFinding[] {
  if (!collector.inKubernetes) return [];
  const defaultsToLocalhost = version === undefined || isAtLeast(version, localhostDefaultSince);
  const findings = receiverEndpoints(collector.config)
    .filter((endpoint) => endpoint.protocol.startsWith('otlp') || endpoint.protocol === 'zipkin')
    .flatMap((endpoint) => checkServer(collector, { ...endpoint, id: endpoint.component.id }, defaultsToLocalhost));
  for (const extension of componentDefinitions(collector.config, 'extension').filter((definition) => definition.type === 'health_check')) {
    const endpointNode = child(extension.settings, 'endpoint');
    const endpoint = scalarText(endpointNode);
    const split = endpoint === undefined ? undefined : splitEndpoint(endpoint);
    findings.push(
      ...checkServer(
        collector,
        { id: extension.id, port: split ? split.port : healthCheckPort, host: split?.host, endpointNode, holder: extension.pair },
        defaultsToLocalhost,
        'kubelet probes',
      ),
    );
  }
  for (const exporter of componentDefinitions(collector.config, 'exporter')) {
    const endpointNode = child(exporter.settings, 'endpoint');
    const endpoint = scalarText(endpointNode);
    if (!endpointNode || endpoint === undefined || !localHosts.has(splitEndpoint(endpoint).host)) continue;
    findings.push(
      findingAt(collector.source, nodeRange(endpointNode), 'collector-localhost-endpoint',
        `Exporter ${exporter.id} sends to ${endpoint}: in Kubernetes that is the collector's own pod. Use the backend's Service name, e.g. jaeger-collector.observability.svc.cluster.local.`),
    );
  }
  return findings;
}

function checkServer(collector: CollectorConfigSource, endpoint: Server, defaultsToLocalhost: boolean, reachedBy = 'other pods'): MeshYamlFinding[] {
  const { source } = collector;
  const { id, port } = endpoint;
  if (endpoint.endpointNode) {
    if (endpoint.host === undefined || !localHosts.has(endpoint.host) || port === undefined) return [];
    return [
      findingAt(source, nodeRange(endpoint.endpointNode), 'collector-localhost-endpoint',
        `${id} listens on ${endpoint.host}:${port}, which ${reachedBy} cannot reach in Kubernetes; listen on 0.0.0.0:${port} (or \${env:MY_POD_IP}:${port}).`, {
          fixes: [fix(`Listen on 0.0.0.0:${port}`, [editAt(source, nodeRange(endpoint.endpointNode), `0.0.0.0:${port}`)])],
        }),
    ];
  }
  if (!defaultsToLocalhost || port === undefined) return [];
  return [
    findingAt(source, nodeRange(endpoint.holder.key), 'collector-localhost-endpoint',
      `${id} has no endpoint; since v${localhostDefaultSince} it defaults to localhost:${port}, which ${reachedBy} cannot reach in Kubernetes. Set endpoint: 0.0.0.0:${port}.`, {
        fixes: [fix(`Add endpoint: 0.0.0.0:${port}`, [insertKeyEdit(source, endpoint.holder, 'endpoint', `0.0.0.0:${port}`)])],
      }),
  ];
}
