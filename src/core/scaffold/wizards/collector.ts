import { parseCollectorVersion } from '../../otelcol/version';
import { buildCollector, type CollectorExtension, type CollectorReceiver, type TailSamplingPolicy } from '../collector';
import {
  parseAttributeKeys,
  parseCollectorRelease,
  parseHostPort,
  parseHttpUrl,
  parseKeyValues,
  parsePositiveInteger,
  problemOf,
  valueOf,
} from '../inputs';
import { answerList, answerText, type Answers, type Wizard } from '../wizard';
import { workloadPlacement, workloadSteps } from './workloadSteps';

/** Releases offered first: the newest known, and the ones where component names changed. */
const latestCollectorRelease = '0.159.0';
const releases = [
  { id: latestCollectorRelease, label: latestCollectorRelease, detail: 'Newest release known to Trace Stitch (August 2026)' },
  { id: '0.146.0', label: '0.146.0', detail: 'k8sattributes renamed k8s_attributes' },
  { id: '0.144.0', label: '0.144.0', detail: 'otlp/otlphttp exporters renamed otlp_grpc/otlp_http' },
  { id: '0.110.0', label: '0.110.0', detail: 'Last release with the logging exporter' },
  { id: '0.86.0', label: '0.86.0', detail: 'debug exporter introduced' },
];

const has = (answers: Answers, id: string, value: string): boolean => answerList(answers, id).includes(value);
const atLeastOne = (what: string) => (ids: readonly string[]): string | undefined => (ids.length === 0 ? `Choose at least one ${what}.` : undefined);

