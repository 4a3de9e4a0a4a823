import * as assert from 'node:assert/strict';
import { formatTagsInput, parseDurationInput, parseTagsInput } from '../../../src/core/viewer/searchInput';

describe('search form input', () => {
  it('parses durations with units, bare numbers as milliseconds', () => {
    assert.deepEqual(parseDurationInput('250ms'), { ok: true, value: 250_000_000 });
    assert.deepEqual(parseDurationInput(' 1.5s '), { ok: true, value: 1_500_000_000 });
    assert.deepEqual(parseDurationInput('300us'), { ok: true, value: 300_000 });
    assert.deepEqual(parseDurationInput('300µs'), { ok: true, value: 300_000 });
    assert.deepEqual(parseDurationInput('2'), { ok: true, value: 2_000_000 });
    assert.deepEqual(parseDurationInput(''), { ok: true, value: undefined });
  });

  it('rejects what is not a duration with a hint', () => {
    const parsed = parseDurationInput('fast');
    assert.match(parsed.ok ? 'accepted' : parsed.error, /250ms/);
    assert.equal(parseDurationInput('-5ms').ok, false);
    assert.equal(parseDurationInput('1e400s').ok, false);
  });

  it('parses logfmt tags with quoted values', () => {
    assert.deepEqual(parseTagsInput('http.status_code=500 error=true'), {
      ok: true,
      value: { 'http.status_code': '500', error: 'true' },
    });
    assert.deepEqual(parseTagsInput('http.route="/api/orders/{id} v2" q="say \\"hi\\""'), {
      ok: true,
      value: { 'http.route': '/api/orders/{id} v2', q: 'say "hi"' },
    });
    assert.deepEqual(parseTagsInput('  '), { ok: true, value: {} });
  });

  it('explains malformed tags', () => {
    assert.deepEqual(parseTagsInput('error'), {
      ok: false,
      error: '"error" has no value; write tags as key=value, separated by spaces.',
    });
    assert.equal(parseTagsInput('=x').ok, false);
    assert.equal(parseTagsInput('a=').ok, false);
    assert.equal(parseTagsInput('a="open').ok, false);
  });

  it('writes tags back in a form it reads again', () => {
    const tags = { 'http.route': '/a b', plain: 'x', quote: 'say "hi"' };
    const text = formatTagsInput(tags);
    assert.deepEqual(parseTagsInput(text), { ok: true, value: tags });
  });
});
