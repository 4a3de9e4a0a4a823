import { literalBlock, yamlDocument } from './emit';

/** A port named with Istio's protocol prefix (`grpc-…`, `http-…`) so the mesh picks the right protocol. */
export interface NamedPort {
  readonly name: string;
  readonly port: number;
  readonly appProtocol: 'grpc' | 'http';
}

/**
 * A single-container workload that reads its config file from a ConfigMap: the shape of both the collector and
 * Jaeger v2. Kept out of the mesh (no sidecar), so its own traffic does not show up in the traces it handles.
 */
export interface ConfiguredWorkload {
  readonly namespace: string;
  readonly name: string;
  readonly container: string;
  readonly image: string;
  /** Where the ConfigMap is mounted; the file is `config.yaml` in it. */
  readonly configDir: string;
  readonly configText: string;
  readonly ports: readonly NamedPort[];
  readonly health: { readonly port: number; readonly path: string };
  readonly memoryLimit: string;
  readonly env?: readonly { readonly name: string; readonly value: string }[];
  readonly serviceAccount?: string;
}

const labelsOf = (workload: ConfiguredWorkload): Record<string, string> => ({ 'app.kubernetes.io/name': workload.name });

function metadata(workload: ConfiguredWorkload): Record<string, unknown> {
  return { name: workload.name, namespace: workload.namespace, labels: labelsOf(workload) };
}

export function configMapDocument(workload: ConfiguredWorkload, comment?: string): string {
  return yamlDocument({ apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(workload), data: { 'config.yaml': literalBlock(workload.configText) } }, comment);
}

export function deploymentDocument(workload: ConfiguredWorkload, comment?: string): string {
  const labels = labelsOf(workload);
  const probe = { httpGet: { path: workload.health.path, port: workload.health.port } };
  const container = {
    name: workload.container,
    image: workload.image,
    args: [`--config=${workload.configDir}/config.yaml`],
    ...(workload.env ? { env: workload.env } : {}),
    ports: [...workload.ports.map((port) => ({ name: port.name, containerPort: port.port })), { name: 'health', containerPort: workload.health.port }],
    readinessProbe: probe,
    livenessProbe: probe,
    resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: workload.memoryLimit } },
    volumeMounts: [{ name: 'config', mountPath: workload.configDir }],
  };
  return yamlDocument(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: metadata(workload),
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels: { ...labels, 'sidecar.istio.io/inject': 'false' } },
          spec: {
            ...(workload.serviceAccount ? { serviceAccountName: workload.serviceAccount } : {}),
            containers: [container],
            volumes: [{ name: 'config', configMap: { name: workload.name } }],
          },
        },
      },
    },
    comment,
  );
}

export function serviceDocument(workload: ConfiguredWorkload, comment?: string): string {
  return yamlDocument(
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(workload),
      spec: {
        selector: labelsOf(workload),
        ports: workload.ports.map((port) => ({ name: port.name, port: port.port, targetPort: port.port, appProtocol: port.appProtocol })),
      },
    },
    comment,
  );
}
