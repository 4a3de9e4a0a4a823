import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { viewerContentSecurityPolicy } from '../../src/core/viewer/csp';
import { repoRoot } from '../../test/harness/paths';

/**
 * A local page that runs the real viewer bundle (`dist/webview/viewer.js` and its stylesheets) under the same
 * CSP as the VS Code panel, with `webview/bench/benchHost.ts` standing in for the extension host.
 */
export interface ViewerPage {
  readonly url: string;
  close(): Promise<void>;
}

const types: Readonly<Record<string, string>> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

export async function startViewerPage(theme: 'vscode-dark' | 'vscode-light' = 'vscode-dark'): Promise<ViewerPage> {
  const bundle = await esbuild.build({
    entryPoints: [path.join(repoRoot, 'webview', 'bench', 'benchHost.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  const hostScript = bundle.outputFiles[0]?.text ?? '';
  const server = createServer((request, response) => {
    void serve(request.url ?? '/', hostScript, theme).then(
      ([status, type, body]) => {
        response.writeHead(status, { 'content-type': type });
        response.end(body);
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => closeServer(server) };
}

async function serve(url: string, hostScript: string, theme: string): Promise<[number, string, string | Buffer]> {
  if (url === '/' || url.startsWith('/?')) return [200, 'text/html', pageHtml(theme)];
  if (url === '/favicon.ico') return [204, 'image/x-icon', ''];
  if (url === '/benchHost.js') return [200, 'text/javascript', hostScript];
  if (url === '/benchTheme.css') return [200, 'text/css', themeVariables];
  const name = path.basename(url.split('?')[0] ?? '');
  if (url.startsWith('/webview/') && /^[\w.-]+$/.test(name)) {
    return [200, types[path.extname(name)] ?? 'application/octet-stream', await readFile(path.join(repoRoot, 'dist', 'webview', name))];
  }
  return [404, 'text/plain', 'not found'];
}

/** The panel's HTML shell as `src/features/viewer/html.ts` writes it, with the stand-in host script first. */
function pageHtml(theme: string): string {
  const nonce = randomBytes(18).toString('base64');
  const csp = viewerContentSecurityPolicy(nonce, "'self'");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="/webview/codicon.css" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="/webview/viewer.css">
<link rel="stylesheet" href="/benchTheme.css">
<title>Trace Stitch viewer benchmark</title>
</head>
<body class="${theme}">
<main id="app"></main>
<script nonce="${nonce}" src="/benchHost.js"></script>
<script type="module" nonce="${nonce}" src="/webview/viewer.js"></script>
</body>
</html>`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => {
      resolve();
    });
  });
}

/** A few of the theme variables VS Code sets on a webview (Dark Modern values), so the page looks as in VS Code. */
const themeVariables = `html {
  --vscode-font-family: system-ui, sans-serif;
  --vscode-font-size: 13px;
  --vscode-editor-font-family: monospace;
  --vscode-foreground: #cccccc;
  --vscode-descriptionForeground: #9d9d9d;
  --vscode-editor-background: #1f1f1f;
  --vscode-editor-foreground: #cccccc;
  --vscode-panel-border: #2b2b2b;
  --vscode-focusBorder: #0078d4;
  --vscode-list-hoverBackground: #2a2d2e;
  --vscode-list-activeSelectionBackground: #04395e;
  --vscode-list-inactiveSelectionBackground: #37373d;
  --vscode-editor-findMatchBackground: #9e6a03;
  --vscode-editor-findMatchHighlightBackground: rgba(234, 92, 0, 0.33);
  --vscode-errorForeground: #f85149;
  --vscode-textLink-foreground: #4daafc;
  --vscode-badge-background: #616161;
  --vscode-badge-foreground: #f8f8f8;
  --vscode-editorHoverWidget-background: #202020;
  --vscode-editorHoverWidget-border: #454545;
  --vscode-sideBar-background: #181818;
}`;
