import { parseAllDocuments } from 'yaml';
import { blankTemplateActions, hasTemplateActions } from '../yaml/helmTemplate';
import { LineIndex } from '../yaml/lineIndex';
import { asMap } from '../yaml/nodes';
import { identityMap } from '../yaml/offsetMap';
import { classifyDocument, firstLine, type Collected } from './classify';
import { findingAt } from './report';
import type { DocSource, FileAnalysis } from './sources';
import { defaultMaxFileBytes, type MeshYamlFile } from './types';
import { collectorVersionInText } from './versionEvidence';

/**
 * Files worth parsing: anything mentioning Istio telemetry or mesh config, collector configs, Jaeger. Other YAML
 * (CI workflows, unrelated manifests) is not parsed at all, and its syntax errors are not this linter's business.
 */
const relevant =
  /telemetry\.istio\.io|extensionProviders|extension_providers|defaultProviders|meshConfig|IstioOperator|OpenTelemetryCollector|opentelemetry-collector|otelcol|jaegertracing\/|^\s*(?:receivers|exporters|pipelines)\s*:|^\s*kind:\s*Service\b/m;

export function looksLikeMeshYaml(text: string): boolean {
  return relevant.test(text);
}

/** Reads one file: its problems as a file (syntax, size) and the resources in it. */
export function analyzeMeshYamlFile(file: MeshYamlFile, maxFileBytes = defaultMaxFileBytes): FileAnalysis {
  const out: Collected = { findings: [], telemetries: [], meshConfigs: [], collectors: [], services: [], images: [] };
  const analysis = { file: file.path, ...out };
  if (!looksLikeMeshYaml(file.text)) return analysis;
  const lines = new LineIndex(file.text);
  const fileSource = { file: file.path, text: file.text, lines, map: identityMap, reportable: true };
  if (file.text.length > maxFileBytes) {
    out.findings.push(
      findingAt(fileSource, [0, 0], 'yaml-file-skipped',
        `Trace Stitch skipped this file: at ${Math.round(file.text.length / 1024)} KB it is over the ${Math.round(maxFileBytes / 1024)} KB limit for YAML diagnostics.`),
    );
    return analysis;
  }
  const template = hasTemplateActions(file.text);
  const documents = parseAllDocuments(template ? blankTemplateActions(file.text) : file.text, { prettyErrors: false });
  const facts = { text: file.text, fileVersion: collectorVersionInText(file.text) };
  for (const document of documents) {
    const root = asMap(document.contents);
    if (!template && document.errors.length > 0) {
      for (const error of document.errors) {
        out.findings.push(findingAt(fileSource, [error.pos[0], error.pos[1]], 'yaml-syntax', firstLine(error.message)));
      }
      continue;
    }
    if (!root) continue;
    const source: DocSource = { ...fileSource, root, reportable: !template };
    classifyDocument(source, facts, out);
  }
  return analysis;
}
