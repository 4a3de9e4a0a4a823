import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { codeIndexFromAnalyses } from '../../core/codelinks/fromPropagation';
import type { CodeIndex } from '../../core/codelinks/codeIndex';
import type { WorkspaceIndex } from '../../core/codelinks/tracePath';
import { PropagationEngine } from '../../core/propagation/engine';
import type { FileAnalysis } from '../../core/propagation/model';
import { defaultPropagationOptions } from '../../core/propagation/options';
import { ProjectFactsResolver } from '../../core/propagation/project/detect';
import { nodeProjectReader } from '../../core/propagation/project/nodeReader';
import { createCliEngine } from '../engine';
import { collectFiles } from '../lint/collectFiles';

const maxFileBytes = 1024 * 1024;

export interface WorkspaceCode {
  readonly code: CodeIndex;
  readonly workspace: WorkspaceIndex;
}

/** Runs the propagation engine over a code folder (as `trace-stitch lint` would) and indexes its handlers and calls. */
export async function indexWorkspaceCode(folder: string): Promise<WorkspaceCode> {
  const root = path.resolve(folder);
  if (!(await stat(root).catch(() => undefined))?.isDirectory()) throw new Error(`--workspace ${folder} is not a folder`);
  const options = defaultPropagationOptions;
  const files = await collectFiles([root], root, options.exclude, (file) => PropagationEngine.handles(file));
  const engine = await createCliEngine();
  const facts = new ProjectFactsResolver(nodeProjectReader, root);
  const analyses: FileAnalysis[] = [];
  try {
    for (const file of files) {
      if ((await stat(file)).size > maxFileBytes) continue;
      const text = await readFile(file, 'utf8');
      analyses.push(engine.analyze({ path: file, text, options, facts: await facts.factsFor(file) }));
    }
  } finally {
    engine.dispose();
  }
  const normalized = (file: string): string => file.split(path.sep).join('/');
  return {
    code: codeIndexFromAnalyses(analyses),
    workspace: { folders: [normalized(root)], files: files.map(normalized) },
  };
}
