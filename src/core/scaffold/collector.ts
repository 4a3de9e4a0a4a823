import { typeNameFor } from '../otelcol/lifecycle';
import { formatCollectorVersion, type CollectorVersion } from '../otelcol/version';
import { yamlDocument, yamlStream } from './emit';
import { configMapDocument, deploymentDocument, serviceDocument, type ConfiguredWorkload, type NamedPort } from './kubernetes';

export type CollectorReceiver = 'otlp-grpc' | 'otlp-http' | 'zipkin' | 'jaeger';
export type TailSamplingPolicy = 'errors' | 'latency' | 'probabilistic';
export type CollectorExtension = 'health_check' | 'pprof' | 'zpages';

export interface CollectorSpec {
  readonly version: CollectorVersion;
  readonly receivers: readonly CollectorReceiver[];
  readonly memoryLimiter: boolean;
  readonly k8sAttributes: boolean;
  /** resource processor: attributes upserted on every span's resource. */
  readonly resourceAttributes: readonly (readonly [string, string])[] | undefined;
  /** attributes processor: span attributes deleted (credentials, personal data). */
  readonly deleteAttributes: readonly string[] | undefined;
  readonly tailSampling: { readonly policies: readonly TailSamplingPolicy[]; readonly latencyMs: number; readonly percent: number } | undefined;
  readonly batch: boolean;
  readonly exporters: {
    /** host:port of Jaeger's OTLP/gRPC receiver. */
    readonly jaeger?: string;
    /** Base URL of an OTLP/HTTP endpoint. */
    readonly otlpHttp?: string;
    /** Zipkin v2 spans URL. */
    readonly zipkin?: string;
    readonly debug: boolean;
  };
  readonly extensions: readonly CollectorExtension[];
  /** Kubernetes objects to wrap the config in; undefined writes the bare config. */
  readonly kubernetes:
    | { readonly namespace: string; readonly name: string; readonly deployment: boolean; readonly service: boolean }
    | undefined;
}

export const collectorImage = 'otel/opentelemetry-collector-contrib';

const receiverPorts: Readonly<Record<string, NamedPort>> = {
  'otlp-grpc': { port: 4317, name: 'grpc-otlp', appProtocol: 'grpc' },
  'otlp-http': { port: 4318, name: 'http-otlp', appProtocol: 'http' },
  zipkin: { port: 9411, name: 'http-zipkin', appProtocol: 'http' },
  'jaeger-grpc': { port: 14250, name: 'grpc-jaeger', appProtocol: 'grpc' },
  'jaeger-thrift': { port: 14268, name: 'http-jaeger-thrift', appProtocol: 'http' },
};
const healthCheckPort = 13133;

function receivers(spec: CollectorSpec): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const otlpProtocols: Record<string, unknown> = {};
  if (spec.receivers.includes('otlp-grpc')) otlpProtocols.grpc = { endpoint: '0.0.0.0:4317' };
  if (spec.receivers.includes('otlp-http')) otlpProtocols.http = { endpoint: '0.0.0.0:4318' };
  if (Object.keys(otlpProtocols).length > 0) result.otlp = { protocols: otlpProtocols };
  if (spec.receivers.includes('zipkin')) result.zipkin = { endpoint: '0.0.0.0:9411' };
  if (spec.receivers.includes('jaeger')) {
    result.jaeger = { protocols: { grpc: { endpoint: '0.0.0.0:14250' }, thrift_http: { endpoint: '0.0.0.0:14268' } } };
  }
  return result;
}

function processors(spec: CollectorSpec, k8sAttributesName: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (spec.memoryLimiter) result.memory_limiter = { check_interval: '1s', limit_percentage: 80, spike_limit_percentage: 25 };
  if (spec.k8sAttributes) {
    result[k8sAttributesName] = {
      auth_type: 'serviceAccount',
      extract: { metadata: ['k8s.namespace.name', 'k8s.pod.name', 'k8s.pod.uid', 'k8s.deployment.name', 'k8s.node.name'] },
    };
  }
  if (spec.resourceAttributes) {
    result.resource = { attributes: spec.resourceAttributes.map(([key, value]) => ({ key, value, action: 'upsert' })) };
  }
  if (spec.deleteAttributes) result.attributes = { actions: spec.deleteAttributes.map((key) => ({ key, action: 'delete' })) };
  if (spec.tailSampling) {
    const { policies, latencyMs, percent } = spec.tailSampling;
    result.tail_sampling = {
      decision_wait: '10s',
      policies: [
        ...(policies.includes('errors') ? [{ name: 'errors', type: 'status_code', status_code: { status_codes: ['ERROR'] } }] : []),
        ...(policies.includes('latency') ? [{ name: 'slow', type: 'latency', latency: { threshold_ms: latencyMs } }] : []),
        ...(policies.includes('probabilistic') ? [{ name: 'sample', type: 'probabilistic', probabilistic: { sampling_percentage: percent } }] : []),
      ],
    };
  }
  if (spec.batch) result.batch = {};
  return result;
}

