import * as vscode from 'vscode';
import type { BrokenLink } from '../../core/analysis/types';
import { findBreakingCallSites } from '../../core/codelinks/breakingCallSite';
import { lintedExtensions } from '../../core/propagation/languages/registry';
import type { Host } from '../../host/host';
import type { LinterService } from '../propagation/linterService';
import type { ViewerApi } from '../viewer/activate';
import type { CallSite } from '../viewer/viewerContext';
import { CodeFigures, showCodeTracesCommand } from './codeFigures';
import { openWorkspaceLocation, RefusedLocation } from './openLocation';
import { openSpanCode } from './openSpanCode';
import { showCodeTraces } from './showCodeTraces';
import { WorkspaceCodeIndex } from './workspaceCodeIndex';

/**
 * Code links: spans open the code behind them, broken-link warnings open the call that broke the trace, and
 * handlers and outbound calls show what the loaded traces say about them (CodeLens, hover, gutter marks).
 */
export function activateCodeLinks(host: Host, linter: LinterService, viewer: ViewerApi): void {
  const index = host.track(new WorkspaceCodeIndex(host, linter));
  const figures = host.track(new CodeFigures(host, viewer.library, index));
  const code: vscode.DocumentSelector = { scheme: 'file', pattern: `**/*{${lintedExtensions.join(',')}}` };
  host.track(
    vscode.languages.registerCodeLensProvider(code, figures),
    vscode.languages.registerHoverProvider(code, figures),
    viewer.setOpenCodeHandler(({ span }) => openSpanCode(host, index, span)),
    viewer.setCallSiteResolver((link) => callSiteOf(host, index, link)),
    vscode.commands.registerCommand(showCodeTracesCommand, (file: unknown, line: unknown) => {
      if (typeof file === 'string' && typeof line === 'number') showCodeTraces(viewer, figures, file, line);
    }),
  );
}

async function callSiteOf(host: Host, index: WorkspaceCodeIndex, link: BrokenLink): Promise<CallSite | undefined> {
  const { code, workspace } = await index.get();
  const [best] = findBreakingCallSites(link, code, workspace);
  if (!best) return undefined;
  const { call } = best;
  return {
    label: `${vscode.workspace.asRelativePath(call.file)}:${call.line} ${call.callee}(…)`,
    open: async () => {
      try {
        await openWorkspaceLocation(call.file, call.line, call.column);
      } catch (error) {
        if (!(error instanceof RefusedLocation)) throw error;
        host.log.warn(`Code links did not open ${call.file}: ${error.message}`);
        void vscode.window.showWarningMessage(`Trace Stitch did not open the call site: ${error.message}.`);
      }
    },
  };
}
