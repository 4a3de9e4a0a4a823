import { analyzeMeshYamlFile } from '../../src/core/meshYaml/analyze';
import { lintAnalyses, lintMeshYamlFiles } from '../../src/core/meshYaml/lint';
import type { MeshYamlFile } from '../../src/core/meshYaml/types';
import { completeAnswers, emptyContext, type Answers, type Wizard } from '../../src/core/scaffold/wizard';
import { collectorWizard } from '../../src/core/scaffold/wizards/collector';
import { meshProviderWizard } from '../../src/core/scaffold/wizards/meshProvider';
import { telemetryWizard } from '../../src/core/scaffold/wizards/telemetry';
import { report } from '../report';

/**
 * The YAML linter over a synthetic workspace of 600 files (Telemetry resources, mesh configs, collector bundles with
 * ConfigMap/Deployment/Service), as the editor lints it: every file analysed, then all cross-file checks; and the
 * editor's incremental case, one file re-analysed and the whole workspace re-linted.
 */
function workspace(): MeshYamlFile[] {
  const build = (wizard: Wizard, answers: Answers): string => wizard.build(completeAnswers(wizard, answers, emptyContext)).text;
  const files: MeshYamlFile[] = [];
  for (let index = 0; index < 200; index++) {
    files.push({ path: `/bench/team-${index}/telemetry.yaml`, text: build(telemetryWizard, { scope: 'workload', namespace: `team-${index}`, selector: `app=svc-${index}`, sampling: String(index % 100) }) });
    files.push({ path: `/bench/team-${index}/mesh.yaml`, text: build(meshProviderWizard, { name: `provider-${index}`, format: index % 2 === 0 ? 'configmap' : 'istio-operator' }) });
    files.push({
      path: `/bench/team-${index}/collector.yaml`,
      text: build(collectorWizard, { processors: ['memory_limiter', 'k8sattributes', 'tail_sampling', 'batch'], exporters: ['jaeger', 'debug'], kubernetes: ['deployment', 'service'], namespace: `team-${index}` }),
    });
  }
  return files;
}

export function benchMeshYaml(): Promise<void> {
  const files = workspace();
  const bytes = files.reduce((total, file) => total + file.text.length, 0);
  console.log(`  ${files.length} files, ${(bytes / 1024).toFixed(0)} KB`);
  const full: number[] = [];
  const incremental: number[] = [];
  const analyses = files.map((file) => analyzeMeshYamlFile(file));
  for (let run = 0; run < 7; run++) {
    let started = performance.now();
    lintMeshYamlFiles(files);
    full.push(performance.now() - started);
    started = performance.now();
    const changed = files[run] ?? files[0];
    if (changed) analyses[run] = analyzeMeshYamlFile({ ...changed, text: `${changed.text}\n` });
    lintAnalyses(analyses);
    incremental.push(performance.now() - started);
  }
  report('mesh-yaml-lint-600-files', full, 'ms');
  report('mesh-yaml-relint-after-one-edit', incremental, 'ms');
  return Promise.resolve();
}
