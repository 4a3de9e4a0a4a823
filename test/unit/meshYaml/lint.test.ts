import * as assert from 'node:assert/strict';
import { analyzeMeshYamlFile } from '../../../src/core/meshYaml/analyze';
import { lintMeshYamlFiles } from '../../../src/core/meshYaml/lint';
import { tracingProviderNames } from '../../../src/core/meshYaml/providers';
import type { MeshYamlFile } from '../../../src/core/meshYaml/types';
import { applyTextEdits } from '../../../src/core/yaml/textEdit';

const telemetry = (provider: string, namespace = 'istio-system'): string =>
  `apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: mesh-default\n  namespace: ${namespace}\nspec:\n  tracing:\n    - providers:\n        - name: ${provider}\n`;

const rules = (files: readonly MeshYamlFile[]): string[] => lintMeshYamlFiles(files).map((finding) => finding.ruleId);

describe('YAML linter', () => {
  it('reads providers from a Helm template without reporting anything in it', () => {
    const template = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: istio',
      '  namespace: {{ .Release.Namespace }}',
      'data:',
      '  mesh: |-',
      '    extensionProviders:',
      '      - name: otel-tracing',
      '        opentelemetry:',
      '          service: {{ .Values.collector.service | quote }}',
      '          port: {{ .Values.collector.port }}',
      '    {{- if .Values.zipkin.enabled }}',
      '      - name: zipkin',
      '        zipkin: {{ toYaml .Values.zipkin.settings | nindent 10 }}',
      '    {{- end }}',
      '',
    ].join('\n');
    const files = [
      { path: '/w/templates/istio.yaml', text: template },
      { path: '/w/telemetry.yaml', text: telemetry('otel-tracing') },
    ];
    assert.deepEqual(lintMeshYamlFiles(files), []);
    assert.deepEqual(tracingProviderNames(analyzeMeshYamlFile(files[0] ?? { path: '', text: '' }).meshConfigs), ['otel-tracing', 'zipkin']);
    assert.deepEqual(rules([files[0] ?? { path: '', text: '' }, { path: '/w/t.yaml', text: telemetry('missing') }]), ['telemetry-unknown-provider']);
  });

  it('survives hostile and odd input without throwing', () => {
    const inputs = [
      '',
      '\u0000\u0001binary\uFFFD',
      'receivers: &a [*a]',
      'exporters: !!binary aGVsbG8=\nreceivers: {}\n',
      `receivers:\n${'  '.repeat(200)}x: 1\n`,
      `${'['.repeat(500)}receivers:`,
      'kind: Telemetry\napiVersion: telemetry.istio.io/v1\nspec: 5\n',
      'kind: Telemetry\napiVersion: telemetry.istio.io/v1\nspec:\n  tracing:\n    - providers: [[[]]]\n      customTags: 7\n      randomSamplingPercentage: .nan\n',
      'kind: ConfigMap\nmetadata: {name: istio}\ndata:\n  mesh: "extensionProviders: [{name: x, opentelemetry: {service: http://x, port: 0}}]"\n',
      'service:\n  pipelines:\n    traces: null\n    logs: [1, 2]\nreceivers: 3\nexporters: [a]\n',
      'extensionProviders: {name: x}\ndefaultProviders: {tracing: [{}]}\n',
      'kind: OpenTelemetryCollector\napiVersion: opentelemetry.io/v1alpha1\nspec:\n  config: "receivers: [unclosed"\n',
    ];
    for (const text of inputs) {
      assert.doesNotThrow(() => lintMeshYamlFiles([{ path: '/w/odd.yaml', text }]), JSON.stringify(text.slice(0, 40)));
    }
  });

  it('reports YAML embedded in a quoted string at the string, without offering edits there', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\ndata:\n  mesh: "extensionProviders: [{name: otel, opentelemetry: {service: \'http://otel.o.svc.cluster.local\', port: 4317}}]"\n';
    const [finding] = lintMeshYamlFiles([{ path: '/w/cm.yaml', text }]);
    assert.equal(finding?.ruleId, 'mesh-provider-service');
    assert.equal(finding.line, 6);
    assert.equal(finding.column, 9);
    assert.deepEqual(finding.fixes, []);
  });

  it('reports syntax errors of embedded YAML inside the literal block, at the right line', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: otel\ndata:\n  config.yaml: |\n    receivers:\n      otlp: {protocols: [}\n    exporters: {}\n';
    const findings = lintMeshYamlFiles([{ path: '/w/cm.yaml', text }]);
    assert.ok(findings.length > 0);
    assert.ok(findings.every((finding) => finding.ruleId === 'yaml-syntax' && finding.line === 8), JSON.stringify(findings));
  });

  it('checks collector configs in OpenTelemetryCollector resources and Helm chart values', () => {
    const resource = 'apiVersion: opentelemetry.io/v1beta1\nkind: OpenTelemetryCollector\nmetadata:\n  name: otel\nspec:\n  image: otel/opentelemetry-collector-contrib:0.150.0\n  config:\n    receivers:\n      otlp:\n        protocols:\n          grpc:\n            endpoint: 0.0.0.0:4317\n    exporters:\n      otlp:\n        endpoint: jaeger.o.svc.cluster.local:4317\n    service:\n      pipelines:\n        traces:\n          receivers: [otlp]\n          exporters: [otlp]\n';
    assert.deepEqual(rules([{ path: '/w/otel.yaml', text: resource }]), ['collector-deprecated-component']);
    // Chart values are merged with the chart's default config: references to its components are not errors.
    const values = 'mode: deployment\nimage:\n  repository: otel/opentelemetry-collector-contrib\n  tag: 0.100.0\nconfig:\n  exporters:\n    logging: {}\n  service:\n    pipelines:\n      traces:\n        exporters: [logging, debug]\n';
    const findings = lintMeshYamlFiles([{ path: '/w/values.yaml', text: values }]);
    assert.deepEqual(findings.map((finding) => `${finding.ruleId}:${finding.severity}`), ['collector-deprecated-component:warning']);
  });

  it('takes the collector release from the file, then the setting, then the workspace’s images', () => {
    const config = 'receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\nexporters:\n  otlp_grpc: {endpoint: "j:4317"}\nservice:\n  pipelines:\n    traces: {receivers: [otlp], exporters: [otlp_grpc]}\n';
    const deployment = (tag: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: c}\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: otel/opentelemetry-collector-contrib:${tag}\n`;
    assert.deepEqual(rules([{ path: '/w/c.yaml', text: config }]), [], 'unknown release: no opinion on otlp_grpc');
    assert.deepEqual(lintMeshYamlFiles([{ path: '/w/c.yaml', text: config }], { collectorVersion: '0.120.0' }).map((finding) => finding.ruleId), ['collector-component-too-new']);
    assert.deepEqual(rules([{ path: '/w/c.yaml', text: config }, { path: '/w/d.yaml', text: deployment('0.120.0') }]), ['collector-component-too-new']);
    assert.deepEqual(rules([{ path: '/w/c.yaml', text: config }, { path: '/w/d.yaml', text: deployment('0.120.0') }, { path: '/w/e.yaml', text: deployment('0.150.0') }]), [], 'images disagree');
    assert.deepEqual(lintMeshYamlFiles([{ path: '/w/c.yaml', text: `# OpenTelemetry Collector 0.150.0\n${config}` }], { collectorVersion: '0.120.0' }), [], 'the file wins');
  });

  it('follows a Service from the provider port to the container port', () => {
    const mesh = 'extensionProviders:\n  - name: otel\n    opentelemetry:\n      service: otel.observability.svc.cluster.local\n      port: 80\n';
    const collector = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: otel, namespace: observability}\ndata:\n  config.yaml: |\n    receivers:\n      otlp:\n        protocols:\n          grpc: {endpoint: "0.0.0.0:4317"}\n    exporters: {debug: {}}\n    service:\n      pipelines:\n        traces: {receivers: [otlp], exporters: [debug]}\n';
    const service = (targetPort: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: otel, namespace: observability}\nspec:\n  ports:\n    - {name: grpc-otlp, port: 80, targetPort: ${targetPort}}\n`;
    const workspace = (targetPort: string): MeshYamlFile[] => [
      { path: '/w/mesh.yaml', text: mesh },
      { path: '/w/collector.yaml', text: collector },
      { path: '/w/service.yaml', text: service(targetPort) },
    ];
    assert.deepEqual(rules(workspace('4317')), []);
    const [finding] = lintMeshYamlFiles(workspace('4318'));
    assert.equal(finding?.ruleId, 'mesh-provider-port-not-served');
    assert.match(finding.message, /Service otel forwards it to 4318/);
    assert.deepEqual(finding.fixes, [], 'changing the provider port would not fix the Service');
    assert.equal(finding.related.length, 1);
  });

  it('counts the ports a Jaeger started without a config file listens on', () => {
    const mesh = (port: number): string => `extensionProviders:\n  - name: jaeger\n    opentelemetry:\n      service: jaeger.observability.svc.cluster.local\n      port: ${port}\n`;
    const jaeger = (args: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: jaeger}\nspec:\n  template:\n    spec:\n      containers:\n        - name: jaeger\n          image: jaegertracing/jaeger:2.20.0\n          args: [${args}]\n`;
    assert.deepEqual(rules([{ path: '/w/mesh.yaml', text: mesh(4317) }, { path: '/w/j.yaml', text: jaeger('') }]), []);
    assert.deepEqual(rules([{ path: '/w/mesh.yaml', text: mesh(14317) }, { path: '/w/j.yaml', text: jaeger('') }]), ['mesh-provider-port-not-served']);
    assert.deepEqual(rules([{ path: '/w/mesh.yaml', text: mesh(14317) }, { path: '/w/j.yaml', text: jaeger('--config=/etc/jaeger/config.yaml') }]), [], 'its config is not in the workspace: nothing to compare');
  });

  it('applies the processor reorder fix to a flow list as well', () => {
    const text = 'receivers: {otlp: {protocols: {grpc: {endpoint: "0.0.0.0:4317"}}}}\nprocessors: {batch: {}, memory_limiter: {check_interval: 1s, limit_mib: 400}, tail_sampling: {policies: []}}\nexporters: {debug: {}}\nservice:\n  pipelines:\n    traces: {receivers: [otlp], processors: [batch, tail_sampling, memory_limiter], exporters: [debug]}\n';
    const [finding] = lintMeshYamlFiles([{ path: '/w/c.yaml', text }]);
    assert.equal(finding?.ruleId, 'collector-processor-order');
    const fixed = applyTextEdits(text, '/w/c.yaml', finding.fixes[0]?.edits ?? []);
    assert.match(fixed, /processors: \[memory_limiter, tail_sampling, batch\]/);
    assert.deepEqual(rules([{ path: '/w/c.yaml', text: fixed }]), []);
  });

  it('renames a removed exporter everywhere it is referenced, in every pipeline', () => {
    const text = '# OpenTelemetry Collector 0.120.0\nreceivers: {otlp: {protocols: {grpc: {endpoint: "0.0.0.0:4317"}}}}\nexporters:\n  logging/verbose:\n    loglevel: info\nservice:\n  pipelines:\n    traces: {receivers: [otlp], exporters: [logging/verbose]}\n    metrics:\n      receivers: [otlp]\n      exporters:\n        - logging/verbose\n';
    const [finding] = lintMeshYamlFiles([{ path: '/w/c.yaml', text }]);
    assert.equal(finding?.ruleId, 'collector-removed-component');
    const fixed = applyTextEdits(text, '/w/c.yaml', finding.fixes[0]?.edits ?? []);
    assert.equal((fixed.match(/debug\/verbose/g) ?? []).length, 3);
    assert.match(fixed, /verbosity: normal/);
    assert.deepEqual(rules([{ path: '/w/c.yaml', text: fixed }]), []);
  });
});
