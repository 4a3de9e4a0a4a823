import * as vscode from 'vscode';
import { FileTraceSource } from '../../../core/sources/fileSource';
import { formatCount } from '../../../core/viewer/layout/format';
import { ViewerPanel } from '../panel';
import { FileSource } from '../sources/fileSource';
import type { ViewerContext } from '../viewerContext';

export const openTraceFileCommand = 'traceStitch.openTraceFile';

/** Files opened in this workspace, remembered so that a trace shown from one can be loaded again after a reload. */
const openedFilesKey = 'traceStitch.openedTraceFiles';
const rememberedFiles = 20;

export function fileSourceId(uri: vscode.Uri): string {
  return `file:${uri.toString()}`;
}

/**
 * "Open Trace File…": reads Jaeger, OTLP or Zipkin JSON (or OTLP JSON Lines) files, from the explorer's context menu
 * or a file dialog, and shows the trace — or, for a file of several traces, lists them in the search results.
 */
export async function openTraceFiles(context: ViewerContext, uri?: vscode.Uri, selected?: readonly vscode.Uri[]): Promise<void> {
  const uris = selected && selected.length > 0 ? selected : uri ? [uri] : await pickFiles();
  for (const file of uris ?? []) {
    const name = fileName(file);
    const panel = ViewerPanel.show(context);
    panel.session.showFileLoading(name);
    const source = await readTraceFile(context, file, true);
    if (!source) {
      panel.session.showFileFailed(`Trace Stitch could not read a trace from ${name}.`);
      continue;
    }
    context.registry.add(source);
    remember(context, file);
    const started = performance.now();
    const loaded = context.library.add(source.id, source.traces);
    context.host.log.info(`Analyzed ${loaded.length} trace(s) of ${source.label} in ${Math.round(performance.now() - started)} ms`);
    const [only] = loaded;
    if (loaded.length === 1 && only) ViewerPanel.showTrace(context, only.ref);
    else ViewerPanel.show(context).session.showTraces(source, loaded, source.notes());
  }
}

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.toString();
}

async function pickFiles(): Promise<readonly vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: 'Open Trace',
    title: 'Open Trace File',
    filters: { 'Trace files (Jaeger, OTLP, Zipkin)': ['json', 'jsonl', 'ndjson'], 'All files': ['*'] },
  });
}

/**
 * Reads and parses one file. Says what went wrong when nothing could be read (unless `tellUser` is false, when
 * restoring after a reload), and what was skipped when only part could.
 */
export async function readTraceFile(context: ViewerContext, uri: vscode.Uri, tellUser: boolean): Promise<FileSource | undefined> {
  const { host } = context;
  const name = fileName(uri);
  if (uri.scheme !== 'file') {
    if (tellUser) host.showError(`Trace Stitch reads trace files from disk; ${uri.toString()} is not a file on disk.`);
    return undefined;
  }
  const maxFileBytes = host.settings.get('viewer.maxFileSizeMB') * 1024 * 1024;
  try {
    const started = performance.now();
    const files = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading ${name}` }, () =>
      FileTraceSource.load([uri.fsPath], { maxFileBytes }),
    );
    const spans = files.traces.reduce((sum, trace) => sum + trace.spans.length, 0);
    host.log.info(`Read ${name}: ${files.traces.length} traces, ${spans} spans in ${Math.round(performance.now() - started)} ms`);
    for (const item of files.skipped) host.log.warn(`${item.source}: ${item.reason}`);
    if (files.traces.length === 0) {
      const reason = files.skipped[0]?.reason ?? 'it holds no spans';
      if (tellUser) host.showError(`Trace Stitch could not read a trace from ${name}: ${reason}`);
      return undefined;
    }
    if (files.skipped.length > 0 && tellUser) {
      const read = `${formatCount(files.traces.length)} trace${files.traces.length === 1 ? '' : 's'}`;
      void vscode.window
        .showWarningMessage(`Read ${read} from ${name}; skipped ${files.skipped.length} part(s): ${files.skipped[0]?.reason ?? ''}`, 'Open Log')
        .then((choice) => {
          if (choice === 'Open Log') host.logChannel.show(true);
        });
    }
    return new FileSource(files, fileSourceId(uri), name, uri.fsPath, () => {
      context.registry.notify();
    });
  } catch (error) {
    if (tellUser) host.showError(`Trace Stitch could not open ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function remember(context: ViewerContext, uri: vscode.Uri): void {
  const state = context.host.extension.workspaceState;
  const known = state.get<string[]>(openedFilesKey, []).filter((entry) => entry !== uri.toString());
  void state.update(openedFilesKey, [uri.toString(), ...known].slice(0, rememberedFiles));
}

/** Reopens a file source by id after a reload, but only a file the user opened in this workspace before. */
export async function reopenFileSource(context: ViewerContext, sourceId: string): Promise<FileSource | undefined> {
  const known = context.host.extension.workspaceState.get<string[]>(openedFilesKey, []);
  const match = known.find((entry) => `file:${entry}` === sourceId);
  if (!match) return undefined;
  const source = await readTraceFile(context, vscode.Uri.parse(match, true), false);
  if (source) context.registry.add(source);
  return source;
}
