import * as assert from 'node:assert/strict';
import type { CliStreams } from '../../../src/cli/command';
import { runCli } from '../../../src/cli/run';
import { WizardSession } from '../../../src/core/scaffold/session';
import { emptyContext, type AnswerValue, type Wizard } from '../../../src/core/scaffold/wizard';
import { wizards } from '../../../src/core/scaffold/wizards/index';

async function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const streams: CliStreams = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } };
  const code = await runCli(args, streams);
  return { code, stdout, stderr };
}

/** Answers a wizard step by step as the QuickPick flow does: the given answers, the shown default otherwise. */
function driveWizard(wizard: Wizard, answers: Readonly<Record<string, AnswerValue>>): string {
  const session = new WizardSession(wizard, emptyContext);
  for (let current = session.current(); current; current = session.current()) {
    const problem = session.submit(answers[current.step.id] ?? current.value);
    assert.equal(problem, undefined, `${wizard.id}.${current.step.id}`);
  }
  return session.result().text;
}

function flagsFor(wizard: Wizard, answers: Readonly<Record<string, AnswerValue>>): string[] {
  return Object.entries(answers).flatMap(([id, value]) => {
    const step = wizard.steps.find((candidate) => candidate.id === id);
    if (!step) throw new Error(`${wizard.id} has no step ${id}`);
    return [`--${step.flag}`, typeof value === 'string' ? value : value.join(',')];
  });
}

const cases: Readonly<Record<string, readonly Readonly<Record<string, AnswerValue>>[]>> = {
  telemetry: [
    {},
    { scope: 'workload', namespace: 'shop', selector: 'app=cart, version=v2', provider: 'zipkin', sampling: '12.5', customTags: 'user=header:x-user-id:anon', matchMode: 'SERVER' },
    { scope: 'targetRefs', namespace: 'istio-ingress', targetRefs: 'Gateway/ingress', provider: '(default)', sampling: '', reporting: 'disable' },
  ],
  'mesh-provider': [{}, { format: 'configmap', kind: 'zipkin', revision: 'canary', default: 'no' }, { format: 'helm-values', kind: 'otlp-http', port: '4318', path: '/v1/traces' }],
  collector: [
    {},
    { version: '0.110.0', receivers: ['otlp-grpc', 'zipkin'], processors: ['memory_limiter', 'tail_sampling', 'batch'], policies: ['errors'], exporters: ['debug', 'jaeger'], kubernetes: ['deployment', 'service'] },
    { version: '0.150.2', processors: ['resource', 'attributes'], resourceAttributes: 'env=dev', deleteAttributes: 'user.email', exporters: ['otlp-http', 'zipkin'] },
  ],
  jaeger: [{}, { namespace: 'tracing', name: 'jaeger-dev', version: '2.18.0', maxTraces: '5000' }],
  middleware: [{}, { framework: 'go', headers: ['w3c'], goPackage: 'propagation' }, { framework: 'spring', javaPackage: 'io.acme' }, { framework: 'express', headers: ['b3', 'request-id'] }],
};

describe('trace-stitch scaffold', () => {
  it('lists every kind and every flag in --help', async () => {
    const { code, stdout } = await cli(['scaffold', '--help']);
    assert.equal(code, 0);
    for (const wizard of wizards) {
      assert.match(stdout, new RegExp(`^  ${wizard.id} `, 'm'));
      for (const step of wizard.steps) assert.ok(stdout.includes(`--${step.flag} `), `--${step.flag} of ${wizard.id}`);
    }
  });

  for (const wizard of wizards) {
    for (const answers of cases[wizard.id] ?? []) {
      it(`${wizard.id} ${JSON.stringify(answers)}: prints exactly what the wizard writes`, async () => {
        const expected = driveWizard(wizard, answers);
        const { code, stdout, stderr } = await cli(['scaffold', wizard.id, ...flagsFor(wizard, answers)]);
        assert.equal(stderr, '');
        assert.equal(code, 0);
        assert.equal(stdout, expected);
      });
    }
  }

  it('accepts --flag=value', async () => {
    const joined = await cli(['scaffold', 'telemetry', '--sampling=33']);
    const separate = await cli(['scaffold', 'telemetry', '--sampling', '33']);
    assert.equal(joined.stdout, separate.stdout);
    assert.match(joined.stdout, /randomSamplingPercentage: 33/);
  });

  it('refuses invalid answers, unknown flags and flags that do not apply, with exit code 2', async () => {
    const invalid = await cli(['scaffold', 'telemetry', '--sampling', '150', '--bogus', 'x', '--selector', 'app=a']);
    assert.equal(invalid.code, 2);
    assert.equal(invalid.stdout, '');
    assert.match(invalid.stderr, /--sampling: Enter a percentage from 0 to 100/);
    assert.match(invalid.stderr, /Unknown flag --bogus/);
    assert.match(invalid.stderr, /--selector does not apply with the other answers/);
    const unknownKind = await cli(['scaffold', 'operator']);
    assert.equal(unknownKind.code, 2);
    assert.match(unknownKind.stderr, /unknown kind 'operator'; one of telemetry, mesh-provider, collector, jaeger, middleware/);
    const missingValue = await cli(['scaffold', 'jaeger', '--namespace']);
    assert.equal(missingValue.code, 2);
    assert.match(missingValue.stderr, /--namespace needs a value/);
  });
});
