import type { YAMLError } from 'yaml';
import type { CollectorVersion } from '../otelcol/version';
import { asMap, child, childMap, childSeq, childText, items, pairs, keyText, pathMap, scalarText, type MapNode } from '../yaml/nodes';
import type { OffsetMap } from '../yaml/offsetMap';
import { parseEmbedded } from './embedded';
import { findingAt } from './report';
import type {
  CollectorConfigSource,
  ContainerImage,
  ContainerPort,
  DocSource,
  KubeService,
  MeshConfigSource,
  ServicePort,
  TelemetryResource,
} from './sources';
import type { MeshYamlFinding } from './types';
import { collectorVersionFromImage } from './versionEvidence';

/** What classifying a file's documents collects. */
export interface Collected {
  readonly findings: MeshYamlFinding[];
  readonly telemetries: TelemetryResource[];
  readonly meshConfigs: MeshConfigSource[];
  readonly collectors: CollectorConfigSource[];
  readonly services: KubeService[];
  readonly images: ContainerImage[];
}

export interface FileFacts {
  readonly text: string;
  readonly fileVersion: CollectorVersion | undefined;
}

const workloadKinds = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod', 'Job', 'CronJob']);

/** Sorts one top-level document into the resources the checks look at. */
export function classifyDocument(source: DocSource, facts: FileFacts, out: Collected): void {
  const root = source.root;
  const kind = childText(root, 'kind');
  const apiVersion = childText(root, 'apiVersion') ?? '';
  const metadata = childMap(root, 'metadata');
  const name = childText(metadata, 'name') ?? '';
  const namespace = childText(metadata, 'namespace');
  const qualified = namespace ? `${namespace}/${name}` : name;
  if (kind === 'Telemetry' && apiVersion.startsWith('telemetry.istio.io/')) {
    out.telemetries.push({ source, name, namespace, spec: childMap(root, 'spec') });
  } else if (kind === 'IstioOperator') {
    const mesh = pathMap(root, 'spec', 'meshConfig');
    if (mesh) out.meshConfigs.push({ source, mesh, label: `IstioOperator ${qualified}` });
  } else if (kind === 'ConfigMap') {
    classifyConfigMap(source, facts, name, qualified, out);
  } else if (kind === 'OpenTelemetryCollector') {
    classifyCollectorResource(source, facts, qualified, out);
  } else if (kind === 'Service') {
    out.services.push({ source, name, namespace, ports: servicePorts(root) });
  } else if (kind !== undefined && workloadKinds.has(kind)) {
    out.images.push(...containerImages(source));
  } else if (kind === undefined) {
    classifyUntyped(source, facts, out);
  }
}

function classifyUntyped(source: DocSource, facts: FileFacts, out: Collected): void {
  const root = source.root;
  const helmMesh = childMap(root, 'meshConfig');
  if (helmMesh) out.meshConfigs.push({ source, mesh: helmMesh, label: 'Helm values (meshConfig)' });
  else if (child(root, 'extensionProviders') ?? child(root, 'defaultProviders')) {
    out.meshConfigs.push({ source, mesh: root, label: 'mesh config' });
  }
  if (isCollectorConfig(root)) {
    out.collectors.push({ source, config: root, label: 'collector config', inKubernetes: false, partial: false, fileVersion: facts.fileVersion });
    return;
  }
  // Values for the opentelemetry-collector Helm chart: `mode` plus a `config` merged into the chart's defaults.
  const chartConfig = childMap(root, 'config');
  if (chartConfig && childText(root, 'mode') !== undefined && isCollectorConfig(chartConfig)) {
    const repository = childText(childMap(root, 'image'), 'repository') ?? '';
    const tag = childText(childMap(root, 'image'), 'tag') ?? '';
    out.collectors.push({
      source,
      config: chartConfig,
      label: 'Helm values (config)',
      inKubernetes: true,
      partial: true,
      fileVersion: collectorVersionFromImage(`${repository}:${tag}`) ?? facts.fileVersion,
    });
  }
}

function isCollectorConfig(map: MapNode): boolean {
  return childMap(childMap(map, 'service'), 'pipelines') !== undefined || (child(map, 'receivers') !== undefined && child(map, 'exporters') !== undefined);
}

