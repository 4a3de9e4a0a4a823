import * as vscode from 'vscode';
import type { Host } from '../../host/host';
import { MeshYamlCodeActions } from './codeActions';
import { MeshYamlIndex } from './index';
import { dirtyDocument, isYamlDocument, readYaml, yamlGlob } from './workspaceFiles';

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

  // A read that started before the file was deleted must not bring it back: each delete bumps the generation.
  const generations = new Map<string, number>();
  const deleted = (uri: vscode.Uri): boolean => (generations.get(uri.toString()) ?? 0) % 2 === 1;
  const onText = (document: vscode.TextDocument): void => {
    // VS Code keeps documents of closed editors a while; one whose file is gone only counts while it has edits.
    if (enabled && isYamlDocument(document) && (document.isDirty || !deleted(document.uri))) index.update(document.uri, document.getText());
  };
  const onDisk = (uri: vscode.Uri): void => {
    // A deleted file has nothing on disk; a document VS Code still holds for it must not bring it back.
    if (!enabled || deleted(uri)) return;
    const generation = generations.get(uri.toString()) ?? 0;
    void readYaml(uri).then((file) => {
      if (file && generation === (generations.get(uri.toString()) ?? 0)) index.update(uri, file.text);
    });
  };
  const watcher = vscode.workspace.createFileSystemWatcher(yamlGlob);
  host.track(
    watcher,
    watcher.onDidCreate((uri) => {
      if (deleted(uri)) generations.set(uri.toString(), (generations.get(uri.toString()) ?? 0) + 1);
      onDisk(uri);
    }),
    watcher.onDidChange((uri) => {
      // Documents with unsaved edits are followed through their edits, not through the disk.
      if (!dirtyDocument(uri)) onDisk(uri);
    }),
    watcher.onDidDelete((uri) => {
      if (!deleted(uri)) generations.set(uri.toString(), (generations.get(uri.toString()) ?? 0) + 1);
      index.remove(uri);
    }),
    vscode.workspace.onDidOpenTextDocument(onText),
    vscode.workspace.onDidChangeTextDocument((event) => {
      // Events without content changes only report the dirty flag.
      if (event.contentChanges.length > 0) onText(event.document);
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
