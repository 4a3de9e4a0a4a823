import * as assert from 'node:assert/strict';
import { applyEdits, type FixKind } from '../../src/core/propagation/fixes/model';
import { proposeFixes } from '../../src/core/propagation/fixes/propose';
import type { FileAnalysis } from '../../src/core/propagation/model';
import { defaultPropagationOptions } from '../../src/core/propagation/options';
import { noProjectFacts, type ProjectFacts } from '../../src/core/propagation/project/facts';
import { sharedEngine } from './propagationEngine';

/**
 * Applies the "forward the trace headers" fix (or another of `kind`) to the first finding of `text` (a file at
 * `path`): the fix must be offered as the preferred one, and the result must parse and have one finding fewer.
 * Returns the fixed text and its analysis.
 */
export async function forwardFirst(
  path: string,
  text: string,
  { kind = 'forward-headers', facts = noProjectFacts }: { readonly kind?: FixKind; readonly facts?: ProjectFacts } = {},
): Promise<{ fixed: string; after: FileAnalysis }> {
  const engine = await sharedEngine();
  const options = defaultPropagationOptions;
  const analysis = engine.analyze({ path, text, options, facts });
  const [finding] = analysis.findings;
  assert.ok(finding, `expected a finding to fix in:\n${text}`);
  const fix = proposeFixes(engine, { path, text, analysis, options, facts }, finding).find((candidate) => candidate.kind === kind);
  assert.ok(fix, `expected a ${kind} fix for ${finding.line}:${finding.message}\n${text}`);
  assert.equal(fix.preferred, true);
  const fixed = applyEdits(text, fix.edits);
  assert.equal(engine.inspect(path, fixed, (root) => root.hasError), false, `does not parse:\n${fixed}`);
  const after = engine.analyze({ path, text: fixed, options, facts });
  assert.equal(after.findings.length, analysis.findings.length - 1, `findings left: ${after.findings.map((left) => `${left.line}:${left.message}`).join('\n')}\n${fixed}`);
  return { fixed, after };
}
