export interface DemoOptions {
  /** Port of the VS Code server (browser mode). */
  readonly port: number;
  /** Ports of Trace Stitch's built-in receiver in that VS Code. */
  readonly otlpPort: number;
  readonly zipkinPort: number;
  /** Open the desktop VS Code (`code` on PATH) instead of the browser one. */
  readonly desktop: boolean;
  /** Where the demo keeps its copy of the workspace, service logs and built binaries; undefined: the cache. */
  readonly workDir: string | undefined;
  readonly help: boolean;
}

export const demoUsage = `Usage: npm run demo -- [--port 8585] [--otlp-port 4318] [--zipkin-port 9411] [--work-dir <dir>] [--desktop]

Builds and packages Trace Stitch, starts VS Code (a VS Code server on 127.0.0.1, or with --desktop the desktop
VS Code) on a copy of demo/workspace with the extension installed, starts the sample services exporting traces
to the extension's built-in receiver, drives traffic, and prints the URL to open. Ctrl+C stops everything.
--work-dir chooses where the workspace copy, service logs and binaries go (default: .vscode-test/demo,
or demo/ under $TRACE_STITCH_VSCODE_CACHE).
`;

function portValue(flag: string, value: string | undefined): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${flag} needs a port number, got ${String(value)}`);
  return port;
}

export function parseDemoOptions(args: readonly string[]): DemoOptions {
  let port = 8585;
  let otlpPort = 4318;
  let zipkinPort = 9411;
  let desktop = false;
  let workDir: string | undefined;
  let help = false;
  for (let index = 0; index < args.length; index++) {
    const flag = args[index];
    switch (flag) {
      case '--port':
        port = portValue(flag, args[++index]);
        break;
      case '--otlp-port':
        otlpPort = portValue(flag, args[++index]);
        break;
      case '--zipkin-port':
        zipkinPort = portValue(flag, args[++index]);
        break;
      case '--work-dir': {
        const value = args[++index];
        if (!value || value.startsWith('--')) throw new Error('--work-dir needs a folder');
        workDir = value;
        break;
      }
      case '--desktop':
        desktop = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new Error(`unknown option ${String(flag)}`);
    }
  }
  return { port, otlpPort, zipkinPort, desktop, workDir, help };
}
