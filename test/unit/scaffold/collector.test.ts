import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { lintMeshYamlFiles } from '../../../src/core/meshYaml/lint';
import { collectorWizard } from '../../../src/core/scaffold/wizards/collector';
import { completeAnswers, emptyContext, type Answers } from '../../../src/core/scaffold/wizard';
import { sharedFixturesDir } from '../../support/fixtures';
import { loadComponentSchemas, type ComponentSchemas } from '../../support/otelcolComponentSchemas';

const kinds = ['receivers', 'processors', 'exporters', 'extensions'] as const;
const singular = { receivers: 'receiver', processors: 'processor', exporters: 'exporter', extensions: 'extension' } as const;

type Config = Partial<Record<(typeof kinds)[number], Record<string, unknown>>>;

const matrix: Record<string, readonly Answers[]> = {
  version: [{}, { version: '0.146.0' }, { version: '0.144.0' }, { version: '0.143.0' }, { version: '0.110.0' }, { version: '0.86.0' }, { version: '0.85.0' }, { version: '0.80.0' }],
  receivers: [{}, { receivers: ['otlp-grpc'] }, { receivers: ['otlp-http', 'zipkin', 'jaeger'] }],
  processors: [
    {},
    { processors: [] },
    { processors: ['memory_limiter', 'k8sattributes', 'resource', 'attributes', 'tail_sampling', 'batch'] },
    { processors: ['batch', 'tail_sampling'], policies: ['latency'], latencyMs: '2000' },
  ],
  exporters: [{}, { exporters: ['debug'] }, { exporters: ['jaeger', 'otlp-http', 'debug', 'zipkin'], otlpHttpEndpoint: 'https://api.honeycomb.io' }],
  extensions: [{}, { extensions: [] }, { extensions: ['health_check', 'pprof', 'zpages'] }],
  kubernetes: [{}, { kubernetes: ['configmap'] }, { kubernetes: ['deployment', 'service'], namespace: 'otel', name: 'gateway' }],
};

/**
 * Every release × processors × exporters × Kubernetes objects combination, with the receivers and extensions
 * answers rotating through theirs (a full product would be 2,592 configs for little more coverage).
 */
function combinations(): Answers[] {
  const rotated = ['receivers', 'extensions'];
  let all: Answers[] = [{}];
  for (const [step, options] of Object.entries(matrix)) {
    if (!rotated.includes(step)) all = all.flatMap((answers) => options.map((option) => ({ ...answers, ...option })));
  }
  return all.map((answers, index) => ({
    ...answers,
    ...rotated.reduce((extra, step) => {
      const options = matrix[step] ?? [];
      return { ...extra, ...options[index % options.length] };
    }, {}),
  }));
}

/** The collector config in a generated file: the file itself, or the ConfigMap's config.yaml. */
function configOf(text: string): Config {
  const documents = parseAllDocuments(text).map((document) => document.toJS() as Record<string, unknown>);
  const configMap = documents.find((document) => document.kind === 'ConfigMap') as { data: Record<string, string> } | undefined;
  return (configMap ? parse(configMap.data['config.yaml'] ?? '') : documents[0]) as Config;
}

