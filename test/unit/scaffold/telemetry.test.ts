import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { lintMeshYamlFiles } from '../../../src/core/meshYaml/lint';
import { meshDefaultProvider, telemetryWizard } from '../../../src/core/scaffold/wizards/telemetry';
import { completeAnswers, emptyContext, type Answers } from '../../../src/core/scaffold/wizard';
import { celRuleViolations, telemetryDocumentValidator } from '../../support/istioTelemetrySchema';

/** Every combination of these answers is generated and validated. */
const matrix: Record<string, readonly Answers[]> = {
  scope: [
    { scope: 'mesh' },
    { scope: 'mesh', rootNamespace: 'istio-config' },
    { scope: 'namespace', namespace: 'bookinfo' },
    { scope: 'workload', namespace: 'bookinfo', selector: 'app=reviews' },
    { scope: 'workload', namespace: 'shop', selector: 'app.kubernetes.io/name=cart, version=v2' },
    { scope: 'targetRefs', namespace: 'bookinfo', targetRefs: 'Service/reviews' },
    { scope: 'targetRefs', namespace: 'istio-ingress', targetRefs: 'Gateway/ingress, ServiceEntry/payments-api, GatewayClass/istio' },
  ],
  provider: [{}, { provider: 'zipkin' }, { provider: meshDefaultProvider }],
  sampling: [{}, { sampling: '0' }, { sampling: '100' }, { sampling: '12.5' }, { sampling: '' }],
  customTags: [{}, { customTags: 'cluster=literal:prod-eu' }, { customTags: 'user=header:x-user-id:anonymous, pod=env:POD_NAME, zone=env:ZONE' }],
  matchMode: [{}, { matchMode: 'SERVER' }, { matchMode: 'CLIENT' }],
  reporting: [{}, { reporting: 'disable' }],
};

function combinations(): Answers[] {
  let all: Answers[] = [{}];
  for (const options of Object.values(matrix)) all = all.flatMap((answers) => options.map((option) => ({ ...answers, ...option })));
  return all;
}

describe('Telemetry generator', () => {
  let validate: (document: unknown) => string[] = () => ['not loaded'];
  before(() => {
    validate = telemetryDocumentValidator();
  });

  it('the validator rejects what Istio rejects (negative controls)', () => {
    const base = { apiVersion: 'telemetry.istio.io/v1', kind: 'Telemetry', metadata: { name: 'x', namespace: 'y' } };
    assert.notDeepEqual(validate({ ...base, spec: { tracing: [{ randomSamplingPercentage: 101 }] } }), []);
    assert.notDeepEqual(validate({ ...base, spec: { tracing: [{ providers: [{ name: '' }] }] } }), []);
    assert.notDeepEqual(validate({ ...base, spec: { tracing: [{ match: { mode: 'BOTH' } }] } }), []);
    assert.notDeepEqual(validate({ ...base, spec: { tracing: [{ samplingRate: 5 }] } }), []);
    assert.notDeepEqual(validate({ ...base, spec: { tracing: [{ customTags: { a: { literal: { value: 'x' }, header: { name: 'h' } } } }] } }), []);
    assert.notDeepEqual(validate({ ...base, spec: { targetRefs: [{ kind: 'Service' }] } }), []);
    assert.deepEqual(celRuleViolations({ spec: { selector: { matchLabels: { app: 'a' } }, targetRefs: [{ kind: 'Service', name: 'a' }] } }), ['only one of targetRefs or selector can be set']);
    assert.deepEqual(validate({ ...base, spec: { tracing: [{ randomSamplingPercentage: 50 }] } }), []);
  });

  const all = combinations();
  it(`validates every one of ${all.length} generated Telemetry documents against Istio's v1 CRD schema`, function () {
    this.timeout(20_000);
    assert.ok(all.length > 1000);
    const failures: string[] = [];
    for (const answers of all) {
      const output = telemetryWizard.build(completeAnswers(telemetryWizard, answers, emptyContext));
      const errors = validate(parse(output.text));
      if (errors.length > 0) failures.push(`${JSON.stringify(answers)}: ${errors.join('; ')}`);
    }
    assert.deepEqual(failures.slice(0, 5), []);
  });

  it('writes exactly the answers given', () => {
    const answers = { scope: 'workload', namespace: 'shop', selector: 'app=cart', provider: 'otel', sampling: '25', customTags: 'user=header:x-user-id', matchMode: 'SERVER', reporting: 'disable' };
    const output = telemetryWizard.build(completeAnswers(telemetryWizard, answers, emptyContext));
    assert.deepEqual(parse(output.text), {
      apiVersion: 'telemetry.istio.io/v1',
      kind: 'Telemetry',
      metadata: { name: 'cart-tracing', namespace: 'shop' },
      spec: {
        selector: { matchLabels: { app: 'cart' } },
        tracing: [
          {
            providers: [{ name: 'otel' }],
            randomSamplingPercentage: 25,
            customTags: { user: { header: { name: 'x-user-id' } } },
            match: { mode: 'SERVER' },
            disableSpanReporting: true,
          },
        ],
      },
    });
    assert.equal(output.languageId, 'yaml');
    assert.equal(output.fileName, 'cart-tracing.telemetry.yaml');
  });

  it('passes the YAML linter (with a mesh config defining its provider)', () => {
    const mesh = 'extensionProviders:\n  - name: otel-tracing\n    opentelemetry:\n      service: otel-collector.observability.svc.cluster.local\n      port: 4317\n';
    for (const answers of all.filter((_, index) => index % 37 === 0)) {
      const output = telemetryWizard.build(completeAnswers(telemetryWizard, { ...answers, provider: 'otel-tracing' }, emptyContext));
      const findings = lintMeshYamlFiles([{ path: '/w/telemetry.yaml', text: output.text }, { path: '/w/mesh.yaml', text: mesh }]);
      assert.deepEqual(findings.map((finding) => finding.message), [], JSON.stringify(answers));
    }
  });

  it('offers the workspace’s providers first and defaults to the first of them', () => {
    const context = { meshProviders: ['jaeger-otlp', 'zipkin'] };
    const providerStep = telemetryWizard.steps.find((step) => step.id === 'provider');
    assert.ok(providerStep?.kind === 'pick');
    assert.deepEqual(providerStep.choices({}, context).map((choice) => choice.id), ['jaeger-otlp', 'zipkin', meshDefaultProvider]);
    const output = telemetryWizard.build(completeAnswers(telemetryWizard, {}, context));
    assert.match(output.text, /- name: jaeger-otlp/);
  });
});
