import path from 'node:path';
import { PropagationEngine } from '../core/propagation/engine';
import { findWasmDirectory } from '../core/propagation/runtime/treeSitter';

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

/** The propagation engine for the CLI commands that read code (`lint`, `analyze --workspace`). */
export function createCliEngine(): Promise<PropagationEngine> {
  return PropagationEngine.create(findWasmDirectory(wasmCandidates()));
}
