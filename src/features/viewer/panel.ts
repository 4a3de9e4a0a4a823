import * as vscode from 'vscode';
import type { HostMessage } from '../../core/viewer/protocol';
import { parseWebviewMessage } from '../../core/viewer/validate';
import type { Host } from '../../host/host';
import { createNonce, renderViewerHtml } from './html';

export const viewerViewType = 'traceStitch.viewer';

/** The single trace viewer panel; revealed rather than duplicated when opened twice. */
export class ViewerPanel implements vscode.Disposable {
  private static current: ViewerPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  static show(host: Host): ViewerPanel {
    const column =
      host.settings.get('viewer.column') === 'beside' ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    if (ViewerPanel.current) {
      ViewerPanel.current.panel.reveal(column);
      return ViewerPanel.current;
    }
    const bundleRoot = vscode.Uri.joinPath(host.extension.extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(viewerViewType, 'Trace Stitch', column, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [bundleRoot],
    });
    ViewerPanel.current = new ViewerPanel(host, panel, bundleRoot);
    return ViewerPanel.current;
  }

  private constructor(
    private readonly host: Host,
    private readonly panel: vscode.WebviewPanel,
    bundleRoot: vscode.Uri,
  ) {
    panel.iconPath = vscode.Uri.joinPath(host.extension.extensionUri, 'media', 'icon.png');
    panel.webview.html = renderViewerHtml(panel.webview, bundleRoot, createNonce());
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        this.receive(raw);
      }),
      panel.onDidDispose(() => {
        this.dispose();
      }),
    );
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.host.log.warn('Ignored a malformed message from the trace viewer.');
      return;
    }
    // The handshake is the only message so far: answer it with the welcome.
    this.post({ type: 'welcome', extensionVersion: this.host.version });
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (ViewerPanel.current === this) ViewerPanel.current = undefined;
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
