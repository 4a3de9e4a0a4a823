import type { LintConfig } from './config';
import type { FileLinter } from './fileLinter';
import { createMeshYamlLinter } from './meshYamlLinter';
import { createPropagationLinter } from './propagationLinter';

/** Every source of findings `trace-stitch lint` runs; a linter for another kind of file is one more entry. */
export async function createFileLinters(config: LintConfig, root: string): Promise<FileLinter[]> {
  return [await createPropagationLinter(config.propagation, root), createMeshYamlLinter(config.yaml)];
}
