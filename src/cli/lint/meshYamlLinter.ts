import { looksLikeMeshYaml } from '../../core/meshYaml/analyze';
import { lintMeshYamlFiles } from '../../core/meshYaml/lint';
import { meshYamlRuleDescriptors } from '../../core/meshYaml/rules';
import type { MeshYamlFile, MeshYamlLintOptions } from '../../core/meshYaml/types';
import type { FileLinter } from './fileLinter';

const yamlFile = /\.ya?ml$/i;

/**
 * The mesh/collector YAML linter as a `trace-stitch lint` source. Its checks span files (a Telemetry names a
 * provider defined in a mesh config elsewhere; a provider's port must be served by some collector), so `lint`
 * only gathers the YAML that looks like mesh configuration and `finish` checks it all at once.
 */
export function createMeshYamlLinter(options: MeshYamlLintOptions): FileLinter {
  const files: MeshYamlFile[] = [];
  return {
    name: 'mesh-yaml',
    rules: meshYamlRuleDescriptors,
    exclude: ['**/node_modules/**', '**/vendor/**'],
    matches: (file) => yamlFile.test(file),
    lint(file, text) {
      if (looksLikeMeshYaml(text)) files.push({ path: file, text });
      return Promise.resolve({ findings: [], notes: [] });
    },
    finish() {
      // The editor offers the findings' fixes as quick fixes; the CLI's formats print only the findings.
      return { findings: lintMeshYamlFiles(files, options), notes: [] };
    },
    dispose() {
      files.length = 0;
    },
  };
}
