import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AnalyzeReport } from '../../../src/cli/analyze/summary';
import { runCli } from '../../../src/cli/run';
import { recordBrokenTraces } from '../../support/brokenScenario';
import { startJaegerReplayServer } from '../../support/jaegerReplayServer';
import { fixturePath } from '../../support/traceFixtures';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['analyze', ...args], { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stdout, stderr };
}

describe('trace-stitch analyze', function () {
  this.timeout(60_000);
  let brokenFile: string;

  before(async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-analyze-'));
    brokenFile = path.join(folder, 'integration-test-traces.jsonl');
    writeFileSync(brokenFile, await recordBrokenTraces());
  });

  it('prints a summary per trace in text', async () => {
    const { code, stdout, stderr } = await cli(fixturePath('zipkin/ascend.json'), fixturePath('zipkin/messaging2.json'));
    assert.equal(code, 0, stderr);
    const lines = stdout.split('\n');
    assert.equal(lines[0], '2 traces, 19 spans, 0 broken links');
    assert.match(stdout, /^ef86c83c0a05a6d6 {2}8 spans {2}\d+(\.\d+)?ms {2}3 services \(mobile-gateway, auth-service, content-service\)$/m);
    assert.match(stdout, / 6 orphans$/m);
  });

  it('prints the documented JSON, with broken links carrying both sides’ ids, shape, confidence and evidence', async () => {
    const { code, stdout } = await cli(brokenFile, '--format', 'json');
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as AnalyzeReport;
    assert.deepEqual(Object.keys(report), ['traces', 'brokenLinks', 'skipped']);
    assert.equal(report.traces.length, 4);
    assert.deepEqual(Object.keys(report.traces[0] ?? {}), ['traceId', 'spans', 'services', 'roots', 'orphans', 'errors', 'durationMs']);
    const whole = report.traces.find((trace) => trace.services.includes('gateway'));
    assert.deepEqual(whole?.services, ['gateway', 'orders']);
    assert.equal(report.brokenLinks.length, 3);
    for (const link of report.brokenLinks) {
      assert.deepEqual(Object.keys(link), ['from', 'to', 'fromTraceId', 'fromSpanId', 'toTraceId', 'toSpanId', 'shape', 'confidence', 'evidence']);
      assert.equal(link.from, 'orders');
      assert.match(link.fromSpanId, /^[0-9a-f]{16}$/);
      assert.match(link.toTraceId ?? '', /^[0-9a-f]{32}$/);
      assert.ok(link.evidence.length >= 2);
    }
    assert.deepEqual(report.brokenLinks.map((link) => link.to).sort(), ['inventory', 'payments', 'recommendations']);
    assert.deepEqual(report.skipped, []);
  });

  it('exits 1 on --fail-on conditions that hold, so CI can insist traces are whole', async () => {
    const broken = await cli(brokenFile, '--fail-on', 'broken');
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /failing \(--fail-on broken\): 3 broken link\(s\)/);
    assert.match(broken.stdout, /orders → payments {2}\(client-root, confidence 0\.\d+\): a CLIENT span started a new trace/);
    assert.equal((await cli(fixturePath('zipkin/messaging2.json'), '--fail-on=orphans')).code, 1);
    assert.equal((await cli(fixturePath('zipkin/messaging-kafka.json'), '--fail-on', 'errors,orphans')).code, 1);
    assert.equal((await cli(fixturePath('zipkin/ascend.json'), '--fail-on', 'broken,orphans,errors')).code, 0);
  });

  it('lists what it skipped, and exits 2 when nothing could be read', async () => {
    const partly = await cli(fixturePath('zipkin/envoy.json'), '/no/such/file.json', '--format', 'json');
    assert.equal(partly.code, 0);
    assert.deepEqual((JSON.parse(partly.stdout) as AnalyzeReport).skipped, [{ source: '/no/such/file.json', reason: 'cannot be read: no such file or folder' }]);
    const nothing = await cli('/no/such/file.json');
    assert.equal(nothing.code, 2);
    assert.match(nothing.stderr, /no traces could be read/);
  });

  it('rejects bad usage with exit code 2 and a precise message', async () => {
    const cases: [string[], RegExp][] = [
      [[], /give trace files or folders/],
      [['x.json', '--format', 'xml'], /--format must be text or json, not "xml"/],
      [['x.json', '--fail-on', 'slow'], /--fail-on takes broken, orphans, errors; "slow" is none of them/],
      [['--jaeger', 'http://localhost:16686'], /--jaeger needs --service NAME/],
      [['--jaeger', 'http://localhost:16686', '--service', 'a', '--lookback', 'yesterday'], /--lookback must be a duration/],
      [['--jaeger', 'http://localhost:16686', '--service', 'a', '--limit', '0'], /--limit must be a positive whole number/],
      [['x.json', '--service', 'a'], /--service only make sense with --jaeger URL/],
      [['x.json', '--verbose'], /unknown option --verbose/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
  });

  it('searches Jaeger (API v3 shapes) with --jaeger, --service, --lookback and --limit, with a token from the environment', async () => {
    const replay = await startJaegerReplayServer({ apis: ['v3', 'v1'], authorization: 'Bearer ci-token' });
    process.env.TRACE_STITCH_JAEGER_TOKEN = 'ci-token';
    try {
      const { code, stdout, stderr } = await cli('--jaeger', replay.url, '--service', 'foo', '--lookback', '2h', '--limit', '7', '--format', 'json');
      assert.equal(code, 0, stderr);
      const report = JSON.parse(stdout) as AnalyzeReport;
      assert.equal(report.traces[0]?.traceId, '00000000000000000000000000000001');
      assert.equal(report.traces[0].errors, 1);
      const search = new URL(replay.requests.find((request) => request.startsWith('/api/v3/traces?')) ?? '', 'http://x');
      assert.equal(search.searchParams.get('query.num_traces'), '7');
      const window = Date.parse(search.searchParams.get('query.start_time_max') ?? '') - Date.parse(search.searchParams.get('query.start_time_min') ?? '');
      assert.equal(window, 2 * 3600_000);
    } finally {
      delete process.env.TRACE_STITCH_JAEGER_TOKEN;
      await replay.close();
    }
  });

  it('reports an unreachable Jaeger clearly with exit code 2', async () => {
    const { code, stderr } = await cli('--jaeger', 'http://127.0.0.1:9', '--service', 'a');
    assert.equal(code, 2);
    assert.match(stderr, /cannot reach Jaeger at http:\/\/127\.0\.0\.1:9: connection refused/);
  });

  it('works as the bundled dist/cli.js', () => {
    const result = spawnSync(process.execPath, [path.join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js'), 'analyze', brokenFile, '--fail-on', 'broken', '--format', 'json'], { encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    assert.equal((JSON.parse(result.stdout) as AnalyzeReport).brokenLinks.length, 3);
  });
});
