import path from 'node:path';
import { PropagationEngine } from '../../src/core/propagation/engine';
import { findWasmDirectory } from '../../src/core/propagation/runtime/treeSitter';

let engine: Promise<PropagationEngine> | undefined;

/** The WASM files straight from the installed package, as the unit tests run from sources rather than dist/. */
export function packageWasmDirectory(): string {
  return findWasmDirectory([path.dirname(require.resolve('@vscode/tree-sitter-wasm'))]);
}

/** One engine for every unit test (loading the grammars takes a moment). */
export function sharedEngine(): Promise<PropagationEngine> {
  engine ??= PropagationEngine.create(packageWasmDirectory());
  return engine;
}