export const collectorWizard: Wizard = {
  id: 'collector',
  title: 'OpenTelemetry Collector config',
  summary: 'An OpenTelemetry Collector config for a target release, optionally with its ConfigMap, Deployment and Service',
  steps: [
    {
      kind: 'pick',
      id: 'version',
      flag: 'collector-version',
      title: 'Target collector release (component names changed between releases)',
      choices: () => releases,
      initial: () => latestCollectorRelease,
      custom: { label: 'Use release', validate: (text) => problemOf(parseCollectorRelease(text)) },
    },
    {
      kind: 'multi',
      id: 'receivers',
      flag: 'receivers',
      title: 'Receivers',
      choices: () => [
        { id: 'otlp-grpc', label: 'OTLP gRPC', detail: 'otlp receiver on 0.0.0.0:4317 (Istio opentelemetry provider, SDKs)' },
        { id: 'otlp-http', label: 'OTLP HTTP', detail: 'otlp receiver on 0.0.0.0:4318' },
        { id: 'zipkin', label: 'Zipkin', detail: 'zipkin receiver on 0.0.0.0:9411 (Istio zipkin provider)' },
        { id: 'jaeger', label: 'Jaeger', detail: 'jaeger receiver: gRPC 14250, Thrift HTTP 14268' },
      ],
      initial: () => ['otlp-grpc', 'otlp-http'],
      validate: atLeastOne('receiver'),
    },
    {
      kind: 'multi',
      id: 'processors',
      flag: 'processors',
      title: 'Processors (written in the recommended order: memory_limiter first, batch last)',
      choices: () => [
        { id: 'memory_limiter', label: 'memory_limiter', detail: 'Refuse data before the collector runs out of memory' },
        { id: 'k8sattributes', label: 'k8sattributes', detail: 'Add pod, namespace and deployment names (needs RBAC)' },
        { id: 'resource', label: 'resource', detail: 'Set resource attributes, e.g. deployment.environment' },
        { id: 'attributes', label: 'attributes', detail: 'Delete sensitive span attributes' },
        { id: 'tail_sampling', label: 'tail_sampling', detail: 'Keep errors, slow traces and a sample of the rest' },
        { id: 'batch', label: 'batch', detail: 'Batch spans before export' },
      ],
      initial: () => ['memory_limiter', 'batch'],
    },
    {
      kind: 'multi',
      id: 'policies',
      flag: 'sampling-policies',
      title: 'Tail sampling: keep traces that…',
      when: (answers) => has(answers, 'processors', 'tail_sampling'),
      condition: 'with --processors tail_sampling',
      choices: () => [
        { id: 'errors', label: 'have an error', detail: 'status_code policy: ERROR' },
        { id: 'latency', label: 'are slow', detail: 'latency policy' },
        { id: 'probabilistic', label: 'fall in a random sample', detail: 'probabilistic policy' },
      ],
      initial: () => ['errors', 'latency', 'probabilistic'],
      validate: atLeastOne('policy'),
    },
    {
      kind: 'text',
      id: 'latencyMs',
      flag: 'latency-ms',
      title: 'Slow-trace threshold (ms)',
      prompt: 'Traces longer than this are kept',
      when: (answers) => has(answers, 'processors', 'tail_sampling') && has(answers, 'policies', 'latency'),
      condition: 'with tail_sampling and --sampling-policies latency',
      initial: () => '500',
      validate: (text) => problemOf(parsePositiveInteger(text, 'The threshold', 3_600_000)),
    },
    {
      kind: 'text',
      id: 'samplePercent',
      flag: 'sample-percent',
      title: 'Random sample (%)',
      prompt: 'Share of the other traces to keep, 1–100',
      when: (answers) => has(answers, 'processors', 'tail_sampling') && has(answers, 'policies', 'probabilistic'),
      condition: 'with tail_sampling and --sampling-policies probabilistic',
      initial: () => '10',
      validate: (text) => problemOf(parsePositiveInteger(text, 'The percentage', 100)),
    },
    {
      kind: 'text',
      id: 'resourceAttributes',
      flag: 'resource-attributes',
      title: 'Resource attributes to set',
      prompt: 'key=value, comma-separated',
      when: (answers) => has(answers, 'processors', 'resource'),
      condition: 'with --processors resource',
      initial: () => 'deployment.environment=production',
      validate: (text) => problemOf(parseKeyValues(text)),
    },
    {
      kind: 'text',
      id: 'deleteAttributes',
      flag: 'delete-attributes',
      title: 'Span attributes to delete',
      prompt: 'Attribute keys, comma-separated',
      when: (answers) => has(answers, 'processors', 'attributes'),
      condition: 'with --processors attributes',
      initial: () => 'http.request.header.authorization, http.request.header.cookie',
      validate: (text) => problemOf(parseAttributeKeys(text)),
    },
    {
      kind: 'multi',
      id: 'exporters',
      flag: 'exporters',
      title: 'Exporters',
      choices: () => [
        { id: 'jaeger', label: 'OTLP to Jaeger', detail: 'otlp (otlp_grpc from 0.144.0) exporter to Jaeger port 4317' },
        { id: 'otlp-http', label: 'OTLP/HTTP', detail: 'otlphttp (otlp_http from 0.144.0) exporter to a URL' },
        { id: 'debug', label: 'debug', detail: 'Print spans in the collector log (logging before 0.86.0)' },
        { id: 'zipkin', label: 'Zipkin', detail: 'zipkin exporter' },
      ],
      initial: () => ['jaeger'],
      validate: atLeastOne('exporter'),
    },
    {
      kind: 'text',
      id: 'jaegerEndpoint',
      flag: 'jaeger-endpoint',
      title: 'Jaeger OTLP/gRPC endpoint',
      prompt: 'host:port of Jaeger’s OTLP gRPC receiver',
      when: (answers) => has(answers, 'exporters', 'jaeger'),
      condition: 'with --exporters jaeger',
      initial: () => 'jaeger.observability.svc.cluster.local:4317',
      validate: (text) => problemOf(parseHostPort(text)),
    },
    {
      kind: 'text',
      id: 'otlpHttpEndpoint',
      flag: 'otlp-http-endpoint',
      title: 'OTLP/HTTP endpoint',
      prompt: 'Base URL; the exporter appends /v1/traces',
      when: (answers) => has(answers, 'exporters', 'otlp-http'),
      condition: 'with --exporters otlp-http',
      initial: () => 'https://otlp.example.com',
      validate: (text) => problemOf(parseHttpUrl(text)),
    },
    {
      kind: 'text',
      id: 'zipkinEndpoint',
      flag: 'zipkin-endpoint',
      title: 'Zipkin endpoint',
      prompt: 'The Zipkin v2 spans URL',
      when: (answers) => has(answers, 'exporters', 'zipkin'),
      condition: 'with --exporters zipkin',
      initial: () => 'http://zipkin.observability.svc.cluster.local:9411/api/v2/spans',
      validate: (text) => problemOf(parseHttpUrl(text)),
    },
    {
      kind: 'multi',
      id: 'extensions',
      flag: 'extensions',
      title: 'Extensions',
      choices: () => [
        { id: 'health_check', label: 'health_check', detail: 'Health endpoint on 0.0.0.0:13133 for probes' },
        { id: 'pprof', label: 'pprof', detail: 'Go profiling on localhost:1777' },
        { id: 'zpages', label: 'zpages', detail: 'Live debugging pages on localhost:55679' },
      ],
      initial: () => ['health_check'],
    },
    {
      kind: 'multi',
      id: 'kubernetes',
      flag: 'kubernetes',
      title: 'Kubernetes objects around the config (none: just the config)',
      choices: () => [
        { id: 'configmap', label: 'ConfigMap', detail: 'The config as data[config.yaml]' },
        { id: 'deployment', label: 'Deployment', detail: 'With the ConfigMap it mounts; probes on the health_check port' },
        { id: 'service', label: 'Service', detail: 'With the ConfigMap; ports named for Istio protocol selection' },
      ],
      initial: () => [],
    },
    ...workloadSteps('otel-collector', 'Namespace of the collector objects', {
      when: (answers) => answerList(answers, 'kubernetes').length > 0,
      condition: 'with --kubernetes',
    }),
  ],
  build(answers) {
    const version = parseCollectorVersion(valueOf(parseCollectorRelease(answerText(answers, 'version'))));
    if (!version) throw new Error('unreachable: a validated release parses');
    const processors = answerList(answers, 'processors');
    const exporters = answerList(answers, 'exporters');
    const kubernetes = answerList(answers, 'kubernetes');
    return {
      text: buildCollector({
        version,
        receivers: answerList(answers, 'receivers') as CollectorReceiver[],
        memoryLimiter: processors.includes('memory_limiter'),
        k8sAttributes: processors.includes('k8sattributes'),
        resourceAttributes: processors.includes('resource') ? valueOf(parseKeyValues(answerText(answers, 'resourceAttributes'))) : undefined,
        deleteAttributes: processors.includes('attributes') ? valueOf(parseAttributeKeys(answerText(answers, 'deleteAttributes'))) : undefined,
        tailSampling: processors.includes('tail_sampling')
          ? {
              policies: answerList(answers, 'policies') as TailSamplingPolicy[],
              latencyMs: Number(answerText(answers, 'latencyMs') || '500'),
              percent: Number(answerText(answers, 'samplePercent') || '10'),
            }
          : undefined,
        batch: processors.includes('batch'),
        exporters: {
          ...(exporters.includes('jaeger') ? { jaeger: valueOf(parseHostPort(answerText(answers, 'jaegerEndpoint'))) } : {}),
          ...(exporters.includes('otlp-http') ? { otlpHttp: valueOf(parseHttpUrl(answerText(answers, 'otlpHttpEndpoint'))) } : {}),
          ...(exporters.includes('zipkin') ? { zipkin: valueOf(parseHttpUrl(answerText(answers, 'zipkinEndpoint'))) } : {}),
          debug: exporters.includes('debug'),
        },
        extensions: answerList(answers, 'extensions') as CollectorExtension[],
        kubernetes:
          kubernetes.length > 0
            ? {
                ...workloadPlacement(answers),
                deployment: kubernetes.includes('deployment'),
                service: kubernetes.includes('service'),
              }
            : undefined,
      }),
      languageId: 'yaml',
      fileName: kubernetes.length > 0 ? 'otel-collector.k8s.yaml' : 'otelcol-config.yaml',
    };
  },
};
