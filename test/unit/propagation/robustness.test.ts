import * as assert from 'node:assert/strict';
import { PropagationEngine } from '../../../src/core/propagation/engine';
import { defaultPropagationOptions } from '../../../src/core/propagation/options';
import { ParseSession } from '../../../src/core/propagation/runtime/incremental';
import { labeledFiles } from '../../support/corpus';
import { packageWasmDirectory, sharedEngine } from '../../support/propagationEngine';

/** A small deterministic generator, so a failing fuzz case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('Propagation engine robustness', function () {
  this.timeout(60_000);

  it('never throws on truncated, spliced, garbage or half-typed files', async () => {
    const engine = await sharedEngine();
    const next = random(4242);
    const sources = labeledFiles(/\.(py|[cm]?[jt]sx?|go|java)$/);
    let runs = 0;
    for (const source of sources) {
      const { text } = source;
      const variants = [
        text.slice(0, Math.floor(next() * text.length)),
        text.slice(Math.floor(next() * text.length)),
        text.replace(/[)\]}]/g, () => (next() < 0.3 ? '' : ')')),
        Array.from({ length: 400 }, () => String.fromCharCode(Math.floor(next() * 0x2fff))).join(''),
        text.split('\n').map((line) => (next() < 0.2 ? line.slice(0, Math.floor(line.length / 2)) : line)).join('\n'),
        `${text.slice(0, text.length / 2)}requests.get(f"{\nfetch(\`\${\nhttp.NewRequest(\n${text.slice(text.length / 2)}`,
      ];
      for (const variant of variants) {
        const analysis = engine.analyze({ path: source.file, text: variant, options: defaultPropagationOptions });
        assert.ok(Array.isArray(analysis.findings));
        runs++;
      }
    }
    assert.ok(runs > 100);
  });

  it('survives absurd nesting without overflowing the stack', async () => {
    const engine = await sharedEngine();
    const deep = `import requests\nfrom flask import request\ndef h(request):\n    requests.get("u", headers=${'dict('.repeat(3000)}request.headers${')'.repeat(3000)})\n`;
    const analysis = engine.analyze({ path: '/w/deep.py', text: deep, options: defaultPropagationOptions });
    assert.ok(Array.isArray(analysis.calls));
  });

  it('skips files over 1 MB with a note', async () => {
    const engine = await sharedEngine();
    const analysis = engine.analyze({ path: '/w/big.py', text: `x = 1\n${'#'.repeat(1_100_000)}\n`, options: defaultPropagationOptions });
    assert.deepEqual(analysis.calls, []);
    assert.match(analysis.notes[0] ?? '', /skipped: 1\.0 MB is over the 1 MB limit/);
  });

  it('stops a file that runs past its time budget and says so', async () => {
    const engine = await PropagationEngine.create(packageWasmDirectory(), { budgetMs: 1 });
    const handler = `@app.route("/x")\ndef h(request):\n${Array.from({ length: 400 }, (_, i) => `    r${i} = requests.get("http://s/${i}", headers=h${i})\n    h${i + 1} = dict(h${i})`).join('\n')}\n`;
    const analysis = engine.analyze({ path: '/w/slow.py', text: `import requests\nfrom flask import Flask\napp = Flask(__name__)\n${handler.repeat(20)}`, options: defaultPropagationOptions });
    engine.dispose();
    assert.match(analysis.notes.join(' '), /budget/);
  });

  it('honours ignore comments for the next line and the whole file', async () => {
    const engine = await sharedEngine();
    const text = `import requests\nfrom flask import Flask\napp = Flask(__name__)\n@app.get("/a")\ndef a():\n    # trace-stitch-ignore-next-line\n    requests.get("http://x")\n    requests.get("http://y")\n`;
    const analysis = engine.analyze({ path: '/w/a.py', text, options: defaultPropagationOptions });
    assert.deepEqual(analysis.findings.map((finding) => finding.line), [8]);
    const ignored = engine.analyze({ path: '/w/a.py', text: `# trace-stitch-ignore-file\n${text}`, options: defaultPropagationOptions });
    assert.deepEqual(ignored.findings, []);
    const otherRule = engine.analyze({ path: '/w/a.py', text: text.replace('ignore-next-line', 'ignore-next-line incomplete-propagation'), options: defaultPropagationOptions });
    assert.deepEqual(otherRule.findings.map((finding) => finding.line), [7, 8]);
  });

  it('re-parses incrementally through a session with the same results as a fresh parse', async () => {
    const engine = await sharedEngine();
    const next = random(7);
    for (const source of labeledFiles(/\.(py|ts|go|java)$/).slice(0, 12)) {
      const session = new ParseSession();
      let text = source.text;
      for (let edit = 0; edit < 6; edit++) {
        const at = Math.floor(next() * text.length);
        text = edit % 2 === 0 ? `${text.slice(0, at)}\n${text.slice(at)}` : `${text.slice(0, at)}${text.slice(at + 1)}`;
        const incremental = engine.analyze({ path: source.file, text, options: defaultPropagationOptions, session });
        const fresh = engine.analyze({ path: source.file, text, options: defaultPropagationOptions });
        assert.deepEqual(incremental, fresh, `${source.file} after edit ${edit}`);
      }
      session.dispose();
    }
  });

  it('when only findings are wanted, skips parsing files without any client, and finds exactly the same', async () => {
    const engine = await sharedEngine();
    const skipped: string[] = [];
    const sources = labeledFiles(/\.(py|[cm]?[jt]sx?|go|java)$/);
    const helpers = [
      ['/w/models.py', 'from flask import request\n\ndef user_of(request):\n    return request.headers.get("x-user")\n'],
      ['/w/util.ts', 'export function pick(req: { headers: Record<string, string> }): string {\n  return req.headers.traceparent ?? "";\n}\n'],
      ['/w/Model.java', 'class Model {\n  String name(HttpServletRequest request) { return request.getHeader("x"); }\n}\n'],
    ] as const;
    for (const { file, text } of [...sources.map((source) => ({ file: source.file, text: source.text })), ...helpers.map(([file, text]) => ({ file, text }))]) {
      const full = engine.analyze({ path: file, text, options: defaultPropagationOptions });
      const lint = engine.analyze({ path: file, text, options: defaultPropagationOptions, findingsOnly: true });
      assert.deepEqual(lint.findings, full.findings, file);
      if (lint.handlers.length === 0 && full.handlers.length > 0) skipped.push(file);
    }
    // The files that read the request but call nothing are not parsed (nor is a corpus file of that kind).
    for (const [file] of helpers) assert.ok(skipped.includes(file), `${file} was parsed`);
  });

  it('resolves names the same after non-ASCII text, whether binding statements are captured or queried per function', async () => {
    const engine = await sharedEngine();
    const handler = `import requests\nfrom flask import Flask, request\napp = Flask(__name__)\nTRACE = ("traceparent", "tracestate")\n\n@app.get("/a")\ndef a():\n    headers = {name: request.headers[name] for name in TRACE if name in request.headers}\n    partial = {"x-request-id": request.headers.get("x-request-id")}\n    requests.get("http://b", headers=headers)\n    requests.get("http://c", headers=partial)\n`;
    const plain = engine.analyze({ path: '/w/a.py', text: `# orders\n${handler}`, options: defaultPropagationOptions });
    const accented = engine.analyze({ path: '/w/a.py', text: `# commandes réservées — 注文 🚚\n${handler}`, options: defaultPropagationOptions });
    const statuses = (analysis: typeof plain): string[] => analysis.calls.map((call) => call.propagation.status);
    assert.deepEqual(statuses(plain), ['propagates', 'incomplete']);
    assert.deepEqual(statuses(accented), statuses(plain));
    // With a parse session (the editor's path), binding statements are queried per function and found from the text.
    const session = new ParseSession();
    try {
      const queried = engine.analyze({ path: '/w/a.py', text: `# commandes réservées — 注文 🚚\n${handler}`, options: defaultPropagationOptions, session });
      assert.deepEqual(statuses(queried), statuses(plain));
    } finally {
      session.dispose();
    }
  });

  it('reads the configured wrappers as propagating', async () => {
    const engine = await sharedEngine();
    const text = `const app = require('express')();\napp.get('/a', async (req, res) => {\n  await withTraceContext(req, () => fetch('http://x'));\n});\n`;
    const plain = engine.analyze({ path: '/w/a.js', text, options: defaultPropagationOptions });
    assert.equal(plain.findings.length, 1);
    const wrapped = engine.analyze({ path: '/w/a.js', text, options: { ...defaultPropagationOptions, wrappers: ['withTraceContext'] } });
    assert.deepEqual(wrapped.findings, []);
  });
});
