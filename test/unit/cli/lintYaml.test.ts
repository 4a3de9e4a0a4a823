import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/run';
import { captureStreams } from '../../support/cliStreams';

const rules = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'meshYaml', 'rules');

interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
}

/** A collector config without a version comment, so the version comes from --config. */
const unversionedCollector = `receivers:
  otlp:
    protocols:
      http:
        endpoint: 0.0.0.0:4318
exporters:
  logging: {}
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [logging]
`;

describe('trace-stitch lint on tracing YAML', () => {
  let workspace = '';
  let previous = '';

  before(() => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-lint-yaml-'));
    cpSync(path.join(rules, 'telemetry-unknown-provider', 'fail'), path.join(workspace, 'broken-mesh'), { recursive: true });
    cpSync(path.join(rules, 'telemetry-unknown-provider', 'pass'), path.join(workspace, 'whole-mesh'), { recursive: true });
    cpSync(path.join(rules, 'collector-removed-component', 'fail'), path.join(workspace, 'collector'), { recursive: true });
    writeFileSync(path.join(workspace, 'unversioned-collector.yaml'), unversionedCollector);
    writeFileSync(path.join(workspace, 'not-tracing.yaml'), 'name: ci\non: [push]\n');
    writeFileSync(path.join(workspace, 'old-collector.json'), JSON.stringify({ yaml: { collectorVersion: '0.100.0' } }));
    previous = process.cwd();
    process.chdir(workspace);
  });

  after(() => {
    process.chdir(previous);
    rmSync(workspace, { recursive: true, force: true });
  });

  async function lintJson(...args: string[]): Promise<{ code: number; findings: JsonFinding[] }> {
    const io = captureStreams();
    const code = await runCli(['lint', ...args, '--format', 'json'], io.streams);
    return { code, findings: (JSON.parse(io.stdout()) as { findings: JsonFinding[] }).findings };
  }

  it('checks each folder’s Telemetry against the providers of the mesh configs given with it', async () => {
    const broken = await lintJson('broken-mesh');
    assert.equal(broken.code, 1);
    assert.deepEqual(broken.findings.map((finding) => [finding.file, finding.ruleId]), [['broken-mesh/telemetry.yaml', 'telemetry-unknown-provider']]);
    const whole = await lintJson('whole-mesh');
    assert.deepEqual(whole, { code: 0, findings: [] });
  });

  it('reports removed collector components, checking unversioned configs against the --config version', async () => {
    const { findings } = await lintJson('collector', 'unversioned-collector.yaml', 'not-tracing.yaml');
    const removed = findings.filter((finding) => finding.ruleId === 'collector-removed-component');
    // Without a version comment or --config the latest collector is assumed, where `logging` is gone.
    assert.deepEqual(removed.map((finding) => finding.file), [
      'collector/otelcol-config.yaml',
      'collector/otelcol-config.yaml',
      'unversioned-collector.yaml',
    ]);
    assert.ok(findings.every((finding) => finding.file !== 'not-tracing.yaml'));
    const old = await lintJson('unversioned-collector.yaml', '--config', 'old-collector.json');
    assert.ok(!old.findings.some((finding) => finding.ruleId === 'collector-removed-component'), JSON.stringify(old.findings));
  });

  it('says what is wrong with a collector version in --config', async () => {
    writeFileSync(path.join(workspace, 'bad-version.json'), JSON.stringify({ yaml: { collectorVersion: 'latest' } }));
    const io = captureStreams();
    await runCli(['lint', 'whole-mesh', '--config', 'bad-version.json'], io.streams);
    assert.match(io.stderr(), /config: yaml\.collectorVersion must be a version such as "0\.120\.0", not "latest" \(ignored\)/);
  });
});
