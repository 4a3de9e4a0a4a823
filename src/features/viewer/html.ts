import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { viewerContentSecurityPolicy } from '../../core/viewer/csp';

/** A fresh base64 nonce per rendering; the CSP allows only scripts carrying it. */
export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

/** The viewer's HTML shell: no inline script, `default-src 'none'`, everything else loaded from the bundle folder. */
export function renderViewerHtml(webview: vscode.Webview, bundleRoot: vscode.Uri, nonce: string): string {
  const asset = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(bundleRoot, name)).toString();
  const csp = viewerContentSecurityPolicy(nonce, webview.cspSource);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${asset('viewer.css')}">
<title>Trace Stitch</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script type="module" nonce="${nonce}" src="${asset('viewer.js')}"></script>
</body>
</html>`;
}
