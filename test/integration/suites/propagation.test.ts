import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { PropagationEngine } from '../../../src/core/propagation/engine';
import { packageWasmDirectory } from '../../support/propagationEngine';
import { activeExtension } from '../extension';
import { ignoreTelemetryNoise } from '../telemetryNoise';
import { waitForEvent } from '../waitFor';

const run = promisify(execFile);

const flaskApp = `import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/api/orders/<order_id>")
def get_order(order_id):
    stock = requests.get(f"http://inventory:8080/items/{order_id}")
    price = requests.get("http://pricing:8080/prices", headers={"Accept": "application/json"})
    return stock.text + price.text
`;

const goApp = `package main

import (
	"net/http"
)

func orders(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://inventory:8080/items")
	if err != nil {
		return
	}
	defer resp.Body.Close()
}

func main() {
	http.HandleFunc("/orders", orders)
}
`;

const expressApp = `const express = require('express');
const app = express();

app.get('/users/:id', async (req, res) => {
  const user = await fetch(\`http://users:8080/users/\${req.params.id}\`);
  res.json(await user.json());
});
`;

const springController = `package shop;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;

@RestController
@RequestMapping("/api/orders")
public class OrderController {
    private final RestTemplate restTemplate = new RestTemplate();

    @GetMapping("/{id}")
    public String get(@PathVariable String id, HttpServletRequest request) {
        return restTemplate.getForObject("http://orders-db:8080/orders/" + id, String.class);
    }
}
`;

function folder(): string {
  const workspace = vscode.workspace.workspaceFolders?.[0];
  assert.ok(workspace, 'the integration tests need a workspace folder');
  return workspace.uri.fsPath;
}

function write(relative: string, text: string): vscode.Uri {
  const file = path.join(folder(), relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return vscode.Uri.file(file);
}

function traceStitchDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'trace-stitch');
}

function waitForDiagnostics(uri: vscode.Uri, count: number, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = traceStitchDiagnostics(uri);
      return diagnostics.length === count ? diagnostics : undefined;
    },
    `${count} trace-stitch diagnostic(s) on ${path.basename(uri.fsPath)} (now ${traceStitchDiagnostics(uri).length})`,
    timeoutMs,
  );
}

async function codeActions(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((action) => /^(Forward the trace headers|Send with|Ignore )/.test(action.title));
}

async function parsesCleanly(uri: vscode.Uri, text: string): Promise<boolean> {
  const engine = await PropagationEngine.create(packageWasmDirectory());
  try {
    return engine.inspect(uri.fsPath, text, (root) => !root.hasError) ?? false;
  } finally {
    engine.dispose();
  }
}

