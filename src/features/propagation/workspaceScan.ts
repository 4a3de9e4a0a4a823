import path from 'node:path';
import * as vscode from 'vscode';
import { IgnoreRules } from '../../core/files/gitignore';
import { lintedExtensions } from '../../core/propagation/languages/registry';
import type { Host } from '../../host/host';
import type { LinterService } from './linterService';

export const scanCommandId = 'traceStitch.scanPropagation';

const maxFileBytes = 1024 * 1024;

export interface ScanSummary {
  readonly files: number;
  readonly findings: number;
  readonly skipped: number;
  readonly cancelled: boolean;
}

/** The .gitignore rules of every workspace folder (findFiles honours files.exclude but not .gitignore). */
async function ignoreRules(folder: vscode.WorkspaceFolder, token: vscode.CancellationToken): Promise<IgnoreRules> {
  const rules = new IgnoreRules();
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), '**/node_modules/**', 1000, token);
  files.sort((a, b) => a.fsPath.length - b.fsPath.length);
  for (const file of files) {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      rules.add(path.relative(folder.uri.fsPath, path.dirname(file.fsPath)).split(path.sep).join('/'), text);
    } catch {
      // An unreadable .gitignore ignores nothing.
    }
  }
  return rules;
}

function isIgnored(rules: IgnoreRules, relative: string): boolean {
  const parts = relative.split('/');
  for (let index = 1; index < parts.length; index++) {
    if (rules.ignores(parts.slice(0, index).join('/'), true)) return true;
  }
  return rules.ignores(relative, false);
}

/** The files the linter reads in every workspace folder: honours files.exclude, .gitignore and the exclude setting. */
export async function lintableFiles(service: LinterService, token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const include = `**/*{${lintedExtensions.join(',')}}`;
  const candidates: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const rules = await ignoreRules(folder, token);
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), undefined, undefined, token);
    for (const uri of found) {
      const relative = path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
      if (!isIgnored(rules, relative) && !/\.d\.[cm]?ts$/.test(relative) && !service.isExcluded(uri, service.options(uri))) candidates.push(uri);
    }
  }
  return candidates.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

/** Scans every workspace folder, publishing diagnostics and tree entries as it goes; honours cancellation. */
export async function scanWorkspace(host: Host, service: LinterService, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<ScanSummary> {
  const candidates = await lintableFiles(service, token);
  service.clearAll();
  let findings = 0;
  let skipped = 0;
  let done = 0;
  for (const uri of candidates) {
    if (token.isCancellationRequested) return { files: done, findings, skipped, cancelled: true };
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > maxFileBytes) {
        skipped++;
        host.log.info(`${vscode.workspace.asRelativePath(uri)}: skipped, over 1 MB`);
      } else {
        const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
        const text = open?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        const { analysis } = await service.analyze(uri, text);
        findings += analysis.findings.length;
        await service.publish(uri, analysis);
      }
    } catch (error) {
      host.log.error(`Scanning ${vscode.workspace.asRelativePath(uri)} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    done++;
    if (done % 20 === 0 || done === candidates.length) {
      progress.report({ message: `${done} of ${candidates.length} files`, increment: (20 / Math.max(1, candidates.length)) * 100 });
      // Let the extension host breathe between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { files: done, findings, skipped, cancelled: false };
}
