import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lintMeshYamlFiles } from '../../src/core/meshYaml/lint';
import { expandSnippet } from '../support/snippets';
import { syntaxErrors } from '../support/syntaxCheck';
import { telemetryDocumentValidator } from '../support/istioTelemetrySchema';

/** The compiled file lives in out/test/unit, so the repository root is three levels up. */
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const snippetsDir = path.join(repoRoot, 'snippets');

interface Snippet {
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

/** Code snippets are fragments: each is parsed inside what a file around it would have. */
const wrappers: Readonly<Record<string, { readonly grammar: 'python' | 'javascript' | 'typescript' | 'go' | 'java'; readonly wrap: (code: string) => string }>> = {
  python: { grammar: 'python', wrap: (code) => code },
  javascript: { grammar: 'javascript', wrap: (code) => code },
  typescript: { grammar: 'typescript', wrap: (code) => code },
  go: { grammar: 'go', wrap: (code) => `package handlers\n\nimport (\n\t"context"\n\t"net/http"\n)\n\n${code}\n` },
  java: { grammar: 'java', wrap: (code) => `class Configuration {\n${code}\n}\n` },
};

function snippetFiles(): string[] {
  return readdirSync(snippetsDir).filter((file) => file.endsWith('.json')).sort();
}

function read(file: string): Record<string, Snippet> {
  return JSON.parse(readFileSync(path.join(snippetsDir, file), 'utf8')) as Record<string, Snippet>;
}

describe('Snippets', () => {
  it('every snippet file is valid JSON of snippets, and package.json contributes each one for its language', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { snippets: { language: string; path: string }[] } };
    const contributed = manifest.contributes.snippets.map((entry) => `${entry.language}:${entry.path}`).sort();
    assert.deepEqual(contributed, snippetFiles().map((file) => `${file.replace(/\.json$/, '')}:./snippets/${file}`).sort());
    const prefixes = new Set<string>();
    for (const file of snippetFiles()) {
      for (const [name, snippet] of Object.entries(read(file))) {
        assert.match(snippet.prefix, /^ts-[a-z-]+$/, `${file}: ${name}`);
        assert.ok(snippet.description.length > 10, `${file}: ${name} description`);
        assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0, `${file}: ${name} body`);
        prefixes.add(`${file}:${snippet.prefix}`);
      }
    }
    assert.ok(prefixes.size >= 10);
  });

  it('expands placeholders, choices and mirrors like VS Code', () => {
    assert.equal(expandSnippet('a: ${1:x}\nb: $1\nc: ${2|p,q|}-${2}\nd: ${3:outer ${4:inner}}$0 \\$5'), 'a: x\nb: x\nc: p-p\nd: outer inner $5');
  });

  describe('YAML snippets, expanded with their defaults', () => {
    let validateTelemetry: (document: unknown) => string[] = () => ['not loaded'];
    before(() => {
      validateTelemetry = telemetryDocumentValidator();
    });
    for (const [name, snippet] of Object.entries(read('yaml.json'))) {
      it(`${name}: parses, passes the linter, and Telemetry validates against Istio's CRD`, () => {
        const text = expandSnippet(snippet.body.join('\n'));
        const documents = parseAllDocuments(text);
        for (const document of documents) assert.deepEqual(document.errors, []);
        assert.deepEqual(lintMeshYamlFiles([{ path: '/w/snippet.yaml', text }]).map((finding) => finding.message), []);
        for (const document of documents.map((parsed) => parsed.toJS() as Record<string, unknown>)) {
          if (document.kind === 'Telemetry') assert.deepEqual(validateTelemetry(document), []);
        }
      });
    }
  });

  for (const [language, { grammar, wrap }] of Object.entries(wrappers)) {
    describe(`${language} snippets`, () => {
      for (const [name, snippet] of Object.entries(read(`${language}.json`))) {
        it(`${name}: parses without syntax errors once expanded`, async () => {
          assert.deepEqual(await syntaxErrors(wrap(expandSnippet(snippet.body.join('\n'))), grammar), []);
        });
      }
    });
  }
});