describe('Propagation linter in the editor', function () {
  this.timeout(90_000);

  let restoreUncaught: (() => void) | undefined;

  before(async () => {
    // This suite runs for a while, long enough to meet the built-in extensions' failing telemetry sends.
    restoreUncaught = ignoreTelemetryNoise();
    await activeExtension();
  });

  after(() => {
    restoreUncaught?.();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports missing propagation with source, linked rule, handler and related request information', async () => {
    const uri = write('orders/app.py', flaskApp);
    await vscode.window.showTextDocument(uri);
    const diagnostics = await waitForDiagnostics(uri, 2);
    const [first] = diagnostics.sort((a, b) => a.range.start.line - b.range.start.line);
    assert.ok(first);
    assert.equal(first.range.start.line, 8);
    assert.equal(first.range.start.character, 12);
    assert.equal(first.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(typeof first.code === 'object');
    assert.equal(first.code.value, 'missing-propagation');
    assert.equal(first.code.target.toString(), 'https://github.com/trace-stitch/trace-stitch#rule-missing-propagation');
    assert.match(first.message, /`requests\.get\(…\)` in `get_order` \(flask handler GET \/api\/orders\/<order_id>\)/);
    assert.match(first.message, /traceparent, tracestate, x-request-id/);
    const related = first.relatedInformation?.[0];
    assert.ok(related);
    assert.equal(related.location.uri.fsPath, uri.fsPath);
    assert.equal(related.location.range.start.line, 7);
  });

  it('quick fix "forward the trace headers" keeps the file parseable and clears the diagnostic', async () => {
    const uri = write('fix-python/app.py', flaskApp);
    const editor = await vscode.window.showTextDocument(uri);
    const diagnostics = await waitForDiagnostics(uri, 2);
    const target = diagnostics.find((diagnostic) => diagnostic.range.start.line === 8);
    assert.ok(target);
    const actions = await codeActions(uri, target);
    const forward = actions.find((action) => action.title.startsWith('Forward the trace headers'));
    assert.ok(forward?.edit, `actions: ${actions.map((action) => action.title).join(' | ')}`);
    assert.equal(forward.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(forward.edit));
    const remaining = await waitForDiagnostics(uri, 1);
    assert.match(remaining[0]?.message ?? '', /requests\.get/);
    assert.match(editor.document.getText(), /def forward_trace_headers\(incoming\):/);
    assert.match(editor.document.getText(), /headers=forward_trace_headers\(request\.headers\)/);
    assert.ok(await parsesCleanly(uri, editor.document.getText()));
    // The second call merges with its existing headers and reuses the helper.
    const second = remaining[0];
    assert.ok(second);
    const again = (await codeActions(uri, second)).find((action) => action.title.startsWith('Forward the trace headers'));
    assert.ok(again?.edit);
    assert.ok(await vscode.workspace.applyEdit(again.edit));
    await waitForDiagnostics(uri, 0);
    assert.equal(editor.document.getText().match(/def forward_trace_headers/g)?.length, 1);
    assert.match(editor.document.getText(), /headers=\{\*\*forward_trace_headers\(request\.headers\), "Accept": "application\/json"\}/);
    assert.ok(await parsesCleanly(uri, editor.document.getText()));
  });

  it('Go quick fix uses the incoming context and an otelhttp transport when otelhttp is a dependency', async () => {
    write('fix-go/go.mod', 'module example.com/orders\n\ngo 1.22\n\nrequire go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp v0.53.0\n');
    const uri = write('fix-go/main.go', goApp);
    const editor = await vscode.window.showTextDocument(uri);
    const [diagnostic] = await waitForDiagnostics(uri, 1);
    assert.ok(diagnostic);
    const fix = (await codeActions(uri, diagnostic)).find((action) => action.title.includes('otelhttp'));
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(uri, 0);
    assert.match(editor.document.getText(), /otelhttp\.Get\(r\.Context\(\), "http:\/\/inventory:8080\/items"\)/);
    assert.match(editor.document.getText(), /"go\.opentelemetry\.io\/contrib\/instrumentation\/net\/http\/otelhttp"/);
    assert.ok(await parsesCleanly(uri, editor.document.getText()));
  });

  it('Java quick fix sends the RestTemplate call with the forwarded headers, through a helper added to the class', async () => {
    const uri = write('fix-java/src/main/java/shop/OrderController.java', springController);
    const editor = await vscode.window.showTextDocument(uri);
    const [diagnostic] = await waitForDiagnostics(uri, 1);
    assert.ok(diagnostic);
    assert.match(diagnostic.message, /`restTemplate\.getForObject\(…\)` in `OrderController\.get`/);
    const forward = (await codeActions(uri, diagnostic)).find((action) => action.title.startsWith('Forward the trace headers'));
    assert.ok(forward?.edit);
    assert.equal(forward.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(forward.edit));
    await waitForDiagnostics(uri, 0);
    const text = editor.document.getText();
    assert.match(text, /return restTemplate\.exchange\("http:\/\/orders-db:8080\/orders\/" \+ id, org\.springframework\.http\.HttpMethod\.GET, new org\.springframework\.http\.HttpEntity<>\(forwardTraceHeaders\(request\)\), String\.class\)\.getBody\(\);/);
    assert.match(text, /private static org\.springframework\.http\.HttpHeaders forwardTraceHeaders\(HttpServletRequest incoming\) \{/);
    assert.ok(await parsesCleanly(uri, text));
  });

  it('suppresses one line and a whole file with ignore comments', async () => {
    const uri = write('fix-js/server.js', expressApp);
    const editor = await vscode.window.showTextDocument(uri);
    const [diagnostic] = await waitForDiagnostics(uri, 1);
    assert.ok(diagnostic);
    const actions = await codeActions(uri, diagnostic);
    const ignoreLine = actions.find((action) => action.title.startsWith('Ignore missing-propagation on this line'));
    assert.ok(ignoreLine?.edit);
    assert.ok(await vscode.workspace.applyEdit(ignoreLine.edit));
    await waitForDiagnostics(uri, 0);
    assert.match(editor.document.getText(), /\n {2}\/\/ trace-stitch-ignore-next-line missing-propagation\n {2}const user = await fetch/);
    assert.ok(await parsesCleanly(uri, editor.document.getText()));

    const other = write('fix-js/other.js', expressApp);
    const otherEditor = await vscode.window.showTextDocument(other);
    const [otherDiagnostic] = await waitForDiagnostics(other, 1);
    assert.ok(otherDiagnostic);
    const ignoreFile = (await codeActions(other, otherDiagnostic)).find((action) => action.title.startsWith('Ignore trace propagation findings in this file'));
    assert.ok(ignoreFile?.edit);
    assert.ok(await vscode.workspace.applyEdit(ignoreFile.edit));
    await waitForDiagnostics(other, 0);
    assert.match(otherEditor.document.getText(), /^\/\/ trace-stitch-ignore-file\n/);
  });

  it('re-lints after typing stops, and drops findings the edit removed', async () => {
    const uri = write('typing/app.py', flaskApp);
    const editor = await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, 2);
    const line = editor.document.lineAt(8);
    await editor.edit((edit) => {
      edit.delete(line.rangeIncludingLineBreak);
    });
    await waitForDiagnostics(uri, 1);
  });

  it('scans the workspace, honouring .gitignore and files.exclude, with the same results as the CLI', async () => {
    write('scan/billing/app.py', flaskApp);
    write('scan/billing/requirements.txt', 'flask\nrequests\n');
    write('scan/web/server.js', expressApp);
    write('scan/web/package.json', '{ "name": "web" }\n');
    write('scan/generated/copy.py', flaskApp);
    write('scan/.gitignore', 'generated/\n');
    write('scan/excluded/copy.py', flaskApp);
    await vscode.workspace.getConfiguration('files').update('exclude', { '**/excluded/**': true }, vscode.ConfigurationTarget.Workspace);
    try {
      const summary = await vscode.commands.executeCommand<{ files: number; findings: number; cancelled: boolean }>('traceStitch.scanPropagation');
      assert.equal(summary.cancelled, false);
      const inScan = (relative: string): vscode.Diagnostic[] => traceStitchDiagnostics(vscode.Uri.file(path.join(folder(), relative)));
      assert.equal(inScan('scan/billing/app.py').length, 2);
      assert.equal(inScan('scan/web/server.js').length, 1);
      assert.equal(inScan('scan/generated/copy.py').length, 0);
      assert.equal(inScan('scan/excluded/copy.py').length, 0);

      const extension = await activeExtension();
      const cli = path.join(extension.extensionPath, 'dist', 'cli.js');
      const result = await run(process.execPath, [cli, 'lint', '--format', 'json', 'billing', 'web'], { cwd: path.join(folder(), 'scan') }).catch(
        (error: unknown) => error as { stdout: string; code: number },
      );
      const fromCli = (JSON.parse(result.stdout) as { findings: { file: string; line: number; column: number; ruleId: string; message: string }[] }).findings;
      const fromEditor = ['billing/app.py', 'web/server.js'].flatMap((relative) =>
        inScan(`scan/${relative}`).map((diagnostic) => ({
          file: relative,
          line: diagnostic.range.start.line + 1,
          column: diagnostic.range.start.character + 1,
          ruleId: typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : '',
          message: diagnostic.message,
        })),
      );
      const key = (finding: { file: string; line: number; column: number; ruleId: string; message: string }): string => JSON.stringify([finding.file, finding.line, finding.column, finding.ruleId, finding.message]);
      assert.deepEqual(fromCli.map(key).sort(), fromEditor.map(key).sort());
    } finally {
      await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('turns a language off through traceStitch.propagation.languages', async () => {
    const uri = write('settings/app.py', flaskApp);
    await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, 2);
    await vscode.workspace.getConfiguration('traceStitch.propagation').update('languages', { python: false }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(uri, 0);
    } finally {
      await vscode.workspace.getConfiguration('traceStitch.propagation').update('languages', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
