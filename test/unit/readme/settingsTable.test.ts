import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const script = path.join(repoRoot, 'scripts', 'readme-settings.mjs');

function check(...args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [script, '--check', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

/** The README's settings table is generated from package.json: this fails when either changed without the other. */
describe('README settings table', () => {
  let folder = '';
  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-readme-'));
  });
  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('matches package.json (run npm run readme:settings after changing a setting)', () => {
    const { status, stderr } = check();
    assert.equal(stderr, '');
    assert.equal(status, 0);
  });

  it('lists every contributed setting with its default', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
    for (const [key, schema] of Object.entries(manifest.contributes.configuration.properties)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${key}\` |`));
      assert.ok(row, `README has no row for ${key}`);
      if (typeof schema.default === 'number' || typeof schema.default === 'boolean') assert.ok(row.includes(`| \`${String(schema.default)}\` |`), `${key}: ${row}`);
    }
  });

  it('notices a setting added to package.json but not to the README', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
    manifest.contributes.configuration.properties['traceStitch.viewer.newSetting'] = { type: 'boolean', default: false, description: 'A new setting.' };
    const drifted = path.join(folder, 'package.json');
    writeFileSync(drifted, JSON.stringify(manifest));
    const { status, stderr } = check('--manifest', drifted);
    assert.equal(status, 1);
    assert.match(stderr, /differs from package\.json: run npm run readme:settings/);
  });
});