function exporters(spec: CollectorSpec): Record<string, unknown> {
  const { version } = spec;
  const result: Record<string, unknown> = {};
  if (spec.exporters.jaeger) result[`${typeNameFor('exporter', 'otlp_grpc', version)}/jaeger`] = { endpoint: spec.exporters.jaeger, tls: { insecure: true } };
  if (spec.exporters.otlpHttp) result[typeNameFor('exporter', 'otlp_http', version)] = { endpoint: spec.exporters.otlpHttp };
  if (spec.exporters.zipkin) result.zipkin = { endpoint: spec.exporters.zipkin };
  if (spec.exporters.debug) result[typeNameFor('exporter', 'debug', version)] = { verbosity: 'basic' };
  return result;
}

function extensions(spec: CollectorSpec): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  // In a pod, kubelet probes reach the health check on the pod IP, not on localhost (the default since v0.104.0).
  if (spec.extensions.includes('health_check')) result.health_check = { endpoint: `0.0.0.0:${healthCheckPort}` };
  if (spec.extensions.includes('pprof')) result.pprof = { endpoint: 'localhost:1777' };
  if (spec.extensions.includes('zpages')) result.zpages = { endpoint: 'localhost:55679' };
  return result;
}

/** The collector config itself (receivers … service), for `version`. */
function collectorConfig(spec: CollectorSpec): Record<string, unknown> {
  const k8sAttributesName = typeNameFor('processor', 'k8s_attributes', spec.version);
  const configReceivers = receivers(spec);
  const configProcessors = processors(spec, k8sAttributesName);
  const configExporters = exporters(spec);
  const configExtensions = extensions(spec);
  return {
    receivers: configReceivers,
    ...(Object.keys(configProcessors).length > 0 ? { processors: configProcessors } : {}),
    exporters: configExporters,
    ...(Object.keys(configExtensions).length > 0 ? { extensions: configExtensions } : {}),
    service: {
      ...(Object.keys(configExtensions).length > 0 ? { extensions: Object.keys(configExtensions) } : {}),
      pipelines: {
        traces: {
          receivers: Object.keys(configReceivers),
          ...(Object.keys(configProcessors).length > 0 ? { processors: Object.keys(configProcessors) } : {}),
          exporters: Object.keys(configExporters),
        },
      },
    },
  };
}

function header(spec: CollectorSpec): string {
  const lines = [`OpenTelemetry Collector ${formatCollectorVersion(spec.version)} (${collectorImage}), generated by Trace Stitch.`];
  if (spec.tailSampling) {
    lines.push('tail_sampling needs every span of a trace on the same collector: run one replica, or put a');
    lines.push('load-balancing layer (loadbalancing exporter keyed by trace ID) in front of several.');
  }
  return lines.join('\n');
}

/** Ports the container listens on, named with Istio's protocol prefixes. */
function containerPorts(spec: CollectorSpec): NamedPort[] {
  const keys = spec.receivers.flatMap((receiver) => (receiver === 'jaeger' ? ['jaeger-grpc', 'jaeger-thrift'] : [receiver]));
  return keys.flatMap((key) => {
    const entry = receiverPorts[key];
    return entry ? [entry] : [];
  });
}

function kubernetesObjects(spec: CollectorSpec, kubernetes: NonNullable<CollectorSpec['kubernetes']>): string[] {
  const { namespace, name } = kubernetes;
  const workload: ConfiguredWorkload = {
    namespace,
    name,
    container: 'otel-collector',
    image: `${collectorImage}:${formatCollectorVersion(spec.version)}`,
    configDir: '/conf',
    configText: yamlDocument(collectorConfig(spec)),
    ports: containerPorts(spec),
    health: { port: healthCheckPort, path: '/' },
    memoryLimit: '512Mi',
    // The Go runtime's soft limit, below the container limit, so memory_limiter and GC act before the OOM killer.
    env: [{ name: 'GOMEMLIMIT', value: '400MiB' }],
    ...(spec.k8sAttributes ? { serviceAccount: name } : {}),
  };
  const documents = [configMapDocument(workload, header(spec))];
  if (kubernetes.deployment) {
    if (spec.k8sAttributes) documents.push(...rbac(namespace, name));
    documents.push(deploymentDocument(workload, 'The collector, out of the mesh (its own exports are not traced), probed on the health_check port.'));
  }
  if (kubernetes.service) {
    documents.push(serviceDocument(workload, `Port names carry Istio's protocol prefixes. Point mesh providers at ${name}.${namespace}.svc.cluster.local.`));
  }
  return documents;
}

/** RBAC the k8sattributes processor needs to read pod, namespace and ReplicaSet metadata. */
function rbac(namespace: string, name: string): string[] {
  return [
    yamlDocument({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } }),
    yamlDocument({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name },
      rules: [
        { apiGroups: [''], resources: ['pods', 'namespaces'], verbs: ['get', 'watch', 'list'] },
        { apiGroups: ['apps'], resources: ['replicasets'], verbs: ['get', 'watch', 'list'] },
      ],
    }),
    yamlDocument({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects: [{ kind: 'ServiceAccount', name, namespace }],
    }),
  ];
}

/** The collector config, or the Kubernetes objects around it when asked for. */
export function buildCollector(requested: CollectorSpec): string {
  // The Deployment's probes need the health_check extension.
  const spec = requested.kubernetes?.deployment && !requested.extensions.includes('health_check')
    ? { ...requested, extensions: ['health_check' as const, ...requested.extensions] }
    : requested;
  if (!spec.kubernetes) return yamlDocument(collectorConfig(spec), header(spec));
  return yamlStream(kubernetesObjects(spec, spec.kubernetes));
}
