import * as assert from 'node:assert/strict';
import path from 'node:path';
import { defaultPropagationOptions } from '../../../src/core/propagation/options';
import { ProjectFactsResolver } from '../../../src/core/propagation/project/detect';
import { nodeProjectReader } from '../../../src/core/propagation/project/nodeReader';
import { corpusRoot, labeledFiles } from '../../support/corpus';
import { sharedEngine } from '../../support/propagationEngine';

interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  cases: number;
  mistakes: string[];
}

const languages: readonly (readonly [string, RegExp])[] = [
  ['python', /\.py$/],
  ['javascript', /\.[cm]?jsx?$/],
  ['typescript', /\.[cm]?tsx?$/],
  ['go', /\.go$/],
  ['java', /\.java$/],
];

/**
 * Precision and recall of `missing-propagation` on the labeled corpus, per language, with the targets:
 * precision ≥ 0.95 and recall ≥ 0.90. `incomplete-propagation` and `ok` labels must hold exactly.
 */
describe('Propagation corpus accuracy', function () {
  this.timeout(60_000);
  const scores = new Map<string, Score>();

  before(async () => {
    const engine = await sharedEngine();
    const resolver = new ProjectFactsResolver(nodeProjectReader, corpusRoot);
    for (const [language, extensions] of languages) {
      const score: Score = { truePositives: 0, falsePositives: 0, falseNegatives: 0, cases: 0, mistakes: [] };
      for (const labeled of labeledFiles(extensions)) {
        if (labeled.file.endsWith(".d.ts")) continue;
        const facts = await resolver.factsFor(labeled.file);
        const analysis = engine.analyze({ path: labeled.file, text: labeled.text, options: defaultPropagationOptions, facts });
        assert.deepEqual(analysis.notes, [], `${labeled.file}: ${analysis.notes.join('; ')}`);
        const reported = new Map(analysis.findings.map((finding) => [finding.line, finding.ruleId]));
        const where = (line: number): string => `${path.relative(corpusRoot, labeled.file)}:${line}`;
        score.cases += labeled.expectations.size;
        for (const [line, expected] of labeled.expectations) {
          const got = reported.get(line);
          if (expected === 'missing-propagation' && got === 'missing-propagation') score.truePositives++;
          else if (expected === 'missing-propagation') {
            score.falseNegatives++;
            score.mistakes.push(`${where(line)}: expected missing-propagation, got ${got ?? 'nothing'}`);
          } else if (got !== (expected === 'ok' ? undefined : expected)) {
            score.mistakes.push(`${where(line)}: expected ${expected}, got ${got ?? 'nothing'}`);
          }
        }
        for (const finding of analysis.findings) {
          if (finding.ruleId === 'missing-propagation' && labeled.expectations.get(finding.line) !== 'missing-propagation') {
            score.falsePositives++;
            if (!labeled.expectations.has(finding.line)) score.mistakes.push(`${where(finding.line)}: unlabeled ${finding.ruleId}`);
          }
        }
      }
      scores.set(language, score);
    }
    const rows = [...scores].map(([language, score]) => {
      const precision = score.truePositives / Math.max(1, score.truePositives + score.falsePositives);
      const recall = score.truePositives / Math.max(1, score.truePositives + score.falseNegatives);
      return `  ${language.padEnd(11)} cases ${String(score.cases).padStart(3)}  precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  (tp ${score.truePositives}, fp ${score.falsePositives}, fn ${score.falseNegatives})`;
    });
    console.log(`\n  missing-propagation accuracy on ${path.relative(process.cwd(), corpusRoot)}:\n${rows.join('\n')}`);
    for (const score of scores.values()) for (const mistake of score.mistakes) console.log(`    ✘ ${mistake}`);
  });

  it('has at least 100 labeled cases across the five languages', () => {
    const total = [...scores.values()].reduce((sum, score) => sum + score.cases, 0);
    assert.ok(total >= 100, `only ${total} labeled cases`);
    for (const [language, score] of scores) assert.ok(score.cases >= 15, `${language} has only ${score.cases} cases`);
  });

  for (const [language] of languages) {
    it(`${language}: precision ≥ 0.95 and recall ≥ 0.90 for missing-propagation`, () => {
      const score = scores.get(language);
      assert.ok(score);
      const precision = score.truePositives / Math.max(1, score.truePositives + score.falsePositives);
      const recall = score.truePositives / Math.max(1, score.truePositives + score.falseNegatives);
      assert.ok(score.truePositives > 0, `${language}: no true positives`);
      assert.ok(precision >= 0.95, `${language} precision ${precision.toFixed(3)}`);
      assert.ok(recall >= 0.9, `${language} recall ${recall.toFixed(3)}`);
    });

    it(`${language}: every incomplete-propagation and ok label holds`, () => {
      const score = scores.get(language);
      assert.ok(score);
      const wrong = score.mistakes.filter((mistake) => !mistake.includes('expected missing-propagation'));
      assert.deepEqual(wrong, []);
    });
  }

  it('finds nothing to report in the Bookinfo-style product page', async () => {
    const engine = await sharedEngine();
    const [productpage] = labeledFiles(/^productpage\.py$/);
    assert.ok(productpage);
    const analysis = engine.analyze({ path: productpage.file, text: productpage.text, options: defaultPropagationOptions });
    assert.deepEqual(analysis.findings, []);
    assert.ok(analysis.calls.length >= 3 && analysis.calls.every((call) => call.propagation.status === 'propagates'));
  });
});
