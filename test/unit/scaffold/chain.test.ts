import * as assert from 'node:assert/strict';
import { lintMeshYamlFiles } from '../../../src/core/meshYaml/lint';
import { wizards } from '../../../src/core/scaffold/wizards/index';
import { completeAnswers, emptyContext } from '../../../src/core/scaffold/wizard';

/**
 * The defaults of the wizards form one working setup: Telemetry → provider otel-tracing → the collector Service
 * on 4317 → Jaeger on 4317. Written side by side, they pass every check, including the cross-file ones.
 */
describe('Scaffold defaults work together', () => {
  it('lints clean as one workspace, with the provider port served by the collector', () => {
    const build = (id: string, answers = {}): string => {
      const wizard = wizards.find((candidate) => candidate.id === id);
      if (!wizard) throw new Error(id);
      return wizard.build(completeAnswers(wizard, answers, emptyContext)).text;
    };
    const files = [
      { path: '/w/telemetry.yaml', text: build('telemetry') },
      { path: '/w/mesh.yaml', text: build('mesh-provider') },
      { path: '/w/collector.yaml', text: build('collector', { kubernetes: ['deployment', 'service'] }) },
      { path: '/w/jaeger.yaml', text: build('jaeger') },
    ];
    assert.deepEqual(lintMeshYamlFiles(files).map((finding) => `${finding.file}: ${finding.message}`), []);
    const wrongPort = files.map((file) => (file.path === '/w/mesh.yaml' ? { ...file, text: file.text.replace('port: 4317', 'port: 4318') } : file));
    assert.deepEqual(lintMeshYamlFiles(wrongPort).map((finding) => finding.ruleId), ['mesh-provider-port-not-served']);
  });
});
