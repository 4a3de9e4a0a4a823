import * as vscode from 'vscode';
import type { TraceRef } from '../../core/viewer/protocol';
import { TraceLibrary } from '../../core/viewer/traceLibrary';
import type { Host } from '../../host/host';
import { openTraceById, openTraceByIdCommand } from './commands/openTraceById';
import { openTraceFileCommand, openTraceFiles, reopenFileSource } from './commands/openTraceFile';
import { JaegerConnections } from './jaeger/connections';
import {
  connectJaeger,
  connectJaegerCommand,
  disconnectJaeger,
  disconnectJaegerCommand,
  refreshJaegerSources,
  refreshSourcesCommand,
  restoreJaegerSources,
} from './jaeger/connectJaeger';
import { ViewerPanel, viewerViewType } from './panel';
import { SourceRegistry } from './sources/registry';
import { connectReceiver } from './receiver/connectReceiver';
import type { ReceiverHandle } from './receiver/receiverHandle';
import { RecentTracesView, receiverSourceId, recentTracesViewId, showReceiverTracesCommand } from './receiver/recentTracesView';
import type { CallSiteResolver, OpenCodeHandler, ViewerContext } from './viewerContext';
import { openTraceFromViewCommand, showSourceCommand, SourcesView, sourcesViewId } from './views/sourcesView';

export const openViewerCommand = 'traceStitch.openViewer';
export const closeTraceFileCommand = 'traceStitch.closeTraceFile';

/** What the viewer offers other features: add sources, show traces, and open code for a span (code links). */
export interface ViewerApi {
  readonly registry: SourceRegistry;
  readonly library: TraceLibrary;
  showTrace(ref: TraceRef, focusSpanId?: string): void;
  /** Opens the viewer's search page with a source selected. */
  showSearch(sourceId: string): void;
  /** Lists held traces as search results, with a note saying why these (code links' "Show traces"). */
  showTraceList(refs: readonly TraceRef[], note: string): void;
  /** Shows the running built-in receiver as a source, in Recent Traces and in the status bar. */
  connectReceiver(receiver: ReceiverHandle): vscode.Disposable;
  /** Handles Enter on a span and "Open code"; the returned disposable removes the handler. */
  setOpenCodeHandler(handler: OpenCodeHandler): vscode.Disposable;
  /** Ties broken-link warnings to the call site that broke them; the returned disposable removes the resolver. */
  setCallSiteResolver(resolver: CallSiteResolver): vscode.Disposable;
}

