import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditorsDiscarding } from '../editors';
import { activeExtension } from '../extension';
import { waitForEvent } from '../waitFor';

/** The compiled suite lives in out/test/integration/suites; the rule fixtures are in the repository's test folder. */
const rulesDir = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'meshYaml', 'rules');

function fixture(rule: string, folder: 'fail' | 'pass' | 'fixed', file: string): string {
  return readFileSync(path.join(rulesDir, rule, folder, file), 'utf8');
}

/**
 * A file at the top of the workspace, named after the test. (Not in a new folder: a file written right after its
 * folder is created can slip past the file watcher, which is still setting up its watch on the folder.)
 */
function workspaceUri(test: string, file: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration workspace has a folder');
  return vscode.Uri.joinPath(folder.uri, `${test}-${file}`);
}

/** Files each test writes; deleted after it, so the cross-file checks of one test never see another's files. */
const written: vscode.Uri[] = [];

async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (!written.some((known) => known.toString() === uri.toString())) written.push(uri);
}

async function deleteWrittenFiles(): Promise<void> {
  const files = written.splice(0);
  for (const uri of files) await vscode.workspace.fs.delete(uri, { useTrash: false });
  // The linter forgets deleted files (and clears their diagnostics) once the file watcher reports them.
  await waitForEvent(vscode.languages.onDidChangeDiagnostics, () => (files.every((uri) => ours(uri).length === 0) ? true : undefined), 'the deleted files to lose their diagnostics', 20_000);
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : undefined;
}

function ours(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'trace-stitch' && (rule === undefined || codeOf(diagnostic) === rule));
}

async function waitForDiagnostics(uri: vscode.Uri, rule: string, count = 1): Promise<vscode.Diagnostic[]> {
  try {
    return await waitForEvent(
      vscode.languages.onDidChangeDiagnostics,
      () => {
        const found = ours(uri, rule);
        return found.length >= count ? found : undefined;
      },
      `${count} ${rule} diagnostic(s) on ${path.basename(uri.fsPath)}`,
      20_000,
    );
  } catch (error) {
    const present = ours(uri).map((diagnostic) => `${codeOf(diagnostic) ?? '?'}: ${diagnostic.message}`);
    throw new Error(`${error instanceof Error ? error.message : String(error)}; the file has: ${present.join(' | ') || 'nothing'}`);
  }
}

function waitForNoDiagnostics(uri: vscode.Uri, rule: string): Promise<true> {
  return waitForEvent(vscode.languages.onDidChangeDiagnostics, () => (ours(uri, rule).length === 0 ? true : undefined), `no ${rule} on ${path.basename(uri.fsPath)}`, 20_000);
}

