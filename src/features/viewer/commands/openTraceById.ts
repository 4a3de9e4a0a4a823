import * as vscode from 'vscode';
import { ViewerPanel } from '../panel';
import type { ViewerSource } from '../sources/viewerSource';
import type { ViewerContext } from '../viewerContext';

export const openTraceByIdCommand = 'traceStitch.openTraceById';

/** A trace id as users paste it: 16 or 32 hex digits, maybe with dashes, spaces or a 0x prefix. */
export function normalizeTraceId(input: string): string | undefined {
  const id = input.trim().toLowerCase().replace(/^0x/, '').replace(/[\s-]/g, '');
  return /^([0-9a-f]{16}|[0-9a-f]{32})$/.test(id) ? id : undefined;
}

/** "Open Trace by ID…": asks for an id and a source (or all of them) and shows the trace. */
export async function openTraceById(context: ViewerContext): Promise<void> {
  const sources = context.registry.list();
  if (sources.length === 0) {
    void vscode.window.showWarningMessage(
      'There is no trace source to look in yet: open a trace file, connect to Jaeger, or send traces to the built-in receiver.',
    );
    return;
  }
  const input = await vscode.window.showInputBox({
    title: 'Open Trace by ID',
    prompt: 'Trace ID: 16 or 32 hexadecimal digits',
    placeHolder: '4bf92f3577b34da6a3ce929d0e0e4736',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' || normalizeTraceId(value) ? undefined : 'A trace ID has 16 or 32 hexadecimal digits.'),
  });
  const traceId = input === undefined ? undefined : normalizeTraceId(input);
  if (!traceId) return;
  const chosen = await chooseSources(sources);
  if (!chosen) return;
  const found = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Looking for trace ${traceId}`, cancellable: true },
    async (_progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => {
        controller.abort();
      });
      const failures: string[] = [];
      for (const source of chosen) {
        if (token.isCancellationRequested) return undefined;
        try {
          const trace = await source.trace(traceId, controller.signal);
          if (trace) return { source, trace };
        } catch (error) {
          failures.push(`${source.label}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (!token.isCancellationRequested) {
        const where = chosen.map((source) => source.label).join(', ');
        context.host.showError(`Trace ${traceId} was not found in ${where}.${failures.length > 0 ? ` ${failures.join(' ')}` : ''}`);
      }
      return undefined;
    },
  );
  if (!found) return;
  const [loaded] = context.library.add(found.source.id, [found.trace]);
  if (loaded) ViewerPanel.showTrace(context, loaded.ref);
}

async function chooseSources(sources: readonly ViewerSource[]): Promise<readonly ViewerSource[] | undefined> {
  const [only] = sources;
  if (sources.length === 1 && only) return [only];
  const all = { label: '$(search) All sources', description: 'look in each, in order', sources };
  const picked = await vscode.window.showQuickPick(
    [all, ...sources.map((source) => ({ label: source.label, description: source.info().detail, sources: [source] }))],
    { title: 'Open Trace by ID: where to look' },
  );
  return picked?.sources;
}
