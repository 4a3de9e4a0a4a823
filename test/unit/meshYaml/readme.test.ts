import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { meshYamlRuleDescriptors, meshYamlRuleIds, ruleDocumentationUrl } from '../../../src/core/meshYaml/rules';

/** The compiled file lives in out/test/unit/meshYaml, so the repository root is four levels up. */
const readme = readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');

describe('YAML rule documentation', () => {
  it('documents every rule under a heading that is its id, which is the anchor the diagnostics link to', () => {
    const documented = [...readme.matchAll(/^#### `([a-z-]+)`$/gm)].map((match) => match[1]);
    assert.deepEqual(documented, meshYamlRuleIds);
    assert.equal(ruleDocumentationUrl('collector-processor-order'), 'https://github.com/trace-stitch/trace-stitch#collector-processor-order');
  });

  it('describes every rule for the CLI and SARIF: one line each, linked to its section', () => {
    assert.deepEqual(meshYamlRuleDescriptors.map((rule) => rule.id), meshYamlRuleIds);
    for (const rule of meshYamlRuleDescriptors) {
      assert.match(rule.summary, /^[A-Z`a-z].{10,}\.$/, rule.id);
      assert.equal(rule.helpUri, `https://github.com/trace-stitch/trace-stitch#${rule.id}`);
    }
  });
});
