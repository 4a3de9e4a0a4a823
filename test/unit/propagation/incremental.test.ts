import * as assert from 'node:assert/strict';
import { generateFile } from '../../../bench/propagation/generateWorkspace';
import { defaultPropagationOptions } from '../../../src/core/propagation/options';
import { ParseSession } from '../../../src/core/propagation/runtime/incremental';
import { labeledFiles } from '../../support/corpus';
import { sharedEngine } from '../../support/propagationEngine';

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Edits that change what calls carry: lines dropped or doubled, header names and identifiers altered. */
const edits: readonly ((lines: string[], at: number) => void)[] = [
  (lines, at) => lines.splice(at, 1),
  (lines, at) => lines.splice(at, 0, lines[at] ?? ''),
  (lines, at) => lines.splice(at, 1, (lines[at] ?? '').replace(/traceparent|x-b3-traceid|b3/, 'x-custom')),
  (lines, at) => lines.splice(at, 1, (lines[at] ?? '').replace(/\b(\w)(\w*)\b/, (_word, first: string, rest: string) => `${first}x${rest}`)),
  (lines, at) => lines.splice(at, 1, (lines[at] ?? '').replace(/headers/, 'params')),
];

describe('Propagation engine: re-linting an edited document', function () {
  this.timeout(120_000);

  it('gives after every edit exactly what a fresh analysis gives, in every corpus file', async () => {
    const engine = await sharedEngine();
    const next = random(2024);
    let checked = 0;
    let reused = 0;
    for (const source of labeledFiles(/\.(py|[cm]?[jt]sx?|go|java)$/)) {
      const session = new ParseSession();
      let lines = source.text.split('\n');
      for (let step = 0; step < 8; step++) {
        const before = lines;
        lines = [...lines];
        const edit = edits[Math.floor(next() * edits.length)];
        edit?.(lines, Math.floor(next() * lines.length));
        // Every third step takes the edit back, as undo does.
        if (step % 3 === 2) lines = before;
        const text = lines.join('\n');
        const incremental = engine.analyze({ path: source.file, text, options: defaultPropagationOptions, session });
        const fresh = engine.analyze({ path: source.file, text, options: defaultPropagationOptions });
        assert.deepEqual(incremental, fresh, `${source.file} after step ${step}`);
        checked++;
        reused += session.verdicts.reused;
      }
      session.dispose();
    }
    assert.ok(checked >= 8 * 30, `${checked} edits checked`);
    // Most of these verdicts were taken over from the lint before, so the comparison covers the reuse.
    assert.ok(reused > checked, `${reused} verdicts reused in ${checked} edits`);
  });

  it('judges again only the calls of the edited declaration', async () => {
    const engine = await sharedEngine();
    for (const extension of ['.py', '.ts'] as const) {
      const text = generateFile(extension, 600);
      const path = `/w/big${extension}`;
      const session = new ParseSession();
      const first = engine.analyze({ path, text, options: defaultPropagationOptions, session });
      assert.equal(session.verdicts.reused, 0);
      const at = text.lastIndexOf('timeout=2') > 0 ? text.lastIndexOf('timeout=2') : text.lastIndexOf("res.status(502)");
      const edited = `${text.slice(0, at)} ${text.slice(at)}`;
      const second = engine.analyze({ path, text: edited, options: defaultPropagationOptions, session });
      assert.deepEqual(second, engine.analyze({ path, text: edited, options: defaultPropagationOptions }));
      assert.equal(second.calls.length, first.calls.length);
      // The edited handler's two calls are judged again; every other verdict is taken over.
      assert.equal(session.verdicts.reused, first.calls.length - 2, extension);
      session.dispose();
    }
  });

  it('judges again the callers of a helper whose body changed', async () => {
    const engine = await sharedEngine();
    const text = [
      'import requests',
      'from flask import Flask, request',
      'app = Flask(__name__)',
      '',
      'def trace_headers(incoming):',
      '    return {name: incoming[name] for name in ("traceparent", "tracestate") if name in incoming}',
      '',
      '@app.get("/a")',
      'def a():',
      '    return requests.get("http://a", headers=trace_headers(request.headers)).text',
      '',
    ].join('\n');
    const session = new ParseSession();
    const path = '/w/app.py';
    assert.deepEqual(engine.analyze({ path, text, options: defaultPropagationOptions, session }).findings, []);
    const broken = text.replace('("traceparent", "tracestate")', '("tracestate",)');
    const after = engine.analyze({ path, text: broken, options: defaultPropagationOptions, session });
    assert.deepEqual(after.findings.map((finding) => finding.ruleId), ['incomplete-propagation']);
    assert.equal(session.verdicts.reused, 0);
    session.dispose();
  });
});
