import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/propagation/fixes/model';
import { proposeFixes } from '../../src/core/propagation/fixes/propose';
import type { FileAnalysis } from '../../src/core/propagation/model';
import { defaultPropagationOptions } from '../../src/core/propagation/options';
import { noProjectFacts } from '../../src/core/propagation/project/facts';
import { sharedEngine } from './propagationEngine';

/**
 * Applies the "forward the trace headers" fix to the first finding of `text` (a file at `path`): the fix must be
 * offered as the preferred one, and the result must parse and have one finding fewer. Returns the fixed text and its
 * analysis.
 */
export async function forwardFirst(path: string, text: string): Promise<{ fixed: string; after: FileAnalysis }> {
  const engine = await sharedEngine();
  const options = defaultPropagationOptions;
  const analysis = engine.analyze({ path, text, options });
  const [finding] = analysis.findings;
  assert.ok(finding, `expected a finding to fix in:\n${text}`);
  const fix = proposeFixes(engine, { path, text, analysis, options, facts: noProjectFacts }, finding).find((candidate) => candidate.kind === 'forward-headers');
  assert.ok(fix, `expected a forward fix for ${finding.line}:${finding.message}\n${text}`);
  assert.equal(fix.preferred, true);
  const fixed = applyEdits(text, fix.edits);
  assert.equal(engine.inspect(path, fixed, (root) => root.hasError), false, `does not parse:\n${fixed}`);
  const after = engine.analyze({ path, text: fixed, options });
  assert.equal(after.findings.length, analysis.findings.length - 1, `findings left: ${after.findings.map((left) => `${left.line}:${left.message}`).join('\n')}\n${fixed}`);
  return { fixed, after };
}
