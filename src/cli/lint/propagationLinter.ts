import { PropagationEngine } from '../../core/propagation/engine';
import { ruleDocumentation, ruleSummaries } from '../../core/propagation/findings';
import { ruleIds, type PropagationOptions } from '../../core/propagation/options';
import { ProjectFactsResolver } from '../../core/propagation/project/detect';
import { nodeProjectReader } from '../../core/propagation/project/nodeReader';
import { createCliEngine } from '../engine';
import type { FileLinter } from './fileLinter';

/** The propagation linter as a `trace-stitch lint` source: Python, JavaScript, TypeScript, Go and Java files. */
export async function createPropagationLinter(options: PropagationOptions, root: string): Promise<FileLinter> {
  const engine = await createCliEngine();
  const facts = new ProjectFactsResolver(nodeProjectReader, root);
  return {
    name: 'propagation',
    rules: ruleIds.map((id) => ({
      id,
      summary: ruleSummaries[id],
      helpUri: ruleDocumentation[id],
      defaultSeverity: options.severity[id] === 'off' ? 'warning' : options.severity[id],
    })),
    exclude: options.exclude,
    matches: (file) => PropagationEngine.handles(file),
    async lint(file, text) {
      const analysis = engine.analyze({ path: file, text, options, facts: await facts.factsFor(file), findingsOnly: true });
      return { findings: analysis.findings, notes: analysis.notes };
    },
    dispose: () => {
      engine.dispose();
    },
  };
}
