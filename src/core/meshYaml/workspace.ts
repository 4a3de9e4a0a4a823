import { compareVersions, parseCollectorVersion, type CollectorVersion } from '../otelcol/version';
import { providerDefinitions, type ProviderDefinition } from './providers';
import type { CollectorConfigSource, ContainerImage, FileAnalysis, KubeService, MeshConfigSource, TelemetryResource } from './sources';
import type { MeshYamlLintOptions } from './types';
import { collectorVersionFromImage } from './versionEvidence';

/** Everything found in the workspace's YAML at once, for the checks that look across files. */
export interface Workspace {
  readonly telemetries: readonly TelemetryResource[];
  readonly meshConfigs: readonly MeshConfigSource[];
  readonly providers: readonly ProviderDefinition[];
  readonly collectors: readonly CollectorConfigSource[];
  readonly services: readonly KubeService[];
  readonly images: readonly ContainerImage[];
  /** The release a collector config is checked against; undefined when nothing says. */
  collectorVersion(collector: CollectorConfigSource): CollectorVersion | undefined;
}

export function indexWorkspace(analyses: readonly FileAnalysis[], options: MeshYamlLintOptions): Workspace {
  const meshConfigs = analyses.flatMap((analysis) => analysis.meshConfigs);
  const images = analyses.flatMap((analysis) => analysis.images);
  const configured = options.collectorVersion ? parseCollectorVersion(options.collectorVersion) : undefined;
  const workspaceVersion = singleVersion(images);
  return {
    telemetries: analyses.flatMap((analysis) => analysis.telemetries),
    meshConfigs,
    providers: meshConfigs.flatMap(providerDefinitions),
    collectors: analyses.flatMap((analysis) => analysis.collectors),
    services: analyses.flatMap((analysis) => analysis.services),
    images,
    collectorVersion: (collector) => collector.fileVersion ?? configured ?? workspaceVersion,
  };
}

/** The collector release all collector images in the workspace agree on, if they do. */
function singleVersion(images: readonly ContainerImage[]): CollectorVersion | undefined {
  const versions = images.map((image) => collectorVersionFromImage(image.image)).filter((version) => version !== undefined);
  const first = versions[0];
  return first && versions.every((version) => compareVersions(version, first) === 0) ? first : undefined;
}
