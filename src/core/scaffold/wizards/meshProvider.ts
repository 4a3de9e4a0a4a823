import { parseHttpPath, parseNamespace, parsePort, parseProviderName, parseProviderService, problemOf, valueOf } from '../inputs';
import { buildMeshProvider, defaultZipkinPath, type MeshConfigFormat } from '../meshProvider';
import { answerText, type Answers, type Wizard } from '../wizard';

const kindOf = (answers: Answers): string => answerText(answers, 'kind');
const formatOf = (answers: Answers): string => answerText(answers, 'format');

const defaultPorts: Readonly<Record<string, string>> = { 'otlp-grpc': '4317', 'otlp-http': '4318', zipkin: '9411' };

export const meshProviderWizard: Wizard = {
  id: 'mesh-provider',
  title: 'Mesh tracing provider',
  summary: 'A MeshConfig extensionProviders entry (+ defaultProviders.tracing) as IstioOperator, istio ConfigMap or Helm values',
  steps: [
    {
      kind: 'pick',
      id: 'format',
      flag: 'format',
      title: 'Write the mesh config as',
      choices: () => [
        { id: 'istio-operator', label: 'IstioOperator', detail: 'spec.meshConfig, for istioctl install -f' },
        { id: 'configmap', label: 'istio ConfigMap', detail: 'data.mesh of the ConfigMap istiod reads' },
        { id: 'helm-values', label: 'Helm values', detail: 'meshConfig values of the istiod chart' },
      ],
      initial: () => 'istio-operator',
    },
    {
      kind: 'pick',
      id: 'kind',
      flag: 'protocol',
      title: 'Provider type',
      choices: () => [
        { id: 'otlp-grpc', label: 'OpenTelemetry over gRPC', detail: 'opentelemetry provider, OTLP/gRPC (port 4317)' },
        { id: 'otlp-http', label: 'OpenTelemetry over HTTP', detail: 'opentelemetry provider with http.path (port 4318)' },
        { id: 'zipkin', label: 'Zipkin', detail: 'zipkin provider (port 9411)' },
      ],
      initial: () => 'otlp-grpc',
    },
    {
      kind: 'text',
      id: 'name',
      flag: 'name',
      title: 'Provider name',
      prompt: 'The name Telemetry resources use to refer to this provider',
      initial: (answers) => (kindOf(answers) === 'zipkin' ? 'zipkin' : 'otel-tracing'),
      validate: (text) => problemOf(parseProviderName(text)),
    },
    {
      kind: 'text',
      id: 'service',
      flag: 'service',
      title: 'Backend service',
      prompt: '[<namespace>/]<hostname>, fully qualified: the Kubernetes Service (or ServiceEntry host) receiving spans',
      initial: (answers) => (kindOf(answers) === 'zipkin' ? 'zipkin.observability.svc.cluster.local' : 'otel-collector.observability.svc.cluster.local'),
      validate: (text) => problemOf(parseProviderService(text)),
    },
    {
      kind: 'text',
      id: 'port',
      flag: 'port',
      title: 'Service port',
      prompt: 'The Service port receiving spans',
      initial: (answers) => defaultPorts[kindOf(answers)] ?? '4317',
      validate: (text) => problemOf(parsePort(text)),
    },
    {
      kind: 'text',
      id: 'path',
      flag: 'path',
      title: 'HTTP path',
      prompt: 'The path spans are POSTed to',
      when: (answers) => kindOf(answers) !== 'otlp-grpc',
      condition: 'with --protocol otlp-http or zipkin',
      initial: (answers) => (kindOf(answers) === 'zipkin' ? defaultZipkinPath : '/v1/traces'),
      validate: (text) => problemOf(parseHttpPath(text)),
    },
    {
      kind: 'pick',
      id: 'default',
      flag: 'default',
      title: 'Make it the default tracing provider?',
      choices: () => [
        { id: 'yes', label: 'Yes', detail: 'defaultProviders.tracing: Telemetry resources without providers use it' },
        { id: 'no', label: 'No', detail: 'Only Telemetry resources naming it use it' },
      ],
      initial: () => 'yes',
    },
    {
      kind: 'text',
      id: 'istioNamespace',
      flag: 'istio-namespace',
      title: 'Istio namespace',
      prompt: 'The namespace istiod runs in',
      initial: () => 'istio-system',
      validate: (text) => problemOf(parseNamespace(text)),
    },
    {
      kind: 'text',
      id: 'revision',
      flag: 'revision',
      title: 'Control-plane revision',
      prompt: 'Optional: the revision of a revisioned control plane (its ConfigMap is istio-<revision>); empty for none',
      when: (answers) => formatOf(answers) === 'configmap',
      condition: 'with --format configmap',
      initial: () => '',
      validate: (text) => (text.trim() === '' ? undefined : problemOf(parseNamespace(text))),
    },
  ],
  build(answers) {
    const kind = kindOf(answers);
    const path = kind === 'otlp-grpc' ? undefined : valueOf(parseHttpPath(answerText(answers, 'path')));
    const revision = answerText(answers, 'revision').trim();
    const format = formatOf(answers) as MeshConfigFormat;
    return {
      text: buildMeshProvider({
        name: valueOf(parseProviderName(answerText(answers, 'name'))),
        kind: kind === 'zipkin' ? 'zipkin' : 'opentelemetry',
        service: valueOf(parseProviderService(answerText(answers, 'service'))),
        port: valueOf(parsePort(answerText(answers, 'port'))),
        httpPath: kind === 'otlp-http' ? path : undefined,
        zipkinPath: kind === 'zipkin' ? path : undefined,
        makeDefault: answerText(answers, 'default') === 'yes',
        format,
        istioNamespace: valueOf(parseNamespace(answerText(answers, 'istioNamespace'))),
        revision: revision === '' ? undefined : revision,
      }),
      languageId: 'yaml',
      fileName: { 'istio-operator': 'tracing-istio-operator.yaml', configmap: 'istio-mesh-configmap.yaml', 'helm-values': 'istiod-tracing-values.yaml' }[format],
    };
  },
};
