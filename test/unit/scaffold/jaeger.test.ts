import * as assert from 'node:assert/strict';
import { parse, parseAllDocuments } from 'yaml';
import { lintMeshYamlFiles } from '../../../src/core/meshYaml/lint';
import { jaegerWizard } from '../../../src/core/scaffold/wizards/jaeger';
import { completeAnswers, emptyContext } from '../../../src/core/scaffold/wizard';

interface Container {
  image: string;
  ports: { containerPort: number }[];
  readinessProbe: { httpGet: { path: string; port: number } };
}

describe('Jaeger v2 all-in-one generator', () => {
  const text = jaegerWizard.build(completeAnswers(jaegerWizard, { namespace: 'tracing', maxTraces: '5000' }, emptyContext)).text;
  const documents = parseAllDocuments(text).map((document) => document.toJS() as Record<string, unknown>);

  it('writes a ConfigMap, a Deployment and a Service that pass the linter', () => {
    assert.deepEqual(documents.map((document) => document.kind), ['ConfigMap', 'Deployment', 'Service']);
    assert.deepEqual(lintMeshYamlFiles([{ path: '/w/jaeger.yaml', text }]).map((finding) => finding.message), []);
  });

  it('runs jaegertracing/jaeger 2.x out of the mesh, probed on the v2 health check', () => {
    const deployment = documents[1] as { spec: { template: { metadata: { labels: Record<string, string> }; spec: { containers: Container[] } } } };
    assert.equal(deployment.spec.template.metadata.labels['sidecar.istio.io/inject'], 'false');
    const [container] = deployment.spec.template.spec.containers;
    assert.equal(container?.image, 'jaegertracing/jaeger:2.20.0');
    assert.deepEqual(container.ports.map((port) => port.containerPort), [4317, 4318, 16686, 13133]);
    assert.deepEqual(container.readinessProbe.httpGet, { path: '/status', port: 13133 });
  });

  it('stores traces in memory and listens for OTLP on all interfaces', () => {
    const configMap = documents[0] as { data: { 'config.yaml': string } };
    const config = parse(configMap.data['config.yaml']) as {
      extensions: { jaeger_storage: { backends: Record<string, { memory: { max_traces: number } }> }; healthcheckv2: { http: { endpoint: string } } };
      receivers: { otlp: { protocols: { grpc: { endpoint: string }; http: { endpoint: string } } } };
    };
    assert.deepEqual(Object.values(config.extensions.jaeger_storage.backends), [{ memory: { max_traces: 5000 } }]);
    assert.equal(config.receivers.otlp.protocols.grpc.endpoint, '0.0.0.0:4317');
    assert.equal(config.receivers.otlp.protocols.http.endpoint, '0.0.0.0:4318');
    assert.equal(config.extensions.healthcheckv2.http.endpoint, '0.0.0.0:13133');
  });

  it('exposes OTLP 4317/4318 and the UI on 16686 with Istio-named ports', () => {
    const service = documents[2] as { metadata: { namespace: string }; spec: { ports: { name: string; port: number }[] } };
    assert.equal(service.metadata.namespace, 'tracing');
    assert.deepEqual(service.spec.ports.map((port) => `${port.name}:${port.port}`), ['grpc-otlp:4317', 'http-otlp:4318', 'http-query:16686']);
  });
});
