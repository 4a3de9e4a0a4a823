import * as assert from 'node:assert/strict';
import { IgnoreRules } from '../../../src/core/files/gitignore';
import { GlobSet, globToRegExp } from '../../../src/core/files/glob';

describe('Globs and .gitignore rules', () => {
  it('compiles VS Code style globs', () => {
    assert.ok(globToRegExp('**/node_modules/**').test('a/node_modules/x/y.js'));
    assert.ok(globToRegExp('**/node_modules/**').test('node_modules/x.js'));
    assert.ok(globToRegExp('src/*.py').test('src/app.py'));
    assert.ok(!globToRegExp('src/*.py').test('src/sub/app.py'));
    assert.ok(globToRegExp('**/*.{ts,js}').test('a/b/c.js'));
    assert.ok(globToRegExp('file?.go').test('file1.go'));
    assert.ok(globToRegExp('[ab].py').test('a.py') && !globToRegExp('[ab].py').test('c.py'));
    assert.ok(new GlobSet(['**/vendor/**', 'tests/**']).matches('tests/unit/x.py'));
  });

  it('applies .gitignore semantics: any-depth names, anchored paths, folders only, negation', () => {
    const rules = new IgnoreRules();
    rules.add('', '# generated\n*.gen.py\n/build\nlogs/\n!keep.gen.py\n');
    rules.add('svc', 'local/\n');
    assert.equal(rules.ignores('a/b/x.gen.py', false), true);
    assert.equal(rules.ignores('a/keep.gen.py', false), false);
    assert.equal(rules.ignores('build', true), true);
    assert.equal(rules.ignores('src/build', true), false);
    assert.equal(rules.ignores('logs', true), true);
    assert.equal(rules.ignores('logs', false), false);
    assert.equal(rules.ignores('svc/local', true), true);
    assert.equal(rules.ignores('other/local', true), false);
  });
});
