import { analyzeMeshYamlFile } from './analyze';
import { checkCollector } from './checks/collector';
import { checkLocalhostEndpoints } from './checks/localhost';
import { checkMeshConfig } from './checks/meshConfig';
import { checkProviderPorts } from './checks/providerPorts';
import { checkTelemetry } from './checks/telemetry';
import { checkDefaultTelemetries, checkProviderReferences } from './checks/telemetryWorkspace';
import { tracingProviderNames } from './providers';
import type { FileAnalysis } from './sources';
import type { MeshYamlFile, MeshYamlFinding, MeshYamlLintOptions } from './types';
import { indexWorkspace } from './workspace';

/**
 * The YAML linter's entry point: checks Istio Telemetry resources, mesh configs (IstioOperator, the istio
 * ConfigMap, Helm values) and OpenTelemetry Collector configs in `files`, including the checks that need every
 * file at once (provider names, provider ports). Findings come sorted by file and position.
 */
export function lintMeshYamlFiles(files: readonly MeshYamlFile[], options: MeshYamlLintOptions = {}): MeshYamlFinding[] {
  return lintAnalyses(
    files.map((file) => analyzeMeshYamlFile(file, options.maxFileBytes)),
    options,
  );
}

/** The same over files already analysed (the editor keeps analyses per file and re-analyses only what changed). */
export function lintAnalyses(analyses: readonly FileAnalysis[], options: MeshYamlLintOptions = {}): MeshYamlFinding[] {
  const workspace = indexWorkspace(analyses, options);
  const knownProviders = tracingProviderNames(workspace.meshConfigs);
  const findings: MeshYamlFinding[] = [
    ...analyses.flatMap((analysis) => analysis.findings),
    ...workspace.telemetries.filter((telemetry) => telemetry.source.reportable).flatMap((telemetry) => checkTelemetry(telemetry, knownProviders)),
    ...checkDefaultTelemetries(workspace),
    ...checkProviderReferences(workspace),
    ...workspace.meshConfigs.filter((mesh) => mesh.source.reportable).flatMap((mesh) => checkMeshConfig(mesh, workspace.services)),
    ...checkProviderPorts(workspace),
    ...workspace.collectors
      .filter((collector) => collector.source.reportable)
      .flatMap((collector) => {
        const version = workspace.collectorVersion(collector);
        return [...checkCollector(collector, version), ...checkLocalhostEndpoints(collector, version)];
      }),
  ];
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
