import * as vscode from 'vscode';
import { parseTraces } from '../../../core/formats/parseTraces';
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
    const source = await readTraceFile(context, file, true);
    if (!source) continue;
    context.registry.add(source);
    remember(context, file);
    const loaded = context.library.add(source.id, source.traces);
    const [only] = loaded;
    if (loaded.length === 1 && only) ViewerPanel.showTrace(context, only.ref);
    else ViewerPanel.show(context).session.showTraces(source, loaded, source.notes());
  }
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
 * Reads and parses one file. Says what went wrong when nothing could be read (unless `quiet`, for restoring
 * after a reload), and what was skipped when only part could.
 */
export async function readTraceFile(context: ViewerContext, uri: vscode.Uri, tellUser: boolean): Promise<FileSource | undefined> {
  const { host } = context;
  const name = uri.path.split('/').pop() ?? uri.toString();
  const maxMegabytes = host.settings.get('viewer.maxFileSizeMB');
  try {
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size > maxMegabytes * 1024 * 1024) {
      if (tellUser) {
        host.showError(
          `${name} is ${Math.round(size / 1024 / 1024)} MB, more than traceStitch.viewer.maxFileSizeMB (${maxMegabytes} MB) allows. ` +
            'Raise the setting, or split the file.',
        );
      }
      return undefined;
    }
    const text = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Reading ${name}` },
      async () => new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)),
    );
    const parsed = parseTraces(text, name);
    const source = new FileSource(fileSourceId(uri), name, uri.scheme === 'file' ? uri.fsPath : uri.toString(), parsed.traces, parsed.skipped);
    for (const item of parsed.skipped) host.log.warn(`${item.source}: ${item.reason}`);
    if (parsed.traces.length === 0) {
      const reason = parsed.skipped[0]?.reason ?? 'it holds no spans';
      if (tellUser) host.showError(`Trace Stitch could not read a trace from ${name}: ${reason}`);
      return undefined;
    }
    if (parsed.skipped.length > 0 && tellUser) {
      const read = `${formatCount(parsed.traces.length)} trace${parsed.traces.length === 1 ? '' : 's'}`;
      void vscode.window
        .showWarningMessage(`Read ${read} from ${name}; skipped ${parsed.skipped.length} part(s): ${parsed.skipped[0]?.reason ?? ''}`, 'Open Log')
        .then((choice) => {
          if (choice === 'Open Log') host.logChannel.show(true);
        });
    }
    return source;
  } catch (error) {
    if (tellUser) host.showError(`Trace Stitch could not open ${name}`, error);
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
