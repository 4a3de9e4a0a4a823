import type { CustomTag, TargetRef } from './inputs';
import { yamlDocument } from './emit';

export type TelemetryScope =
  /** Mesh-wide: a selector-less Telemetry in the root namespace. */
  | { readonly kind: 'mesh'; readonly namespace: string }
  | { readonly kind: 'namespace'; readonly namespace: string }
  | { readonly kind: 'workload'; readonly namespace: string; readonly matchLabels: Readonly<Record<string, string>> }
  | { readonly kind: 'targetRefs'; readonly namespace: string; readonly targetRefs: readonly TargetRef[] };

export type MatchMode = 'CLIENT_AND_SERVER' | 'CLIENT' | 'SERVER';

export interface TelemetrySpec {
  readonly name: string;
  readonly scope: TelemetryScope;
  /** Extension provider names; empty to use the mesh's default tracing provider. */
  readonly providers: readonly string[];
  /** Undefined leaves the mesh default (1%) in place. */
  readonly samplingPercentage: number | undefined;
  readonly customTags: readonly CustomTag[];
  readonly matchMode: MatchMode;
  readonly disableSpanReporting: boolean;
}

function customTag(tag: CustomTag): Record<string, unknown> {
  if (tag.kind === 'literal') return { literal: { value: tag.value } };
  const source = { name: tag.name, ...(tag.defaultValue === undefined ? {} : { defaultValue: tag.defaultValue }) };
  return tag.kind === 'header' ? { header: source } : { environment: source };
}

function scopeText(scope: TelemetryScope): string {
  switch (scope.kind) {
    case 'mesh':
      return `the whole mesh (the root namespace ${scope.namespace})`;
    case 'namespace':
      return `every workload in namespace ${scope.namespace}`;
    case 'workload':
      return `the workloads labelled ${Object.entries(scope.matchLabels).map(([key, value]) => `${key}=${value}`).join(', ')} in ${scope.namespace}`;
    case 'targetRefs':
      return `${scope.targetRefs.map((ref) => `${ref.kind} ${ref.name}`).join(', ')} in ${scope.namespace}`;
  }
}

/** An Istio Telemetry resource (telemetry.istio.io/v1, Istio 1.22+) that configures tracing. */
export function buildTelemetry(spec: TelemetrySpec): string {
  const tracing: Record<string, unknown> = {};
  if (spec.providers.length > 0) tracing.providers = spec.providers.map((name) => ({ name }));
  if (spec.samplingPercentage !== undefined) tracing.randomSamplingPercentage = spec.samplingPercentage;
  if (spec.customTags.length > 0) tracing.customTags = Object.fromEntries(spec.customTags.map((tag) => [tag.tag, customTag(tag)]));
  if (spec.matchMode !== 'CLIENT_AND_SERVER') tracing.match = { mode: spec.matchMode };
  if (spec.disableSpanReporting) tracing.disableSpanReporting = true;
  const targeting =
    spec.scope.kind === 'workload'
      ? { selector: { matchLabels: spec.scope.matchLabels } }
      : spec.scope.kind === 'targetRefs'
        ? { targetRefs: spec.scope.targetRefs.map((ref) => ({ group: ref.group, kind: ref.kind, name: ref.name })) }
        : {};
  const resource = {
    apiVersion: 'telemetry.istio.io/v1',
    kind: 'Telemetry',
    metadata: { name: spec.name, namespace: spec.scope.namespace },
    spec: { ...targeting, tracing: [tracing] },
  };
  const comment = [
    `Tracing for ${scopeText(spec.scope)}.`,
    spec.providers.length > 0 ? `Spans go to the extension provider(s) ${spec.providers.join(', ')} of the mesh config.` : 'Spans go to the mesh config\'s defaultProviders.tracing.',
    spec.samplingPercentage === undefined ? 'Sampling stays at the mesh default (1% unless configured).' : `${spec.samplingPercentage}% of requests without an upstream sampling decision are traced.`,
    'telemetry.istio.io/v1 needs Istio 1.22 or later. Apply with: kubectl apply -f <this file>',
  ].join('\n');
  return yamlDocument(resource, comment);
}