function signature(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.character} ${diagnostic.message}`).join('|');
}

/** Applies quick fixes of `rule` in the document, one at a time, as a user picking the preferred fix would. */
async function applyAllFixes(uri: vscode.Uri, rule: string): Promise<vscode.TextDocument> {
  // In an editor, as a user fixes it (and so that closing the editors afterwards discards the edits).
  const { document } = await vscode.window.showTextDocument(uri);
  let applied = 0;
  for (let round = 0; round < 10; round++) {
    const diagnostics = ours(uri, rule);
    let fix: vscode.CodeAction | undefined;
    for (const diagnostic of diagnostics) {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const candidates = actions.filter((action) => action.edit !== undefined && action.title !== '');
      fix = candidates.find((action) => action.isPreferred) ?? candidates[0];
      if (fix) break;
    }
    if (!fix?.edit) break;
    const version = document.version;
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true, fix.title);
    assert.ok(document.version > version, `${fix.title} changed the document`);
    applied++;
    // Wait for the linter to catch up with the edit before asking for the next fix.
    const before = signature(diagnostics);
    await waitForEvent(vscode.languages.onDidChangeDiagnostics, () => (signature(ours(uri, rule)) !== before ? true : undefined), `the ${rule} diagnostics to update`, 20_000);
  }
  assert.ok(applied > 0, `no quick fix was offered for ${rule} in ${path.basename(uri.fsPath)}`);
  return document;
}

describe('YAML diagnostics and quick fixes (in VS Code)', () => {
  before(async () => {
    await activeExtension();
  });

  afterEach(async () => {
    await closeAllEditorsDiscarding();
    await deleteWrittenFiles();
  });

  it('reports a Telemetry problem with source trace-stitch, the rule id and its README anchor, and clamps it', async () => {
    const uri = workspaceUri('yaml-sampling', 'telemetry.yaml');
    await writeFile(uri, fixture('telemetry-sampling-range', 'fail', 'telemetry.yaml'));
    const [first] = await waitForDiagnostics(uri, 'telemetry-sampling-range', 2);
    assert.ok(first);
    assert.equal(first.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(typeof first.code === 'object');
    assert.equal(first.code.target.toString(true), 'https://github.com/trace-stitch/trace-stitch#telemetry-sampling-range');
    assert.equal(first.range.start.line, 7);
    const document = await applyAllFixes(uri, 'telemetry-sampling-range');
    assert.equal(document.getText(), fixture('telemetry-sampling-range', 'fixed', 'telemetry.yaml'));
    await waitForNoDiagnostics(uri, 'telemetry-sampling-range');
  });

  it('renames the removed logging and jaeger exporters everywhere (collector config)', async () => {
    const uri = workspaceUri('yaml-removed', 'otelcol-config.yaml');
    await writeFile(uri, fixture('collector-removed-component', 'fail', 'otelcol-config.yaml'));
    await waitForDiagnostics(uri, 'collector-removed-component', 2);
    const document = await applyAllFixes(uri, 'collector-removed-component');
    assert.equal(document.getText(), fixture('collector-removed-component', 'fixed', 'otelcol-config.yaml'));
  });

  it('reorders processors inside a ConfigMap’s literal block', async () => {
    const uri = workspaceUri('yaml-order', 'collector-configmap.yaml');
    await writeFile(uri, fixture('collector-processor-order', 'fail', 'collector-configmap.yaml'));
    const [diagnostic] = await waitForDiagnostics(uri, 'collector-processor-order');
    assert.equal(diagnostic?.range.start.line, 25, 'the position inside the embedded config maps to the file');
    const document = await applyAllFixes(uri, 'collector-processor-order');
    assert.equal(document.getText(), fixture('collector-processor-order', 'fixed', 'collector-configmap.yaml'));
  });

  it('adds 0.0.0.0 endpoints in a collector that runs in Kubernetes', async () => {
    const uri = workspaceUri('yaml-localhost', 'collector-configmap.yaml');
    await writeFile(uri, fixture('collector-localhost-endpoint', 'fail', 'collector-configmap.yaml'));
    await waitForDiagnostics(uri, 'collector-localhost-endpoint', 4);
    const document = await applyAllFixes(uri, 'collector-localhost-endpoint');
    assert.equal(document.getText(), fixture('collector-localhost-endpoint', 'fixed', 'collector-configmap.yaml'));
  });

  it('checks a mesh provider’s port against the collectors of the workspace, across files', async () => {
    const mesh = workspaceUri('yaml-ports', 'istio-operator.yaml');
    const collector = workspaceUri('yaml-ports', 'otelcol-config.yaml');
    await writeFile(mesh, fixture('mesh-provider-port-not-served', 'fail', 'istio-operator.yaml'));
    await writeFile(collector, fixture('mesh-provider-port-not-served', 'fail', 'otelcol-config.yaml'));
    const [diagnostic] = await waitForDiagnostics(mesh, 'mesh-provider-port-not-served');
    assert.deepEqual(
      diagnostic?.relatedInformation?.map((related) => vscode.workspace.asRelativePath(related.location.uri)),
      ['yaml-ports-otelcol-config.yaml'],
      'points at the receivers of the workspace: this test’s collector only',
    );
    const document = await applyAllFixes(mesh, 'mesh-provider-port-not-served');
    assert.equal(document.getText(), fixture('mesh-provider-port-not-served', 'fixed', 'istio-operator.yaml'));
    await document.save();
    // Changing the other file brings the problem back: the check follows the whole workspace.
    await writeFile(collector, fixture('mesh-provider-port-not-served', 'fail', 'otelcol-config.yaml').replace('0.0.0.0:4317', '0.0.0.0:14317'));
    await waitForDiagnostics(mesh, 'mesh-provider-port-not-served');
  });

  it('flags an unknown Telemetry provider across files, and follows unsaved edits of the mesh config', async () => {
    const telemetry = workspaceUri('yaml-providers', 'telemetry.yaml');
    const mesh = workspaceUri('yaml-providers', 'istio-operator.yaml');
    await writeFile(telemetry, fixture('telemetry-unknown-provider', 'fail', 'telemetry.yaml'));
    await writeFile(mesh, fixture('telemetry-unknown-provider', 'fail', 'istio-operator.yaml'));
    const [diagnostic] = await waitForDiagnostics(telemetry, 'telemetry-unknown-provider');
    assert.match(diagnostic?.message ?? '', /otel-tracer/);
    const document = await vscode.workspace.openTextDocument(mesh);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((builder) => {
      const start = document.positionAt(document.getText().indexOf('otel-tracing'));
      builder.replace(new vscode.Range(start, start.translate(0, 'otel-tracing'.length)), 'otel-tracer');
    });
    await waitForNoDiagnostics(telemetry, 'telemetry-unknown-provider');
  });

  it('reports broken YAML clearly and keeps working', async () => {
    const uri = workspaceUri('yaml-broken', 'collector.yaml');
    await writeFile(uri, fixture('yaml-syntax', 'fail', 'collector.yaml'));
    const [diagnostic] = await waitForDiagnostics(uri, 'yaml-syntax');
    assert.match(diagnostic?.message ?? '', /Flow sequence/);
    await writeFile(uri, fixture('yaml-syntax', 'pass', 'collector.yaml'));
    await waitForNoDiagnostics(uri, 'yaml-syntax');
  });

  it('stops reporting when traceStitch.yaml.diagnostics is off', async () => {
    const uri = workspaceUri('yaml-setting', 'otelcol-config.yaml');
    await writeFile(uri, fixture('collector-pipeline-incomplete', 'fail', 'otelcol-config.yaml'));
    await waitForDiagnostics(uri, 'collector-pipeline-incomplete', 2);
    const settings = vscode.workspace.getConfiguration('traceStitch');
    await settings.update('yaml.diagnostics', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForNoDiagnostics(uri, 'collector-pipeline-incomplete');
    } finally {
      await settings.update('yaml.diagnostics', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, 'collector-pipeline-incomplete', 2);
  });
});
