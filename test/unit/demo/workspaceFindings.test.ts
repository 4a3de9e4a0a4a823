import * as assert from 'node:assert/strict';
import path from 'node:path';
import { runCli } from '../../../src/cli/run';
import { captureStreams } from '../../support/cliStreams';

const demoWorkspace = path.resolve(__dirname, '..', '..', '..', '..', 'demo', 'workspace');

interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
}

/** The demo shows two mistakes and only those: anything else the linter reports there would confuse a newcomer. */
describe('demo workspace', () => {
  it('carries exactly the two intended findings: the orders call that drops the trace headers, and the removed logging exporter', async () => {
    const io = captureStreams();
    const code = await runCli(['lint', demoWorkspace, '--format', 'json'], io.streams);
    const { findings } = JSON.parse(io.stdout()) as { findings: JsonFinding[] };
    const found = findings.map((finding) => `${path.relative(demoWorkspace, path.resolve(finding.file))}:${finding.line} ${finding.ruleId}`).sort();
    assert.deepEqual(found, [
      `${path.join('observability', 'otel-collector.yaml')}:29 collector-removed-component`,
      `${path.join('services', 'orders', 'app.py')}:33 missing-propagation`,
    ]);
    assert.equal(code, 1);
  });
});
