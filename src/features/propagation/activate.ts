import * as vscode from 'vscode';
import type { Host } from '../../host/host';
import { PropagationCodeActions } from './codeActions';
import { DocumentLinter } from './documentLinter';
import { FindingsTree, findingsViewId } from './findingsTree';
import { LinterService } from './linterService';
import { propagationSettingKeys } from './options';
import { scanCommandId, scanWorkspace } from './workspaceScan';

const lintedLanguages = ['python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'go', 'java'];
const projectFiles = '**/{Dockerfile*,Procfile,*.sh,package.json,go.mod,pom.xml,build.gradle*,pyproject.toml,requirements*.txt}';

/**
 * The propagation linter in the editor: diagnostics as you type, quick fixes, the workspace scan and its view.
 * Returns the linter service, whose analyses (handlers, outbound calls) code links build on.
 */
export function activatePropagation(host: Host): LinterService {
  const service = host.track(new LinterService(host));
  const linter = host.track(new DocumentLinter(host, service));
  const tree = host.track(new FindingsTree(service));
  host.track(vscode.window.createTreeView(findingsViewId, { treeDataProvider: tree, showCollapseAll: true }));
  host.track(
    vscode.languages.registerCodeActionsProvider(
      lintedLanguages.map((language) => ({ language })),
      new PropagationCodeActions(service),
      PropagationCodeActions.metadata,
    ),
  );
  host.track(
    vscode.commands.registerCommand(scanCommandId, () =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Trace Stitch: scanning for broken propagation', cancellable: true },
        async (progress, token) => {
          const summary = await scanWorkspace(host, service, progress, token);
          const text = `${summary.findings} ${summary.findings === 1 ? 'call breaks' : 'calls break'} the trace in ${summary.files} ${summary.files === 1 ? 'file' : 'files'}${summary.skipped > 0 ? ` (${summary.skipped} over 1 MB skipped)` : ''}.`;
          if (summary.cancelled) void vscode.window.showInformationMessage(`Trace Stitch: scan cancelled after ${summary.files} files.`);
          else void vscode.window.showInformationMessage(`Trace Stitch: ${text}`, 'Show Problems').then((choice) => {
            if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
          });
          return summary;
        },
      ),
    ),
  );
  const watcher = host.track(vscode.workspace.createFileSystemWatcher(projectFiles));
  const refreshFacts = (): void => {
    service.invalidateFacts();
    linter.lintOpenDocuments();
  };
  host.track(watcher.onDidChange(refreshFacts), watcher.onDidCreate(refreshFacts), watcher.onDidDelete(refreshFacts));
  // A Go source changes only what its own package declares (ProjectFacts.goClientFields): the rest stays read.
  const goSources = host.track(vscode.workspace.createFileSystemWatcher('**/*.go'));
  const refreshGoPackage = (uri: vscode.Uri): void => {
    service.invalidateGoPackage(uri);
    linter.lintOpenDocuments();
  };
  host.track(goSources.onDidChange(refreshGoPackage), goSources.onDidCreate(refreshGoPackage), goSources.onDidDelete(refreshGoPackage));
  host.track(
    host.settings.onDidChange(propagationSettingKeys, () => {
      service.forgetOptions();
      linter.lintOpenDocuments();
    }),
  );
  linter.lintOpenDocuments();
  return service;
}
