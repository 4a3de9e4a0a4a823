import type { ParsedNode } from 'yaml';
import type { CollectorVersion } from '../otelcol/version';
import type { LineIndex } from '../yaml/lineIndex';
import type { MapNode } from '../yaml/nodes';
import type { OffsetMap } from '../yaml/offsetMap';
import type { MeshYamlFinding } from './types';

/** A YAML document — a whole file's document, or YAML embedded in a string — and how to report positions in it. */
export interface DocSource {
  readonly file: string;
  /** The document's own text: the file's text, or the string the YAML is embedded in. */
  readonly text: string;
  readonly lines: LineIndex;
  readonly map: OffsetMap;
  readonly root: MapNode;
  /**
   * False for Helm templates: their template actions were blanked out to read what they define (provider names,
   * receiver ports), but nothing is reported in them.
   */
  readonly reportable: boolean;
}

export interface TelemetryResource {
  readonly source: DocSource;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly spec: MapNode | undefined;
}

/** A MeshConfig: the `meshConfig` of an IstioOperator or of Helm values, the `istio` ConfigMap's `mesh`, or a file. */
export interface MeshConfigSource {
  readonly source: DocSource;
  readonly mesh: MapNode;
  /** How the README and messages name it, e.g. "IstioOperator istio-system/control-plane". */
  readonly label: string;
}

export interface CollectorConfigSource {
  readonly source: DocSource;
  readonly config: MapNode;
  readonly label: string;
  /** Deployed by Kubernetes (a ConfigMap, an OpenTelemetryCollector resource, Helm chart values). */
  readonly inKubernetes: boolean;
  /**
   * Only part of the config: Helm chart values are merged with the chart's default config, so components they
   * reference may be defined by the chart.
   */
  readonly partial: boolean;
  /** The release named in the same file (image tag, "OpenTelemetry Collector x.y.z" comment). */
  readonly fileVersion: CollectorVersion | undefined;
}

export interface ServicePort {
  readonly port: number;
  readonly targetPort: number | string | undefined;
}

export interface KubeService {
  readonly source: DocSource;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly ports: readonly ServicePort[];
}

export interface ContainerPort {
  readonly port: number;
  readonly name: string | undefined;
}

/** A container image in a workload (Deployment, Pod…), with its declared ports. */
export interface ContainerImage {
  readonly source: DocSource;
  readonly image: string;
  readonly imageNode: ParsedNode;
  /** The container's command and args, in order. */
  readonly args: readonly string[];
  readonly ports: readonly ContainerPort[];
}

/** Everything the linter learned from one file. */
export interface FileAnalysis {
  readonly file: string;
  /** Problems with the file itself: invalid YAML, skipped because too large. */
  readonly findings: readonly MeshYamlFinding[];
  readonly telemetries: readonly TelemetryResource[];
  readonly meshConfigs: readonly MeshConfigSource[];
  readonly collectors: readonly CollectorConfigSource[];
  readonly services: readonly KubeService[];
  readonly images: readonly ContainerImage[];
}
