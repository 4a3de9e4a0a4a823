import path from 'node:path';
import * as vscode from 'vscode';
import { resolveSpanCode, type CodeCandidate } from '../../core/codelinks/resolveSpan';
import type { Span } from '../../core/model/trace';
import type { Host } from '../../host/host';
import { openWorkspaceLocation, RefusedLocation } from './openLocation';
import { readPathMappings } from './pathMappings';
import type { WorkspaceCodeIndex } from './workspaceCodeIndex';

const sourceNames: Readonly<Record<CodeCandidate['source'], string>> = {
  'code-attributes': 'code attributes',
  'stack-trace': 'stack trace',
  route: 'route',
  'call-site': 'call site',
};

interface CandidateItem extends vscode.QuickPickItem {
  readonly candidate: CodeCandidate;
}

function describe(candidate: CodeCandidate): CandidateItem {
  const relative = vscode.workspace.asRelativePath(candidate.file);
  return {
    label: `$(file-code) ${path.basename(candidate.file)}${candidate.line ? `:${candidate.line}` : ''}`,
    description: `${relative} · ${sourceNames[candidate.source]} · ${Math.round(candidate.confidence * 100)}%`,
    detail: candidate.evidence,
    candidate,
  };
}

/**
 * "Open code" for a span: resolves it to workspace locations, opens the only one at once or offers a pick list,
 * and explains refusals (paths outside the workspace, `..`, other schemes) and misses. Resolves to whether a file
 * was opened.
 */
export async function openSpanCode(host: Host, index: WorkspaceCodeIndex, span: Span): Promise<boolean> {
  const { code, workspace } = await index.get();
  const mappings = readPathMappings(host.settings.get('pathMappings'), (message) => {
    host.log.warn(message);
  });
  const { candidates, refusals } = resolveSpanCode(span, { workspace, mappings, code });
  for (const reason of refusals) host.log.warn(`Code links refused a path from span "${span.name}": ${reason}`);
  if (candidates.length === 0) {
    const why = refusals[0] ? `the trace names a path Trace Stitch will not open: ${refusals[0]}` : 'no code in this workspace matches it (set traceStitch.pathMappings when traces carry container paths)';
    void vscode.window.showInformationMessage(`Trace Stitch: no source for span "${span.name}" (${span.service}): ${why}.`);
    return false;
  }
  let chosen = candidates[0];
  if (candidates.length > 1) {
    const picked = await vscode.window.showQuickPick(candidates.map(describe), {
      title: `Code for span "${span.name}" (${span.service})`,
      placeHolder: `${candidates.length} candidate locations, most likely first`,
      matchOnDescription: true,
      matchOnDetail: true,
    });
    chosen = picked?.candidate;
  }
  if (!chosen) return false;
  try {
    await openWorkspaceLocation(chosen.file, chosen.line, chosen.column);
    return true;
  } catch (error) {
    if (!(error instanceof RefusedLocation)) throw error;
    void vscode.window.showWarningMessage(`Trace Stitch did not open the code for span "${span.name}": ${error.message}.`);
    return false;
  }
}