export function activateViewer(host: Host): ViewerApi {
  const registry = host.track(new SourceRegistry());
  const library = new TraceLibrary(() => ({ adjustClockSkew: host.settings.get('viewer.adjustClockSkew') }));
  const context: ViewerContext = {
    host,
    registry,
    library,
    resolveSource: (sourceId) => (sourceId.startsWith('file:') ? reopenFileSource(context, sourceId) : Promise.resolve(undefined)),
    openCode: { handler: undefined },
    traceUpdated: host.track(new vscode.EventEmitter<TraceRef>()),
    callSites: { resolver: undefined },
    disposables: [],
  };
  const connections = new JaegerConnections(host.extension.globalState, host.extension.secrets);
  const recent = host.track(new RecentTracesView(library, receiverSourceId));
  host.track(
    vscode.commands.registerCommand(openViewerCommand, () => {
      ViewerPanel.show(context);
    }),
    vscode.commands.registerCommand(openTraceFileCommand, (uri?: unknown, selected?: unknown) =>
      openTraceFiles(context, uri instanceof vscode.Uri ? uri : undefined, Array.isArray(selected) ? selected.filter(isUri) : undefined),
    ),
    vscode.commands.registerCommand(openTraceByIdCommand, () => openTraceById(context)),
    vscode.commands.registerCommand(showSourceCommand, (sourceId: unknown) => {
      if (typeof sourceId === 'string' && registry.get(sourceId)) ViewerPanel.show(context).session.showSearch(sourceId);
    }),
    vscode.commands.registerCommand(openTraceFromViewCommand, (ref: unknown) => {
      if (isTraceRef(ref)) ViewerPanel.showTrace(context, ref);
    }),
    vscode.commands.registerCommand(closeTraceFileCommand, (node: unknown) => {
      const source = registry.get(sourceIdOf(node) ?? '');
      if (source?.kind !== 'file') return;
      registry.remove(source.id);
      library.removeSource(source.id);
    }),
    vscode.commands.registerCommand(connectJaegerCommand, () => connectJaeger(context, connections)),
    vscode.commands.registerCommand(disconnectJaegerCommand, (node: unknown) => disconnectJaeger(context, connections, sourceIdOf(node))),
    vscode.commands.registerCommand(showReceiverTracesCommand, () => {
      if (registry.get(receiverSourceId)) ViewerPanel.show(context).session.showSearch(receiverSourceId);
      else void vscode.window.showWarningMessage('The built-in trace receiver is not running.');
    }),
    vscode.commands.registerCommand(refreshSourcesCommand, () => {
      refreshJaegerSources(context);
    }),
    vscode.window.registerWebviewPanelSerializer(viewerViewType, {
      deserializeWebviewPanel: (panel) => {
        ViewerPanel.revive(context, panel);
        return Promise.resolve();
      },
    }),
    vscode.window.registerTreeDataProvider(sourcesViewId, host.track(new SourcesView(registry))),
    vscode.window.registerTreeDataProvider(recentTracesViewId, recent),
    host.settings.onDidChange(['viewer.adjustClockSkew'], () => {
      library.reanalyze();
    }),
  );
  restoreJaegerSources(context, connections).catch((error: unknown) => {
    host.log.warn(`Could not restore the saved Jaeger connections: ${error instanceof Error ? error.message : String(error)}`);
  });
  const api: ViewerApi = {
    registry,
    library,
    showTrace: (ref, focusSpanId) => {
      ViewerPanel.showTrace(context, ref, focusSpanId);
    },
    showSearch: (sourceId) => {
      ViewerPanel.show(context).session.showSearch(sourceId);
    },
    showTraceList: (refs, note) => {
      const loaded = refs.flatMap((ref) => library.get(ref) ?? []);
      const source = loaded[0] ? registry.get(loaded[0].ref.sourceId) : undefined;
      if (source) ViewerPanel.show(context).session.showTraces(source, loaded, [note]);
    },
    setOpenCodeHandler: (handler) => {
      context.openCode.handler = handler;
      return new vscode.Disposable(() => {
        if (context.openCode.handler === handler) context.openCode.handler = undefined;
      });
    },
    setCallSiteResolver: (resolver) => {
      context.callSites.resolver = resolver;
      return new vscode.Disposable(() => {
        if (context.callSites.resolver === resolver) context.callSites.resolver = undefined;
      });
    },
    connectReceiver: (receiver) =>
      connectReceiver(host, api, recent, receiver, (traceId) => {
        context.traceUpdated.fire({ sourceId: receiverSourceId, traceId });
      }),
  };
  return api;
}

function isUri(value: unknown): value is vscode.Uri {
  return value instanceof vscode.Uri;
}

function isTraceRef(value: unknown): value is TraceRef {
  if (typeof value !== 'object' || value === null) return false;
  const ref = value as Record<string, unknown>;
  return typeof ref.sourceId === 'string' && typeof ref.traceId === 'string';
}

/** The id of the source a Sources-view node (the argument of its context-menu commands) stands for. */
function sourceIdOf(node: unknown): string | undefined {
  if (typeof node !== 'object' || node === null || !('source' in node)) return undefined;
  const source: unknown = node.source;
  if (typeof source !== 'object' || source === null || !('id' in source)) return undefined;
  return typeof source.id === 'string' ? source.id : undefined;
}
