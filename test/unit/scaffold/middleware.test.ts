import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { middlewareWizard } from '../../../src/core/scaffold/wizards/middleware';
import { completeAnswers, emptyContext, type Answers } from '../../../src/core/scaffold/wizard';
import { syntaxErrors } from '../../support/syntaxCheck';

const grammars = { python: 'python', javascript: 'javascript', go: 'go', java: 'java' } as const;

function build(answers: Answers): { text: string; languageId: string; fileName: string } {
  return middlewareWizard.build(completeAnswers(middlewareWizard, answers, emptyContext));
}

const allHeaders = ['w3c', 'b3', 'request-id', 'baggage', 'ot-span-context'];

describe('Header-propagation middleware generator', () => {
  let folder = '';
  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-middleware-'));
  });
  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  for (const framework of ['flask', 'fastapi', 'express', 'go', 'spring']) {
    for (const headers of [['w3c'], allHeaders]) {
      it(`${framework} (${headers.length} header groups): parses without syntax errors`, async () => {
        const output = build({ framework, headers });
        const grammar = grammars[output.languageId as keyof typeof grammars];
        assert.deepEqual(await syntaxErrors(output.text, grammar), []);
        assert.match(output.text, /traceparent/);
        assert.equal(output.text.includes('x-ot-span-context'), headers.length > 1);
      });
    }
  }

  it('Python files compile with the Python compiler', function () {
    this.timeout(20_000);
    const python = spawnSync('python3', ['--version']);
    if (python.error) this.skip();
    for (const framework of ['flask', 'fastapi']) {
      const file = path.join(folder, `${framework}_trace_headers.py`);
      writeFileSync(file, build({ framework, headers: allHeaders }).text);
      execFileSync('python3', ['-m', 'py_compile', file]);
    }
  });

  it('the Flask helper forwards the trace headers of the request being handled (where Flask is installed)', function () {
    this.timeout(20_000);
    if (spawnSync('python3', ['-c', 'import flask, requests']).status !== 0) this.skip();
    writeFileSync(path.join(folder, 'trace_headers.py'), build({ framework: 'flask', headers: ['w3c', 'request-id'] }).text);
    const script = [
      'import json, threading',
      'from http.server import BaseHTTPRequestHandler, HTTPServer',
      'from flask import Flask',
      'from trace_headers import TracedSession, outbound_headers',
      'class Echo(BaseHTTPRequestHandler):',
      '    def do_GET(self):',
      '        body = json.dumps({k.lower(): v for k, v in self.headers.items()}).encode()',
      '        self.send_response(200); self.end_headers(); self.wfile.write(body)',
      '    def log_message(self, *args): pass',
      'downstream = HTTPServer(("127.0.0.1", 0), Echo)',
      'threading.Thread(target=downstream.serve_forever, daemon=True).start()',
      'app = Flask(__name__)',
      '@app.route("/")',
      'def handle():',
      '    url = "http://127.0.0.1:%d/" % downstream.server_address[1]',
      '    return TracedSession().get(url, headers={"X-Request-Id": "explicit-wins"}).text',
      'seen = json.loads(app.test_client().get("/", headers={"traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "x-request-id": "abc", "x-api-key": "secret"}).data)',
      'print(json.dumps({"seen": seen, "outside": outbound_headers()}))',
    ].join('\n');
    const result = JSON.parse(execFileSync('python3', ['-c', script], { cwd: folder, encoding: 'utf8' })) as { seen: Record<string, string>; outside: Record<string, string> };
    assert.equal(result.seen.traceparent, '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    assert.equal(result.seen['x-request-id'], 'explicit-wins');
    assert.equal(result.seen['x-api-key'], undefined);
    assert.deepEqual(result.outside, {});
  });

  it('the Express middleware passes node --check', () => {
    const file = path.join(folder, 'checkTraceHeaders.js');
    writeFileSync(file, build({ framework: 'express' }).text);
    execFileSync(process.execPath, ['--check', file]);
  });

  it('the Express middleware forwards exactly the trace headers of the request being handled', async () => {
    const file = path.join(folder, 'traceHeaders.js');
    writeFileSync(file, build({ framework: 'express', headers: ['w3c', 'b3', 'request-id'] }).text);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the generated CommonJS module is the test
    const generated = require(file) as {
      traceHeaders: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
      tracedFetch: (url: string, init?: RequestInit) => Promise<Response>;
      outboundHeaders: (extra?: Record<string, string>) => Record<string, string>;
    };
    const listen = async (handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> => {
      const server = createServer(handler);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    };
    const downstream = await listen((req, res) => res.end(JSON.stringify(req.headers)));
    const upstream = await listen((req, res) => {
      generated.traceHeaders(req, res, () => {
        // An await in between: the context must survive asynchronous hops.
        void new Promise((resolve) => setTimeout(resolve, 5))
          .then(() => generated.tracedFetch(downstream.url, { headers: { 'x-request-id': 'explicit-wins' } }))
          .then((response) => response.text())
          .then((body) => res.end(body));
      });
    });
    try {
      const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      const response = await fetch(upstream.url, { headers: { traceparent, 'x-b3-traceid': '463ac35c9f6413ad', 'x-request-id': 'abc', 'x-api-key': 'secret' } });
      const seen = JSON.parse(await response.text()) as Record<string, string>;
      assert.equal(seen.traceparent, traceparent);
      assert.equal(seen['x-b3-traceid'], '463ac35c9f6413ad');
      assert.equal(seen['x-request-id'], 'explicit-wins');
      assert.equal(seen['x-api-key'], undefined);
      assert.deepEqual(generated.outboundHeaders(), {}, 'outside a request there is nothing to forward');
    } finally {
      upstream.server.close();
      downstream.server.close();
    }
  });

  it('uses the package names given', () => {
    assert.match(build({ framework: 'go', goPackage: 'propagation' }).text, /^package propagation$/m);
    assert.match(build({ framework: 'spring', javaPackage: 'io.acme.web' }).text, /^package io\.acme\.web;$/m);
    assert.equal(build({ framework: 'spring' }).fileName, 'TraceHeaders.java');
    assert.equal(build({ framework: 'express' }).languageId, 'javascript');
  });
});
