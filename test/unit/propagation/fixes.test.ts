import * as assert from 'node:assert/strict';
import path from 'node:path';
import { applyEdits } from '../../../src/core/propagation/fixes/model';
import { proposeFixes } from '../../../src/core/propagation/fixes/propose';
import { defaultPropagationOptions } from '../../../src/core/propagation/options';
import { ProjectFactsResolver } from '../../../src/core/propagation/project/detect';
import { nodeProjectReader } from '../../../src/core/propagation/project/nodeReader';
import { corpusRoot, labeledFiles } from '../../support/corpus';
import { sharedEngine } from '../../support/propagationEngine';

/**
 * Every quick fix on every corpus finding: the fixed file still parses (no new syntax errors) and the finding is
 * gone, with no new finding in its place.
 */
describe('Propagation quick fixes', function () {
  this.timeout(60_000);

  it('forward the headers (on every finding) or suppress, keeping the code parseable and removing the finding', async () => {
    const engine = await sharedEngine();
    const resolver = new ProjectFactsResolver(nodeProjectReader, corpusRoot);
    const forwardedPerLanguage = new Map<string, number>();
    /** Findings offered no forward fix: the corpus has no call the fixes cannot repair. */
    const unfixed: string[] = [];
    let checked = 0;
    for (const labeled of labeledFiles(/\.(py|[cm]?[jt]sx?|go|java)$/)) {
      const facts = await resolver.factsFor(labeled.file);
      const options = defaultPropagationOptions;
      const analysis = engine.analyze({ path: labeled.file, text: labeled.text, options, facts });
      const hadErrors = engine.inspect(labeled.file, labeled.text, (root) => root.hasError);
      for (const finding of analysis.findings) {
        const fixes = proposeFixes(engine, { path: labeled.file, text: labeled.text, analysis, options, facts }, finding);
        assert.ok(fixes.some((fix) => fix.kind === 'ignore-line') && fixes.some((fix) => fix.kind === 'ignore-file'));
        if (!fixes.some((fix) => fix.kind === 'forward-headers' || fix.kind === 'go-otelhttp')) unfixed.push(`${path.relative(corpusRoot, labeled.file)}:${finding.line}`);
        for (const fix of fixes) {
          const fixed = applyEdits(labeled.text, fix.edits);
          const where = `${path.relative(corpusRoot, labeled.file)}:${finding.line} (${fix.title})`;
          assert.equal(engine.inspect(labeled.file, fixed, (root) => root.hasError), hadErrors, `${where} no longer parses:\n${fixed}`);
          const after = engine.analyze({ path: labeled.file, text: fixed, options, facts });
          const expected = fix.kind === 'ignore-file' ? 0 : analysis.findings.length - 1;
          assert.equal(after.findings.length, expected, `${where} left ${after.findings.map((f) => `${f.line}:${f.ruleId}`).join(', ')}\n${fixed}`);
          if (fix.kind === 'forward-headers' || fix.kind === 'go-otelhttp') {
            const language = analysis.language ?? '?';
            forwardedPerLanguage.set(language, (forwardedPerLanguage.get(language) ?? 0) + 1);
            // A second fix in the same file reuses the helpers the first added rather than adding them again (it may
            // add others: the next call can have another shape).
            const again = proposeFixes(engine, { path: labeled.file, text: fixed, analysis: after, options, facts }, after.findings[0] ?? finding);
            for (const edit of again.find((candidate) => candidate.kind === fix.kind)?.edits ?? []) {
              const inserted = edit.newText.trim();
              assert.ok(!inserted.includes('\n') || !fixed.includes(inserted), `${where}: a helper was added twice:\n${inserted}`);
            }
          }
          checked++;
        }
      }
    }
    console.log(`      ${checked} fixes checked; forward fixes per language: ${JSON.stringify(Object.fromEntries(forwardedPerLanguage))}`);
    for (const language of ['python', 'javascript', 'typescript', 'go', 'java']) {
      assert.ok((forwardedPerLanguage.get(language) ?? 0) > 0, `no forward fix was offered for ${language}`);
    }
    assert.deepEqual(unfixed, [], 'findings without a forward fix');
  });
});
