import * as vscode from 'vscode';
import type { HostMessage, TraceRef } from '../../core/viewer/protocol';
import { parseWebviewMessage } from '../../core/viewer/validate';
import { createNonce, renderViewerHtml } from './html';
import { ViewerSession } from './session';
import type { ViewerContext } from './viewerContext';

export const viewerViewType = 'traceStitch.viewer';

/**
 * The single trace viewer panel: revealed rather than duplicated when opened twice, restored by the serializer
 * after a reload. Every message from the webview is validated before the session acts on it.
 */
export class ViewerPanel implements vscode.Disposable {
  private static current: ViewerPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  readonly session: ViewerSession;

  /** Opens the viewer, or reveals it when it is already open. */
  static show(context: ViewerContext): ViewerPanel {
    const column = context.host.settings.get('viewer.column') === 'beside' ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    if (ViewerPanel.current) {
      ViewerPanel.current.panel.reveal(column);
      return ViewerPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(viewerViewType, 'Trace Stitch', column, webviewOptions(context));
    ViewerPanel.current = new ViewerPanel(context, panel);
    return ViewerPanel.current;
  }

  /** Takes over a panel VS Code restored after a reload (its webview state comes back with it). */
  static revive(context: ViewerContext, panel: vscode.WebviewPanel): ViewerPanel {
    ViewerPanel.current?.dispose();
    panel.webview.options = webviewOptions(context);
    ViewerPanel.current = new ViewerPanel(context, panel);
    return ViewerPanel.current;
  }

  /** Shows a trace in the viewer, opening it if needed. */
  static showTrace(context: ViewerContext, ref: TraceRef, focusSpanId?: string): void {
    ViewerPanel.show(context).session.showTrace(ref, focusSpanId);
  }

  private constructor(
    context: ViewerContext,
    private readonly panel: vscode.WebviewPanel,
  ) {
    const extensionUri = context.host.extension.extensionUri;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    panel.webview.html = renderViewerHtml(panel.webview, bundleRoot(extensionUri), createNonce());
    this.session = new ViewerSession(context, (message) => {
      this.post(message);
    });
    this.disposables.push(
      new vscode.Disposable(() => {
        this.session.dispose();
      }),
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseWebviewMessage(raw);
        if (!message) {
          context.host.log.warn('Ignored a malformed message from the trace viewer.');
          return;
        }
        this.session.handle(message).catch((error: unknown) => {
          context.host.showError('The trace viewer could not do that', error);
        });
      }),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.session.hidden();
      }),
      panel.onDidDispose(() => {
        this.dispose();
      }),
    );
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (ViewerPanel.current === this) ViewerPanel.current = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}

function bundleRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

function webviewOptions(context: ViewerContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    enableFindWidget: false,
    localResourceRoots: [bundleRoot(context.host.extension.extensionUri)],
  };
}
