import * as assert from 'node:assert/strict';
import {
  parseAttributeKeys,
  parseCollectorRelease,
  parseCustomTags,
  parseGoPackage,
  parseHostPort,
  parseHttpPath,
  parseHttpUrl,
  parseJaegerRelease,
  parseJavaPackage,
  parseKeyValues,
  parseLabels,
  parseNamespace,
  parsePercentage,
  parsePort,
  parsePositiveInteger,
  parseProviderName,
  parseProviderService,
  parseResourceName,
  parseServiceName,
  parseTargetRefs,
  type Parsed,
} from '../../../src/core/scaffold/inputs';

function value<T>(parsed: Parsed<T>): T {
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return parsed.value;
}

function error<T>(parsed: Parsed<T>): string {
  assert.ok(!parsed.ok, `expected a problem, got ${JSON.stringify(parsed)}`);
  return parsed.error;
}

describe('Wizard input validators', () => {
  it('namespaces and names follow Kubernetes naming', () => {
    assert.equal(value(parseNamespace(' istio-system ')), 'istio-system');
    assert.match(error(parseNamespace('Istio')), /lowercase/);
    assert.match(error(parseNamespace('a'.repeat(64))), /up to 63/);
    assert.match(error(parseNamespace('')), /Enter a namespace/);
    assert.equal(value(parseResourceName('mesh.default')), 'mesh.default');
    assert.match(error(parseResourceName('-x')), /starting and ending/);
    assert.equal(value(parseServiceName('otel-collector')), 'otel-collector');
    assert.match(error(parseServiceName('1collector')), /starting with a letter/);
  });

  it('provider names and services', () => {
    assert.equal(value(parseProviderName('otel-tracing')), 'otel-tracing');
    assert.match(error(parseProviderName('otel tracing')), /no spaces/);
    assert.equal(value(parseProviderService('observability/otel.example.com')), 'observability/otel.example.com');
    assert.match(error(parseProviderService('http://otel.observability.svc.cluster.local:4317')), /URL scheme.*port 4317.*Try otel\.observability\.svc\.cluster\.local/);
    assert.match(error(parseProviderService('otel-collector')), /not fully qualified/);
    assert.match(error(parseProviderService('otel_collector.observability')), /not a valid host name/);
  });

  it('ports, percentages, counts and paths', () => {
    assert.equal(value(parsePort('4317')), 4317);
    for (const bad of ['0', '65536', '43a', '']) assert.match(error(parsePort(bad)), /1 to 65535/);
    assert.equal(value(parsePercentage('12.5')), 12.5);
    assert.equal(value(parsePercentage('100%')), 100);
    assert.equal(value(parsePercentage('')), undefined);
    for (const bad of ['101', '-1', 'ten']) assert.match(error(parsePercentage(bad)), /0 to 100/);
    assert.equal(value(parsePositiveInteger('500', 'x', 1000)), 500);
    assert.match(error(parsePositiveInteger('0', 'The threshold', 1000)), /The threshold is a whole number from 1 to 1000/);
    assert.equal(value(parseHttpPath('/v1/traces')), '/v1/traces');
    assert.match(error(parseHttpPath('v1/traces')), /starts with \//);
  });

  it('labels, targetRefs and custom tags', () => {
    assert.deepEqual(value(parseLabels('app=reviews, app.kubernetes.io/version=v2')), { app: 'reviews', 'app.kubernetes.io/version': 'v2' });
    assert.match(error(parseLabels('app=*')), /no wildcards/);
    assert.match(error(parseLabels('')), /at least one label/);
    assert.deepEqual(value(parseTargetRefs('Service/reviews, Gateway/ingress')), [
      { group: '', kind: 'Service', name: 'reviews' },
      { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'ingress' },
    ]);
    assert.match(error(parseTargetRefs('Deployment/reviews')), /Kind one of Service, ServiceEntry, Gateway, GatewayClass/);
    assert.match(error(parseTargetRefs(Array.from({ length: 17 }, (_, index) => `Service/s${index}`).join(','))), /at most 16/);
    assert.deepEqual(value(parseCustomTags('env=literal:prod, user=header:x-user-id:anonymous, pod=env:POD_NAME')), [
      { tag: 'env', kind: 'literal', value: 'prod' },
      { tag: 'user', kind: 'header', name: 'x-user-id', defaultValue: 'anonymous' },
      { tag: 'pod', kind: 'environment', name: 'POD_NAME' },
    ]);
    assert.deepEqual(value(parseCustomTags('')), []);
    assert.match(error(parseCustomTags('env=prod')), /not tag=literal:value/);
    assert.match(error(parseCustomTags('a=literal:x, a=literal:y')), /given twice/);
    assert.match(error(parseCustomTags('a=header:')), /needs a header name/);
  });

  it('collector settings', () => {
    assert.deepEqual(value(parseKeyValues('deployment.environment=prod, team=core')), [['deployment.environment', 'prod'], ['team', 'core']]);
    assert.match(error(parseKeyValues('=x')), /not key=value/);
    assert.deepEqual(value(parseAttributeKeys('a, b.c')), ['a', 'b.c']);
    assert.equal(value(parseHostPort('jaeger.observability.svc.cluster.local:4317')), 'jaeger.observability.svc.cluster.local:4317');
    assert.match(error(parseHostPort('http://jaeger:4317')), /no http:\/\//);
    assert.equal(value(parseHttpUrl('https://otlp.example.com')), 'https://otlp.example.com');
    assert.match(error(parseHttpUrl('ftp://x')), /http:\/\/ or https:\/\//);
    assert.match(error(parseHttpUrl('otlp.example.com')), /Enter a URL/);
  });

  it('releases and package names', () => {
    assert.equal(value(parseCollectorRelease('v0.120.1')), '0.120.1');
    assert.match(error(parseCollectorRelease('0.79.0')), /before 0\.80\.0/);
    assert.match(error(parseCollectorRelease('1.2.3')), /such as 0\.120\.0/);
    assert.equal(value(parseJaegerRelease('2.20.0')), '2.20.0');
    assert.match(error(parseJaegerRelease('1.63.0')), /Jaeger v2 release/);
    assert.equal(value(parseGoPackage('tracing')), 'tracing');
    assert.match(error(parseGoPackage('Tracing')), /lowercase/);
    assert.equal(value(parseJavaPackage('com.example.tracing')), 'com.example.tracing');
    assert.match(error(parseJavaPackage('com.Example')), /dot-separated lowercase/);
  });
});
