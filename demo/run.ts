import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageExtension } from '../test/harness/packages';
import { cacheDir, repoRoot } from '../test/harness/paths';
import { provisionVsCodeServer, startVsCodeServer, type RunningServer } from '../test/harness/vscodeServer';
import { demoUsage, parseDemoOptions, type DemoOptions } from './options';
import { freePorts, isPortFree } from './ports';
import { RunningService, type MeshContext, type ServiceDefinition } from './services';
import { findGo, findPython, installMissing, type Toolchain } from './toolchains';
import { driveTraffic } from './traffic';

/**
 * `npm run demo`: a live VS Code with Trace Stitch on a small mesh whose orders service drops the trace headers.
 * Prints `Open <url>` when ready (the demo test reads that line) and stops everything on Ctrl+C.
 */
const log = (line: string): void => {
  console.log(`[demo] ${line}`);
};

async function ensurePortsFree(options: DemoOptions): Promise<void> {
  const wanted: [number, string, string][] = [
    [options.otlpPort, 'the built-in OTLP receiver', '--otlp-port'],
    [options.zipkinPort, 'the built-in Zipkin receiver', '--zipkin-port'],
  ];
  if (!options.desktop) wanted.unshift([options.port, 'the VS Code server', '--port']);
  for (const [port, what, flag] of wanted) {
    if (!(await isPortFree(port))) {
      throw new Error(`Port ${port} (for ${what}) is already in use on 127.0.0.1 — is another demo, collector or Jaeger running? Stop it, or choose another port with ${flag} <port>.`);
    }
  }
}

function toolchains(): { python: Toolchain; go: Toolchain } {
  let python = findPython();
  let go = findGo();
  const missing = [...(python.available ? [] : ['python3-flask', 'python3-requests']), ...(go.available ? [] : ['golang-go'])];
  if (missing.length > 0 && installMissing(missing, log)) {
    python = findPython();
    go = findGo();
  }
  return { python, go };
}

function prepareWorkspace(options: DemoOptions, workDir: string): string {
  const workspace = path.join(workDir, 'workspace');
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  cpSync(path.join(repoRoot, 'demo', 'workspace'), workspace, { recursive: true });
  const settings = {
    'traceStitch.receiver.otlpPort': options.otlpPort,
    'traceStitch.receiver.zipkinPort': options.zipkinPort,
    'workbench.startupEditor': 'none',
  };
  mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  writeFileSync(path.join(workspace, '.vscode', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  return workspace;
}

async function meshServices(python: Toolchain, go: Toolchain): Promise<ServiceDefinition[]> {
  const ports = await freePorts(9);
  const at = (index: number): number => ports[index] ?? 0;
  const services: ServiceDefinition[] = [
    { name: 'frontend', folder: 'services/frontend', language: 'node', sidecar: false, ports: { public: at(0), app: at(0), egress: at(1) }, calls: new Map([['orders:8080', 'orders']]) },
    { name: 'orders', folder: 'services/orders', language: 'python', sidecar: true, ports: { public: at(3), app: at(4), egress: at(5) }, calls: new Map([['inventory:8080', 'inventory']]) },
    { name: 'inventory', folder: 'services/inventory', language: 'go', sidecar: true, ports: { public: at(6), app: at(7), egress: at(8) }, calls: new Map() },
  ];
  return services.filter((service) => {
    const toolchain = service.language === 'python' ? python : service.language === 'go' ? go : undefined;
    if (!toolchain || toolchain.available) return true;
    log(`Skipping ${service.name}: its toolchain is missing. Install it with: ${toolchain.install}`);
    return false;
  });
}

async function openVsCode(options: DemoOptions, vsix: string, workspace: string): Promise<RunningServer | undefined> {
  if (options.desktop) {
    const code = spawnSync('code', ['--version'], { encoding: 'utf8' });
    if (code.status !== 0) throw new Error('--desktop needs the `code` command on PATH (VS Code: "Shell Command: Install \'code\' command in PATH").');
    spawnSync('code', ['--install-extension', vsix, '--force'], { stdio: 'inherit' });
    spawnSync('code', ['--new-window', workspace], { stdio: 'inherit' });
    log(`Opened ${workspace} in the desktop VS Code.`);
    return undefined;
  }
  const server = await startVsCodeServer({ vscodeDir: await provisionVsCodeServer(), vsixFiles: [vsix], name: 'demo', port: options.port });
  console.log(`\nOpen ${server.url}/?folder=${encodeURIComponent(workspace)}\n`);
  return server;
}

async function main(): Promise<void> {
  const options = parseDemoOptions(process.argv.slice(2));
  if (options.help) {
    console.log(demoUsage);
    return;
  }
  await ensurePortsFree(options);
  const { python, go } = toolchains();
  log('Building and packaging Trace Stitch…');
  const vsix = await packageExtension();
  const workDir = path.resolve(options.workDir ?? path.join(cacheDir, 'demo'));
  const workspace = prepareWorkspace(options, workDir);
  const logDir = path.join(workDir, 'logs');
  const buildDir = path.join(workDir, 'bin');
  mkdirSync(logDir, { recursive: true });
  mkdirSync(buildDir, { recursive: true });
  const definitions = await meshServices(python, go);
  const context: MeshContext = {
    repoRoot, workspace, logDir, buildDir, python: python.command, go: go.command, services: definitions, log,
    otlpEndpoint: `http://127.0.0.1:${options.otlpPort}/v1/traces`,
  };
  const services = definitions.map((definition) => new RunningService(definition, context));
  let server: RunningServer | undefined;
  let stopTraffic = (): void => undefined;
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log('Stopping…');
    stopTraffic();
    await Promise.all(services.map((service) => service.stop()));
    await server?.stop();
    log('Stopped everything the demo started.');
  };
  process.on('SIGINT', () => void stop().then(() => process.exit(0)));
  process.on('SIGTERM', () => void stop().then(() => process.exit(0)));
  try {
    for (const service of services) service.start();
    log(`Services: ${services.map((service) => service.name).join(', ')} (logs in ${logDir})`);
    server = await openVsCode(options, vsix, workspace);
    const frontend = definitions.find((definition) => definition.name === 'frontend');
    if (frontend) stopTraffic = driveTraffic(frontend.ports.public, log);
    log('Traces flow to Trace Stitch once its window is open (the receiver runs inside VS Code). Ctrl+C stops the demo.');
  } catch (error) {
    await stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
