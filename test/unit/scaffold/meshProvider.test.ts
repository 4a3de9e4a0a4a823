import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { lintMeshYamlFiles } from '../../../src/core/meshYaml/lint';
import { analyzeMeshYamlFile } from '../../../src/core/meshYaml/analyze';
import { tracingProviderNames } from '../../../src/core/meshYaml/providers';
import { meshProviderWizard } from '../../../src/core/scaffold/wizards/meshProvider';
import { completeAnswers, emptyContext, type Answers } from '../../../src/core/scaffold/wizard';

function build(answers: Answers): string {
  return meshProviderWizard.build(completeAnswers(meshProviderWizard, answers, emptyContext)).text;
}

describe('Mesh tracing provider generator', () => {
  for (const format of ['istio-operator', 'configmap', 'helm-values']) {
    for (const kind of ['otlp-grpc', 'otlp-http', 'zipkin']) {
      it(`${format} / ${kind}: passes the linter and defines the provider the linter finds`, () => {
        const text = build({ format, kind, default: 'yes', revision: format === 'configmap' ? 'canary' : '' });
        assert.deepEqual(lintMeshYamlFiles([{ path: '/w/mesh.yaml', text }]).map((finding) => finding.message), []);
        const analysis = analyzeMeshYamlFile({ path: '/w/mesh.yaml', text });
        assert.equal(analysis.meshConfigs.length, 1);
        assert.deepEqual(tracingProviderNames(analysis.meshConfigs), [kind === 'zipkin' ? 'zipkin' : 'otel-tracing']);
      });
    }
  }

  it('writes the MeshConfig fields Istio reads', () => {
    const document = parse(build({ format: 'helm-values', kind: 'otlp-http', name: 'otel-http', service: 'observability/otel.example.com', port: '443', path: '/api/traces' })) as unknown;
    assert.deepEqual(document, {
      meshConfig: {
        extensionProviders: [{ name: 'otel-http', opentelemetry: { service: 'observability/otel.example.com', port: 443, http: { path: '/api/traces' } } }],
        defaultProviders: { tracing: ['otel-http'] },
      },
    });
  });

  it('writes the istio ConfigMap (revisioned) with the mesh config as a literal block', () => {
    const text = build({ format: 'configmap', revision: 'canary', default: 'no' });
    const configMap = parse(text) as { metadata: { name: string; namespace: string }; data: { mesh: string } };
    assert.equal(configMap.metadata.name, 'istio-canary');
    assert.equal(configMap.metadata.namespace, 'istio-system');
    assert.match(text, /mesh: \|/);
    assert.deepEqual(parse(configMap.data.mesh), {
      extensionProviders: [{ name: 'otel-tracing', opentelemetry: { service: 'otel-collector.observability.svc.cluster.local', port: 4317 } }],
    });
  });

  it('writes a zipkin path only when it differs from the default', () => {
    assert.doesNotMatch(build({ kind: 'zipkin' }), /path:/);
    assert.match(build({ kind: 'zipkin', path: '/zipkin/api/v2/spans' }), /path: \/zipkin\/api\/v2\/spans/);
  });
});
