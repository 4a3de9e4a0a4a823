import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { runCli } from '../../../src/cli/run';
import { captureStreams } from '../../support/cliStreams';

const capture = captureStreams;

const flaskApp = `import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/orders/<order_id>")
def order(order_id):
    stock = requests.get(f"http://stock/{order_id}")
    ok = requests.get("http://audit", headers={"traceparent": request.headers.get("traceparent", "")})
    only_id = requests.get("http://ids", headers={"x-request-id": request.headers.get("x-request-id", "")})
    return stock.text + ok.text + only_id.text
`;

/** The subset of SARIF 2.1.0 that GitHub code scanning requires of an upload, as a JSON schema. */
const githubSarifSchema = {
  type: 'object',
  required: ['version', 'runs', '$schema'],
  properties: {
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool', 'results'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name', 'rules'],
                properties: {
                  name: { type: 'string', minLength: 1 },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id', 'shortDescription', 'helpUri'],
                      properties: {
                        id: { type: 'string' },
                        helpUri: { type: 'string', pattern: '^https://' },
                        shortDescription: { type: 'object', required: ['text'] },
                        defaultConfiguration: { type: 'object', properties: { level: { enum: ['none', 'note', 'warning', 'error'] } } },
                      },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ruleId', 'message', 'locations'],
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: 0 },
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message: { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1 } } },
                partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
                locations: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    required: ['physicalLocation'],
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        required: ['artifactLocation', 'region'],
                        properties: {
                          artifactLocation: {
                            type: 'object',
                            required: ['uri'],
                            properties: { uri: { type: 'string', pattern: '^[^/:][^:]*$' } },
                          },
                          region: {
                            type: 'object',
                            required: ['startLine'],
                            properties: {
                              startLine: { type: 'integer', minimum: 1 },
                              startColumn: { type: 'integer', minimum: 1 },
                              endLine: { type: 'integer', minimum: 1 },
                              endColumn: { type: 'integer', minimum: 1 },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

describe('trace-stitch lint', function () {
  this.timeout(30_000);
  let workspace: string;
  let previous: string;

  before(() => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-lint-'));
    mkdirSync(path.join(workspace, 'svc'));
    writeFileSync(path.join(workspace, 'svc', 'app.py'), flaskApp);
    mkdirSync(path.join(workspace, 'generated'));
    writeFileSync(path.join(workspace, 'generated', 'copy.py'), flaskApp);
    mkdirSync(path.join(workspace, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(path.join(workspace, 'node_modules', 'pkg', 'index.js'), "require('express')().get('/x', (req, res) => fetch('http://x'));\n");
    writeFileSync(path.join(workspace, '.gitignore'), 'generated/\n');
    writeFileSync(path.join(workspace, 'huge.py'), `# ${'x'.repeat(1_100_000)}\n`);
    writeFileSync(path.join(workspace, 'quiet.json'), JSON.stringify({ 'traceStitch.propagation.severity': { 'missing-propagation': 'off' } }));
    writeFileSync(path.join(workspace, 'nopython.json'), JSON.stringify({ propagation: { languages: { python: false } } }));
    previous = process.cwd();
    process.chdir(workspace);
  });

  after(() => {
    process.chdir(previous);
    rmSync(workspace, { recursive: true, force: true });
  });

  it('prints text findings, skips ignored folders and big files with a note, and exits 1', async () => {
    const io = capture();
    assert.equal(await runCli(['lint'], io.streams), 1);
    const lines = io.stdout().trim().split('\n');
    assert.match(lines[0] ?? '', /^svc\/app\.py:9:13: warning missing-propagation `requests\.get\(…\)` in `order`/);
    assert.match(lines[1] ?? '', /^svc\/app\.py:11:15: warning incomplete-propagation .*forwards only x-request-id/);
    assert.match(io.stdout(), /2 problems/);
    assert.doesNotMatch(io.stdout(), /generated|node_modules/);
    assert.match(io.stderr(), /huge\.py: skipped, 1\.0 MB is over the 1 MB limit/);
  });

  it('writes the JSON shape with cwd-relative paths and 1-based positions', async () => {
    const io = capture();
    assert.equal(await runCli(['lint', 'svc', '--format', 'json'], io.streams), 1);
    const report = JSON.parse(io.stdout()) as { findings: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(report), ['findings']);
    assert.equal(report.findings.length, 2);
    const [first] = report.findings;
    assert.ok(first);
    assert.deepEqual(Object.keys(first), ['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message']);
    assert.equal(first.file, 'svc/app.py');
    assert.equal(first.line, 9);
    assert.equal(first.column, 13);
    assert.equal(first.endLine, 9);
    assert.equal(first.ruleId, 'missing-propagation');
    assert.equal(first.severity, 'warning');
  });

  it('writes SARIF 2.1.0 that GitHub code scanning accepts, with rules linking to their documentation', async () => {
    const io = capture();
    assert.equal(await runCli(['lint', '--format=sarif', 'svc/app.py'], io.streams), 1);
    const log = JSON.parse(io.stdout()) as { runs: { results: { ruleId: string; ruleIndex: number; locations: unknown[] }[]; tool: { driver: { rules: { id: string; helpUri: string }[] } } }[] };
    const validate = new Ajv({ allErrors: true, strict: false }).compile(githubSarifSchema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    assert.ok(run);
    const ruleIds = run.tool.driver.rules.map((rule) => rule.id);
    assert.deepEqual(ruleIds.slice(0, 2), ['missing-propagation', 'incomplete-propagation']);
    assert.ok(ruleIds.includes('telemetry-unknown-provider') && ruleIds.includes('collector-removed-component'), ruleIds.join());
    assert.ok(run.tool.driver.rules.every((rule) => /^https:\/\/\S+#[\w-]+$/.test(rule.helpUri)));
    for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
    assert.match(JSON.stringify(run.results[0]?.locations), /"uri":"svc\/app\.py"/);
  });

  it('exits 0 when nothing is reported, honouring --config severities and languages', async () => {
    const quiet = capture();
    assert.equal(await runCli(['lint', 'svc', '--config', 'quiet.json', '--format', 'json'], quiet.streams), 1);
    assert.deepEqual((JSON.parse(quiet.stdout()) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId), ['incomplete-propagation']);
    const off = capture();
    assert.equal(await runCli(['lint', 'svc', '--config', 'nopython.json'], off.streams), 0);
    assert.match(off.stdout(), /No problems found/);
  });

  it('exits 2 on usage errors', async () => {
    const badFormat = capture();
    assert.equal(await runCli(['lint', '--format', 'xml'], badFormat.streams), 2);
    assert.match(badFormat.stderr(), /unknown format 'xml'/);
    const missing = capture();
    assert.equal(await runCli(['lint', 'no-such-dir'], missing.streams), 2);
    assert.match(missing.stderr(), /no such file or folder: no-such-dir/);
  });
});
