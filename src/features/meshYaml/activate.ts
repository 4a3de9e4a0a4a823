import * as vscode from 'vscode';
import type { Host } from '../../host/host';
import { MeshYamlCodeActions } from './codeActions';
import { MeshYamlIndex } from './index';
import { isYamlDocument, readYaml, yamlGlob } from './workspaceFiles';

/**
 * YAML diagnostics: Istio Telemetry, mesh config and OpenTelemetry Collector mistakes in every YAML file of the
 * workspace (open or not), with quick fixes. The first scan runs after activation without holding it up.
 */
export function activateMeshYaml(host: Host): void {
  const index = host.track(new MeshYamlIndex(host));
  let enabled = host.settings.get('yaml.diagnostics');
  const start = (): void => {
    void index.rescan().catch((error: unknown) => {
      host.log.error(`YAML diagnostics: workspace scan failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  if (enabled) setTimeout(start, 0);

  const onText = (document: vscode.TextDocument): void => {
    if (enabled && isYamlDocument(document)) index.update(document.uri, document.getText());
  };
  const onDisk = (uri: vscode.Uri): void => {
    if (!enabled) return;
    void readYaml(uri).then((file) => {
      if (file) index.update(uri, file.text);
    });
  };
  const watcher = vscode.workspace.createFileSystemWatcher(yamlGlob);
  host.track(
    watcher,
    watcher.onDidCreate(onDisk),
    watcher.onDidChange((uri) => {
      // Open documents are followed through their edits; the disk copy matters once they are closed.
      if (!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) onDisk(uri);
    }),
    watcher.onDidDelete((uri) => {
      index.remove(uri);
    }),
    vscode.workspace.onDidOpenTextDocument(onText),
    vscode.workspace.onDidChangeTextDocument((event) => {
      onText(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (isYamlDocument(document) && document.uri.scheme !== 'untitled') onDisk(document.uri);
      else if (document.uri.scheme === 'untitled') index.remove(document.uri);
    }),
    vscode.languages.registerCodeActionsProvider([{ language: 'yaml' }, { pattern: '**/*.{yaml,yml}' }], new MeshYamlCodeActions(index), MeshYamlCodeActions.metadata),
    host.settings.onDidChange(['yaml.diagnostics', 'yaml.collectorVersion', 'yaml.maxFileSizeKb'], () => {
      enabled = host.settings.get('yaml.diagnostics');
      if (enabled) start();
      else index.clear();
    }),
  );
}
