import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { completeAnswers, emptyContext, type Answers } from '../../src/core/scaffold/wizard';
import { collectorWizard } from '../../src/core/scaffold/wizards/collector';
import { telemetryWizard } from '../../src/core/scaffold/wizards/telemetry';
import { readWorkspace, ruleFixturesDir } from '../support/meshYamlFixtures';
import { expandSnippet } from '../support/snippets';

/** The compiled file lives in out/test/unit, so the repository root is three levels up. */
const repoRoot = path.resolve(__dirname, '..', '..', '..');

interface Manifest {
  contributes: { yamlValidation: { fileMatch: string[]; url: string }[] };
}

function compile(file: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  // Keywords the Red Hat YAML extension (yaml-language-server) reads for hover, completion and deprecation.
  ajv.addVocabulary(['markdownDescription', 'deprecationMessage']);
  ajv.addFormat('uri', /^https?:\/\/\S+$/);
  return ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as object);
}

/** VS Code fileMatch patterns: `*` within a file name; patterns without a slash match the base name. */
function matches(pattern: string, fileName: string): boolean {
  const expression = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
  return expression.test(path.basename(fileName));
}

function errorsOf(validate: ValidateFunction, data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

describe('JSON schemas for the Red Hat YAML extension', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
  const telemetry = compile('schemas/telemetry.schema.json');
  const collector = compile('schemas/otelcol.schema.json');

  it('are contributed with yamlValidation for the file names the wizards suggest (and not for Kubernetes bundles)', () => {
    const urls = manifest.contributes.yamlValidation.map((entry) => entry.url);
    assert.deepEqual(urls, ['./schemas/telemetry.schema.json', './schemas/otelcol.schema.json']);
    const schemaFor = (fileName: string): string | undefined =>
      manifest.contributes.yamlValidation.find((entry) => entry.fileMatch.some((pattern) => matches(pattern, fileName)))?.url;
    const build = (wizard: typeof telemetryWizard, answers: Answers): string => wizard.build(completeAnswers(wizard, answers, emptyContext)).fileName;
    assert.equal(schemaFor(build(telemetryWizard, {})), './schemas/telemetry.schema.json');
    assert.equal(schemaFor(build(collectorWizard, {})), './schemas/otelcol.schema.json');
    assert.equal(schemaFor(build(collectorWizard, { kubernetes: ['configmap'] })), undefined);
  });

  it('the Telemetry schema accepts generated Telemetry resources', () => {
    const cases: Answers[] = [{}, { scope: 'workload', selector: 'app=a', customTags: 'a=header:x-a:b, e=env:E, l=literal:v', matchMode: 'SERVER', reporting: 'disable' }, { scope: 'targetRefs', provider: '(default)', sampling: '' }];
    for (const answers of cases) {
      const document = parse(telemetryWizard.build(completeAnswers(telemetryWizard, answers, emptyContext)).text) as unknown;
      assert.deepEqual(errorsOf(telemetry, document), [], JSON.stringify(answers));
    }
  });

  it('the Telemetry schema rejects the schema errors of the failing fixtures and accepts the passing ones', () => {
    for (const rule of ['telemetry-sampling-range', 'telemetry-empty-provider', 'telemetry-selector-and-targetrefs', 'telemetry-invalid-field']) {
      const documents = (folder: string): unknown[] =>
        readWorkspace(path.join(ruleFixturesDir, rule, folder)).flatMap((file) => file.text.split(/^---$/m).map((text) => parse(text) as unknown)).filter((document) => (document as { kind?: string }).kind === 'Telemetry');
      assert.ok(documents('fail').some((document) => errorsOf(telemetry, document).length > 0), `${rule}/fail`);
      for (const document of documents('pass')) assert.deepEqual(errorsOf(telemetry, document), [], `${rule}/pass`);
    }
  });

  it('the collector schema accepts generated configs and the passing fixtures', () => {
    const configs: Answers[] = [{}, { version: '0.110.0', receivers: ['otlp-grpc', 'otlp-http', 'zipkin', 'jaeger'], processors: ['memory_limiter', 'k8sattributes', 'resource', 'attributes', 'tail_sampling', 'batch'], exporters: ['jaeger', 'otlp-http', 'debug', 'zipkin'], extensions: ['health_check', 'pprof', 'zpages'] }];
    for (const answers of configs) {
      assert.deepEqual(errorsOf(collector, parse(collectorWizard.build(completeAnswers(collectorWizard, answers, emptyContext)).text)), [], JSON.stringify(answers));
    }
    for (const rule of ['collector-undefined-component', 'collector-pipeline-incomplete', 'collector-deprecated-component', 'collector-unknown-component']) {
      for (const file of readWorkspace(path.join(ruleFixturesDir, rule, 'pass'))) assert.deepEqual(errorsOf(collector, parse(file.text)), [], file.path);
    }
  });

  it('the collector schema catches what it can describe', () => {
    const base = { receivers: { otlp: { protocols: { grpc: { endpoint: '0.0.0.0:4317' } } } }, exporters: { debug: {} } };
    const service = (pipelines: unknown): unknown => ({ ...base, service: { pipelines } });
    assert.notDeepEqual(errorsOf(collector, service({ trace: { receivers: ['otlp'], exporters: ['debug'] } })), [], 'pipeline type');
    assert.notDeepEqual(errorsOf(collector, service({ traces: { receivers: ['otlp'] } })), [], 'no exporters');
    assert.notDeepEqual(errorsOf(collector, { ...base, exporters: { debug: { verbosity: 'loud' } }, service: { pipelines: {} } }), [], 'verbosity');
    assert.notDeepEqual(errorsOf(collector, { ...base, receivers: { otlp: { protocols: { grpcc: {} } } }, service: { pipelines: {} } }), [], 'protocol');
    assert.notDeepEqual(errorsOf(collector, { ...base, processors: { memory_limiter: { limit_mib: 400 } }, service: { pipelines: {} } }), [], 'check_interval');
    assert.deepEqual(errorsOf(collector, service({ 'traces/jaeger': { receivers: ['otlp'], exporters: ['debug'] } })), []);
  });

  it('YAML snippets validate against the matching schema', () => {
    const snippets = JSON.parse(readFileSync(path.join(repoRoot, 'snippets', 'yaml.json'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
    const expanded = (prefix: string): unknown => parse(expandSnippet(Object.values(snippets).find((snippet) => snippet.prefix === prefix)?.body.join('\n') ?? ''));
    assert.deepEqual(errorsOf(telemetry, expanded('ts-telemetry')), []);
    assert.deepEqual(errorsOf(telemetry, expanded('ts-telemetry-workload')), []);
    assert.deepEqual(errorsOf(collector, expanded('ts-otelcol')), []);
  });
});
