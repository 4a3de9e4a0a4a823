import type { FindingSeverity } from '../findings/finding';

/**
 * Every rule of the mesh/collector YAML linter. Each id is a heading in the README ("YAML diagnostics"), so its
 * documentation anchor is the id itself.
 */
export const meshYamlRules = {
  'yaml-syntax': { severity: 'error', summary: 'The file is not valid YAML.' },
  'yaml-file-skipped': { severity: 'info', summary: 'The file is too large to check.' },
  'telemetry-sampling-range': { severity: 'error', summary: 'randomSamplingPercentage must be a number from 0 to 100.' },
  'telemetry-empty-provider': { severity: 'error', summary: 'A Telemetry provider reference has no name.' },
  'telemetry-selector-and-targetrefs': { severity: 'error', summary: 'selector, targetRef and targetRefs are mutually exclusive.' },
  'telemetry-invalid-field': { severity: 'error', summary: 'A tracing field has the wrong type or value.' },
  'telemetry-multiple-defaults': { severity: 'warning', summary: 'More than one selector-less Telemetry in one namespace.' },
  'telemetry-unknown-provider': { severity: 'warning', summary: 'No mesh config in the workspace defines the tracing provider.' },
  'removed-tracing-provider': { severity: 'error', summary: 'The lightstep and opencensus tracing providers are removed from Istio.' },
  'mesh-duplicate-provider': { severity: 'error', summary: 'Two extension providers share a name.' },
  'mesh-provider-service': { severity: 'error', summary: 'A provider service is not a `[<namespace>/]<hostname>`.' },
  'mesh-provider-http-and-grpc': { severity: 'error', summary: 'An opentelemetry provider sets both http and grpc.' },
  'mesh-provider-incomplete': { severity: 'error', summary: 'A provider lacks a valid port, or its http block lacks a path.' },
  'mesh-default-provider-undefined': { severity: 'error', summary: 'defaultProviders.tracing names an undefined provider.' },
  'mesh-provider-port-not-served': { severity: 'warning', summary: 'No collector in the workspace receives on the provider port.' },
  'collector-undefined-component': { severity: 'error', summary: 'A pipeline or service.extensions names an unconfigured component.' },
  'collector-unknown-component': { severity: 'warning', summary: 'A component type is not one the collector distributions know.' },
  'collector-removed-component': { severity: 'error', summary: 'A component type was removed from the collector.' },
  'collector-deprecated-component': { severity: 'warning', summary: 'A component type is a deprecated name.' },
  'collector-component-too-new': { severity: 'error', summary: 'A component type is newer than the target collector release.' },
  'collector-pipeline-incomplete': { severity: 'error', summary: 'A pipeline has no receiver or no exporter.' },
  'collector-processor-order': { severity: 'warning', summary: 'memory_limiter is not first or batch is not last.' },
  'collector-localhost-endpoint': { severity: 'warning', summary: 'A collector in Kubernetes listens on or sends to localhost.' },
} as const satisfies Record<string, { severity: FindingSeverity; summary: string }>;

export type MeshYamlRuleId = keyof typeof meshYamlRules;

export const meshYamlRuleIds = Object.keys(meshYamlRules) as MeshYamlRuleId[];

/** The README section documenting a rule (GitHub derives the anchor from the heading, which is the id). */
export function ruleDocumentationUrl(ruleId: string): string {
  return `https://github.com/trace-stitch/trace-stitch#${ruleId}`;
}

/** One rule as the CLI's text/JSON/SARIF output describes it: id, one line, documentation, default severity. */
export interface MeshYamlRuleDescriptor {
  readonly id: MeshYamlRuleId;
  readonly summary: string;
  readonly helpUri: string;
  readonly defaultSeverity: FindingSeverity;
}

export const meshYamlRuleDescriptors: readonly MeshYamlRuleDescriptor[] = meshYamlRuleIds.map((id) => ({
  id,
  summary: meshYamlRules[id].summary,
  helpUri: ruleDocumentationUrl(id),
  defaultSeverity: meshYamlRules[id].severity,
}));