describe('Collector config generator', () => {
  let schemas: ComponentSchemas | undefined;
  before(() => {
    schemas = loadComponentSchemas();
  });
  const componentSchemas = (): ComponentSchemas => {
    if (!schemas) throw new Error('schemas not loaded');
    return schemas;
  };

  it('the component schemas accept the collector’s own test configs and reject broken ones', () => {
    const fixtures = path.join(sharedFixturesDir(), 'otelcol-configs');
    const read = (file: string): unknown => parse(readFileSync(path.join(fixtures, file), 'utf8'));
    const check = componentSchemas();
    assert.deepEqual(check.validate('receiver', 'otlp', read('otlpreceiver-config.yaml')), []);
    assert.deepEqual(check.validate('processor', 'batch', read('batchprocessor-config.yaml')), []);
    assert.deepEqual(check.validate('exporter', 'otlp', read('otlpexporter-config.yaml')), []);
    assert.deepEqual(check.validate('exporter', 'otlphttp', read('otlphttpexporter-config.yaml')), []);
    assert.notDeepEqual(check.validate('processor', 'batch', { timeout: 10 }), []);
    assert.notDeepEqual(check.validate('processor', 'batch', { send_batch_size: -1, timeout: 'soon' }), []);
    assert.notDeepEqual(check.validate('receiver', 'otlp', { protocols: { grpcc: {} } }), []);
    assert.notDeepEqual(check.validate('exporter', 'debug', { verbosty: 'basic' }), []);
    assert.equal(check.validate('processor', 'tail_sampling', {}), undefined);
  });

  it('records which schema parts could not be checked: the $refs to files not copied', () => {
    assert.deepEqual([...componentSchemas().unresolvedRefs].sort(), [
      '/config/configgrpc.client_config',
      '/config/configgrpc.server_config',
      '/config/confighttp.client_config',
      '/config/confighttp.server_config',
      '/config/configretry.back_off_config',
      '/config/configtelemetry.level',
      '/exporter/exporterhelper.queue_batch_config',
      '/exporter/exporterhelper.timeout_config',
      '/internal/memorylimiter.config',
    ]);
  });

  const all = combinations();
  it(`generates ${all.length} configs that pass the YAML linter and the component schemas`, function () {
    this.timeout(20_000);
    const checked = new Set<string>();
    const failures: string[] = [];
    for (const answers of all) {
      const output = collectorWizard.build(completeAnswers(collectorWizard, answers, emptyContext));
      const findings = lintMeshYamlFiles([{ path: '/w/otel-collector.yaml', text: output.text }]);
      failures.push(...findings.map((finding) => `${JSON.stringify(answers)} lint ${finding.ruleId}: ${finding.message}`));
      const config = configOf(output.text);
      for (const kind of kinds) {
        for (const [id, settings] of Object.entries(config[kind] ?? {})) {
          const type = id.split('/')[0] ?? id;
          const errors = componentSchemas().validate(singular[kind], type, settings);
          if (errors === undefined) continue;
          checked.add(`${singular[kind]}/${type}`);
          failures.push(...errors.map((error) => `${JSON.stringify(answers)} ${kind}.${id}: ${error}`));
        }
      }
    }
    assert.deepEqual(failures.slice(0, 5), []);
    assert.deepEqual([...checked].sort(), ['exporter/debug', 'exporter/otlp', 'exporter/otlp_grpc', 'exporter/otlp_http', 'exporter/otlphttp', 'processor/batch', 'processor/memory_limiter', 'receiver/otlp']);
  });

  it('names components for the target release', () => {
    const exporterIds = (version: string): string[] =>
      Object.keys(configOf(collectorWizard.build(completeAnswers(collectorWizard, { version, exporters: ['jaeger', 'otlp-http', 'debug'], processors: ['k8sattributes'] }, emptyContext)).text).exporters ?? {});
    assert.deepEqual(exporterIds('0.85.0'), ['otlp/jaeger', 'otlphttp', 'logging']);
    assert.deepEqual(exporterIds('0.86.0'), ['otlp/jaeger', 'otlphttp', 'debug']);
    assert.deepEqual(exporterIds('0.143.0'), ['otlp/jaeger', 'otlphttp', 'debug']);
    assert.deepEqual(exporterIds('0.144.0'), ['otlp_grpc/jaeger', 'otlp_http', 'debug']);
    const processors = (version: string): string[] =>
      Object.keys(configOf(collectorWizard.build(completeAnswers(collectorWizard, { version, processors: ['k8sattributes'] }, emptyContext)).text).processors ?? {});
    assert.deepEqual(processors('0.145.0'), ['k8sattributes']);
    assert.deepEqual(processors('0.146.0'), ['k8s_attributes']);
  });

  it('listens on 0.0.0.0, orders processors, and probes the health_check port from the Deployment', () => {
    const output = collectorWizard.build(
      completeAnswers(collectorWizard, { processors: ['batch', 'tail_sampling', 'memory_limiter'], extensions: [], kubernetes: ['deployment', 'service'] }, emptyContext),
    );
    const documents = parseAllDocuments(output.text).map((document) => document.toJS() as Record<string, unknown>);
    assert.deepEqual(documents.map((document) => document.kind), ['ConfigMap', 'Deployment', 'Service']);
    const config = configOf(output.text) as { service: { pipelines: { traces: { processors: string[] } }; extensions: string[] }; extensions: Record<string, { endpoint: string }> };
    assert.deepEqual(config.service.pipelines.traces.processors, ['memory_limiter', 'tail_sampling', 'batch']);
    assert.deepEqual(config.service.extensions, ['health_check']);
    assert.equal(config.extensions.health_check?.endpoint, '0.0.0.0:13133');
    const deployment = documents[1] as { spec: { template: { spec: { containers: { image: string; readinessProbe: { httpGet: { port: number } } }[] } } } };
    const [container] = deployment.spec.template.spec.containers;
    assert.equal(container?.image, 'otel/opentelemetry-collector-contrib:0.159.0');
    assert.equal(container.readinessProbe.httpGet.port, 13133);
    const service = documents[2] as { spec: { ports: { name: string; port: number }[] } };
    assert.deepEqual(service.spec.ports.map((port) => `${port.name}:${port.port}`), ['grpc-otlp:4317', 'http-otlp:4318']);
  });
});
