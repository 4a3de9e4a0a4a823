import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { MeshYamlFile, MeshYamlFinding, MeshYamlLintOptions } from '../../src/core/meshYaml/types';
import { applyTextEdits } from '../../src/core/yaml/textEdit';

/** The compiled file lives in out/test/support, so the repository root is three levels up. */
const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** test/fixtures/meshYaml/rules/<rule>/{fail,pass,fixed}/*.yaml: one folder per rule, each a small workspace. */
export const ruleFixturesDir = path.join(repoRoot, 'test', 'fixtures', 'meshYaml', 'rules');

export function readWorkspace(folder: string): MeshYamlFile[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(folder, name))
    .filter((file) => statSync(file).isFile() && /\.ya?ml$/.test(file))
    .sort()
    .map((file) => ({ path: file, text: readFileSync(file, 'utf8') }));
}

export function ruleOptions(rule: string): MeshYamlLintOptions {
  const file = path.join(ruleFixturesDir, rule, 'options.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as MeshYamlLintOptions) : {};
}

/** Applies one finding's fix to the workspace (its edits may touch several files). */
export function applyFix(files: readonly MeshYamlFile[], finding: MeshYamlFinding, fixIndex: number): MeshYamlFile[] {
  const chosen = finding.fixes[fixIndex];
  if (!chosen) throw new Error(`finding ${finding.ruleId} has no fix #${fixIndex}`);
  return files.map((file) => ({ path: file.path, text: applyTextEdits(file.text, file.path, chosen.edits) }));
}

/** The fix a user would pick: the preferred one, else the first. */
export function preferredFixIndex(finding: MeshYamlFinding): number {
  const index = finding.fixes.findIndex((candidate) => candidate.isPreferred);
  return index === -1 ? 0 : index;
}
