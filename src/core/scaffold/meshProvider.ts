import { literalBlock, yamlDocument } from './emit';

export type ProviderKind = 'opentelemetry' | 'zipkin';
export type MeshConfigFormat = 'istio-operator' | 'configmap' | 'helm-values';

export interface MeshProviderSpec {
  readonly name: string;
  readonly kind: ProviderKind;
  /** `[<namespace>/]<hostname>` of the collector or Zipkin-compatible backend. */
  readonly service: string;
  readonly port: number;
  /** For opentelemetry: export over HTTP to this path instead of gRPC. */
  readonly httpPath: string | undefined;
  /** For zipkin: the spans path when it is not the default /api/v2/spans. */
  readonly zipkinPath: string | undefined;
  /** Also make it the mesh's default tracing provider. */
  readonly makeDefault: boolean;
  readonly format: MeshConfigFormat;
  /** Namespace of istiod (IstioOperator and ConfigMap formats). */
  readonly istioNamespace: string;
  /** Control-plane revision: the ConfigMap is `istio-<revision>`. */
  readonly revision: string | undefined;
}

export const defaultZipkinPath = '/api/v2/spans';

/** The MeshConfig fragment: `extensionProviders` (+ `defaultProviders.tracing`). */
function meshConfigFragment(spec: MeshProviderSpec): Record<string, unknown> {
  const settings: Record<string, unknown> = { service: spec.service, port: spec.port };
  if (spec.kind === 'opentelemetry' && spec.httpPath !== undefined) settings.http = { path: spec.httpPath };
  if (spec.kind === 'zipkin' && spec.zipkinPath !== undefined && spec.zipkinPath !== defaultZipkinPath) settings.path = spec.zipkinPath;
  return {
    extensionProviders: [{ name: spec.name, [spec.kind]: settings }],
    ...(spec.makeDefault ? { defaultProviders: { tracing: [spec.name] } } : {}),
  };
}

function description(spec: MeshProviderSpec): string {
  const protocol = spec.kind === 'zipkin' ? 'Zipkin' : spec.httpPath !== undefined ? `OTLP/HTTP (${spec.httpPath})` : 'OTLP/gRPC';
  return `Extension provider ${spec.name}: Envoy sends spans as ${protocol} to ${spec.service}:${spec.port}.`;
}

/** A MeshConfig tracing provider, written as an IstioOperator, the `istio` ConfigMap, or istiod Helm values. */
export function buildMeshProvider(spec: MeshProviderSpec): string {
  const fragment = meshConfigFragment(spec);
  const defaults = spec.makeDefault
    ? 'It is the default tracing provider: Telemetry resources without `providers` use it.'
    : 'Name it in a Telemetry resource (spec.tracing[].providers) to use it.';
  switch (spec.format) {
    case 'istio-operator':
      return yamlDocument(
        {
          apiVersion: 'install.istio.io/v1alpha1',
          kind: 'IstioOperator',
          metadata: { name: 'tracing', namespace: spec.istioNamespace },
          spec: { meshConfig: fragment },
        },
        `${description(spec)}\n${defaults}\nApply with: istioctl install -f <this file> (together with your other IstioOperator overlays).`,
      );
    case 'configmap': {
      const meshText = yamlDocument(fragment);
      return yamlDocument(
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: spec.revision ? `istio-${spec.revision}` : 'istio', namespace: spec.istioNamespace },
          data: { mesh: literalBlock(meshText) },
        },
        `${description(spec)}\n${defaults}\nThe \`mesh\` key holds the whole mesh config: merge these lines into your existing one\n(kubectl -n ${spec.istioNamespace} get configmap ${spec.revision ? `istio-${spec.revision}` : 'istio'} -o yaml) rather than replacing it.`,
      );
    }
    case 'helm-values':
      return yamlDocument(
        { meshConfig: fragment },
        `${description(spec)}\n${defaults}\nValues for the istiod chart: helm upgrade istiod istio/istiod -n ${spec.istioNamespace} -f <this file>`,
      );
  }
}
