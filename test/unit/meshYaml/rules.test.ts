import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lintMeshYamlFiles } from '../../../src/core/meshYaml/lint';
import { meshYamlRuleIds } from '../../../src/core/meshYaml/rules';
import type { MeshYamlFile } from '../../../src/core/meshYaml/types';
import { applyFix, preferredFixIndex, readWorkspace, ruleFixturesDir, ruleOptions } from '../../support/meshYamlFixtures';

function relative(files: readonly MeshYamlFile[], root: string): Map<string, string> {
  return new Map(files.map((file) => [path.relative(root, file.path), file.text]));
}

describe('YAML rules: a failing and a passing fixture per rule', () => {
  it('has a fixture folder with fail/ and pass/ for every rule, and no folder for an unknown rule', () => {
    const folders = readdirSync(ruleFixturesDir).sort();
    assert.deepEqual(folders, [...meshYamlRuleIds].sort());
    for (const rule of folders) {
      assert.ok(existsSync(path.join(ruleFixturesDir, rule, 'fail')), `${rule}/fail`);
      assert.ok(existsSync(path.join(ruleFixturesDir, rule, 'pass')), `${rule}/pass`);
    }
  });

  for (const rule of meshYamlRuleIds) {
    describe(rule, () => {
      const folder = path.join(ruleFixturesDir, rule);
      const options = ruleOptions(rule);

      it('reports the failing fixture', () => {
        const files = readWorkspace(path.join(folder, 'fail'));
        const findings = lintMeshYamlFiles(files, options).filter((finding) => finding.ruleId === rule);
        assert.ok(findings.length > 0, `no ${rule} finding in fail/`);
        for (const finding of findings) {
          const text = files.find((file) => file.path === finding.file)?.text ?? '';
          assert.ok(finding.line >= 1 && finding.line <= text.split('\n').length, `${rule}: line ${finding.line} out of range`);
          assert.ok(finding.endLine > finding.line || (finding.endLine === finding.line && finding.endColumn >= finding.column));
          assert.ok(finding.message.length > 20, finding.message);
        }
      });

      it('finds nothing to warn about in the passing fixture', () => {
        const findings = lintMeshYamlFiles(readWorkspace(path.join(folder, 'pass')), options).filter(
          (finding) => finding.severity === 'error' || finding.severity === 'warning' || finding.ruleId === rule,
        );
        assert.deepEqual(findings.map((finding) => `${path.basename(finding.file)}:${finding.line} ${finding.ruleId}: ${finding.message}`), []);
      });

      const fixedFolder = path.join(folder, 'fixed');
      if (!existsSync(fixedFolder)) return;
      it('applies its quick fixes until the fixable findings are gone, giving the fixed fixture', () => {
        const failFolder = path.join(folder, 'fail');
        let files = readWorkspace(failFolder);
        for (let round = 0; ; round++) {
          const fixable = lintMeshYamlFiles(files, options).find((finding) => finding.ruleId === rule && finding.fixes.length > 0);
          if (!fixable) break;
          assert.ok(round < 20, `${rule}: fixes do not converge (${fixable.message})`);
          files = applyFix(files, fixable, preferredFixIndex(fixable));
        }
        const expected = relative(readWorkspace(fixedFolder), fixedFolder);
        const actual = relative(files, failFolder);
        for (const [name, text] of expected) assert.equal(actual.get(name), text, `${rule}: ${name} after fixes`);
        assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
      });
    });
  }

  it('every fix of every finding (preferred or not) applies cleanly, keeps the YAML valid and removes its finding', function () {
    this.timeout(20_000);
    let applied = 0;
    for (const rule of meshYamlRuleIds) {
      const files = readWorkspace(path.join(ruleFixturesDir, rule, 'fail'));
      for (const finding of lintMeshYamlFiles(files, ruleOptions(rule))) {
        finding.fixes.forEach((fix, index) => {
          const fixed = applyFix(files, finding, index);
          for (const file of fixed) {
            for (const document of parseAllDocuments(file.text)) assert.deepEqual(document.errors, [], `${rule}: "${fix.title}" broke ${path.basename(file.path)}`);
          }
          const again = lintMeshYamlFiles(fixed, ruleOptions(rule));
          assert.ok(
            !again.some((other) => other.ruleId === finding.ruleId && other.file === finding.file && other.line === finding.line && other.message === finding.message),
            `${rule}: "${fix.title}" left its finding in place`,
          );
          applied++;
        });
      }
    }
    assert.ok(applied >= 25, `only ${applied} fixes applied`);
  });
});