const collectorLike = /(^|\n)\s*receivers\s*:/;

function classifyConfigMap(source: DocSource, facts: FileFacts, name: string, qualified: string, out: Collected): void {
  for (const pair of pairs(childMap(source.root, 'data'))) {
    const key = keyText(pair);
    const value = pair.value;
    if (key === undefined || !value) continue;
    const text = scalarText(value) ?? '';
    const isMesh = key === 'mesh' && (name === 'istio' || name.startsWith('istio-'));
    if (!isMesh && !collectorLike.test(text)) continue;
    const embedded = parseEmbedded(source, value, facts.text);
    if (!embedded) continue;
    reportEmbeddedErrors(source, embedded.map, embedded.errors, out);
    const inner = embedded.source;
    if (!inner) continue;
    if (isMesh) out.meshConfigs.push({ source: inner, mesh: inner.root, label: `ConfigMap ${qualified} (mesh)` });
    else if (isCollectorConfig(inner.root)) {
      out.collectors.push({
        source: inner,
        config: inner.root,
        label: `ConfigMap ${qualified} (${key})`,
        inKubernetes: true,
        partial: false,
        fileVersion: facts.fileVersion,
      });
    }
  }
}

function classifyCollectorResource(source: DocSource, facts: FileFacts, qualified: string, out: Collected): void {
  const spec = childMap(source.root, 'spec');
  const image = childText(spec, 'image');
  const fileVersion = (image === undefined ? undefined : collectorVersionFromImage(image)) ?? facts.fileVersion;
  const label = `OpenTelemetryCollector ${qualified}`;
  const config = child(spec, 'config');
  const configMap = asMap(config);
  if (configMap) {
    out.collectors.push({ source, config: configMap, label, inKubernetes: true, partial: false, fileVersion });
    return;
  }
  if (!config) return;
  // v1alpha1 holds the config as a string.
  const embedded = parseEmbedded(source, config, facts.text);
  if (!embedded) return;
  reportEmbeddedErrors(source, embedded.map, embedded.errors, out);
  if (embedded.source) {
    out.collectors.push({ source: embedded.source, config: embedded.source.root, label, inKubernetes: true, partial: false, fileVersion });
  }
}

function reportEmbeddedErrors(source: DocSource, map: OffsetMap, errors: readonly YAMLError[], out: Collected): void {
  if (!source.reportable) return;
  for (const error of errors) {
    out.findings.push(findingAt({ ...source, map }, [error.pos[0], error.pos[1]], 'yaml-syntax', `Embedded YAML: ${firstLine(error.message)}`));
  }
}

export function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

function toPort(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

function servicePorts(root: MapNode): ServicePort[] {
  const ports: ServicePort[] = [];
  for (const entry of items(childSeq(childMap(root, 'spec'), 'ports'))) {
    const map = asMap(entry);
    const port = toPort(childText(map, 'port'));
    if (port === undefined) continue;
    const target = childText(map, 'targetPort');
    ports.push({ port, targetPort: toPort(target) ?? target });
  }
  return ports;
}

function podSpec(root: MapNode): MapNode | undefined {
  const spec = childMap(root, 'spec');
  return pathMap(spec, 'jobTemplate', 'spec', 'template', 'spec') ?? pathMap(spec, 'template', 'spec') ?? spec;
}

function containerImages(source: DocSource): ContainerImage[] {
  const images: ContainerImage[] = [];
  for (const entry of items(childSeq(podSpec(source.root), 'containers'))) {
    const container = asMap(entry);
    const imageNode = child(container, 'image');
    const image = scalarText(imageNode);
    if (image === undefined || !imageNode) continue;
    const ports: ContainerPort[] = [];
    for (const portEntry of items(childSeq(container, 'ports'))) {
      const port = toPort(childText(asMap(portEntry), 'containerPort'));
      if (port !== undefined) ports.push({ port, name: childText(asMap(portEntry), 'name') });
    }
    const args = ['command', 'args'].flatMap((key) => items(childSeq(container, key)).flatMap((node) => scalarText(node) ?? []));
    images.push({ source, image, imageNode, args, ports });
  }
  return images;
}
