import * as vscode from 'vscode';
import type { TraceRef } from '../../core/viewer/protocol';
import type { ViewerApi } from '../viewer/activate';
import type { CodeFigures } from './codeFigures';

/**
 * "Show traces" on a line: one trace opens with the first span selected; several are listed in the viewer with a
 * note saying which line they pass through.
 */
export function showCodeTraces(viewer: ViewerApi, figures: CodeFigures, file: string, line: number): void {
  const spans = figures.spansAt(file, line);
  const refsByTrace = new Map<string, TraceRef>();
  for (const loaded of viewer.library.all()) refsByTrace.set(loaded.ref.traceId, loaded.ref);
  const refs = new Map<string, TraceRef>();
  for (const span of spans) {
    const ref = refsByTrace.get(span.traceId);
    if (ref) refs.set(span.traceId, ref);
  }
  const [first] = spans;
  const firstRef = first ? refs.get(first.traceId) : undefined;
  if (!first || !firstRef) {
    void vscode.window.showInformationMessage('Trace Stitch: the traces behind these figures are no longer loaded.');
    return;
  }
  if (refs.size === 1) viewer.showTrace(firstRef, first.spanId);
  else viewer.showTraceList([...refs.values()], `Traces through ${vscode.workspace.asRelativePath(file)}:${line}`);
}
