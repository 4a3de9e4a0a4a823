import path from 'node:path';
import { PropagationEngine } from '../../core/propagation/engine';
import { ruleDocumentation, ruleSummaries } from '../../core/propagation/findings';
import { ruleIds, type PropagationOptions } from '../../core/propagation/options';
import { ProjectFactsResolver } from '../../core/propagation/project/detect';
import { nodeProjectReader } from '../../core/propagation/project/nodeReader';
import { findWasmDirectory } from '../../core/propagation/runtime/treeSitter';
import type { FileLinter } from './fileLinter';

/** `dist/wasm` next to the bundled CLI; the installed package when running from sources. */
function wasmCandidates(): string[] {
  const candidates = [path.join(__dirname, 'wasm')];
  try {
    candidates.push(path.dirname(require.resolve('@vscode/tree-sitter-wasm')));
  } catch {
    // Not installed next to the CLI: dist/wasm must be there.
  }
  return candidates;
}

/** The propagation linter as a `trace-stitch lint` source: Python, JavaScript, TypeScript, Go and Java files. */
export async function createPropagationLinter(options: PropagationOptions, root: string): Promise<FileLinter> {
  const engine = await PropagationEngine.create(findWasmDirectory(wasmCandidates()));
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
      const analysis = engine.analyze({ path: file, text, options, facts: await facts.factsFor(file) });
      return { findings: analysis.findings, notes: analysis.notes };
    },
    dispose: () => {
      engine.dispose();
    },
  };
}
