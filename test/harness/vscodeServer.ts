import { spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ensureTools, ripgrep } from './debianPackages';
import { cacheDir, resultsDir } from './paths';
import { runOrThrow, waitFor } from './processes';

/** code-server 4.100.x carries VS Code 1.100.x and is the last line that runs on Node 20. */
export const codeServerVersion = '4.100.3';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Provisions the VS Code server from the code-server npm package into the cache (DESIGN.md's recipe) and returns
 * the folder of VS Code inside it. Install scripts are skipped because they download from GitHub; the native
 * modules the server needs are rebuilt instead, and Debian's ripgrep stands in for @vscode/ripgrep's download.
 */
export async function provisionVsCodeServer(): Promise<string> {
  const installDir = path.join(cacheDir, `code-server-${codeServerVersion}`);
  const vscodeDir = path.join(installDir, 'node_modules', 'code-server', 'lib', 'vscode');
  const marker = path.join(installDir, '.provisioned');
  if (existsSync(marker)) return vscodeDir;

  mkdirSync(resultsDir, { recursive: true });
  const logFile = path.join(resultsDir, 'provision.log');
  console.log(`Provisioning VS Code server (code-server ${codeServerVersion}) into ${installDir} (log: ${logFile})…`);
  await ensureTools([ripgrep], logFile);
  mkdirSync(installDir, { recursive: true });
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  const timeoutMs = 900_000;
  await runOrThrow(npm, ['install', '--prefix', installDir, '--ignore-scripts', ...quiet, `code-server@${codeServerVersion}`], {
    cwd: installDir,
    logFile,
    timeoutMs,
  });
  await runOrThrow(npm, ['install', '--omit=dev', '--ignore-scripts', ...quiet], { cwd: vscodeDir, logFile, timeoutMs });
  const ripgrepBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(ripgrepBin, { recursive: true });
  copyFileSync(ripgrep.path, path.join(ripgrepBin, 'rg'));
  await runOrThrow(npm, ['rebuild', '@vscode/spdlog', '@parcel/watcher', 'native-watchdog'], {
    cwd: vscodeDir,
    logFile,
    timeoutMs,
  });
  await runOrThrow(npm, ['install', '--omit=dev', '--ignore-scripts', ...quiet], {
    cwd: path.join(vscodeDir, 'extensions'),
    logFile,
    timeoutMs,
  });
  const asarLink = path.join(vscodeDir, 'node_modules.asar');
  if (!existsSync(asarLink)) symlinkSync('node_modules', asarLink);
  writeFileSync(marker, new Date().toISOString());
  return vscodeDir;
}

export interface ServerOptions {
  readonly vscodeDir: string;
  readonly vsixFiles: readonly string[];
  /** Extra environment for the server; its extension hosts inherit it. */
  readonly env?: Readonly<Record<string, string>>;
  /** A name for the folders and logs of this server instance. */
  readonly name: string;
  /** A fixed port; a free one is picked when absent. */
  readonly port?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly dataDir: string;
  readonly logFile: string;
  /** Folder where VS Code writes its own logs (server, extension hosts, extension log channels). */
  readonly vscodeLogsDir: string;
  /** Stops the server and its extension hosts and deletes its data folder (copy logs out first). */
  stop(): Promise<void>;
}

/** User settings of every test window. */
const testUserSettings = {
  // Built-in extensions (typescript-language-features, activated whenever a test edits settings.json) send
  // telemetry despite --disable-telemetry; offline, the failed DNS lookup is an uncaught error in the extension
  // host that fails whichever test happens to run. Telemetry off keeps them quiet.
  'telemetry.telemetryLevel': 'off',
  // Trace Stitch's receiver starts in every window: on free ports, parallel test runs never collide on 4318/9411.
  'traceStitch.receiver.otlpPort': 0,
  'traceStitch.receiver.zipkinPort': 0,
  // The "Setup VS Code Web" walkthrough opens a moment after start-up and, taking focus, closes whatever quick
  // input or dialog a test has opened by then.
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

/** Starts a VS Code server on 127.0.0.1 with fresh user data and the given extensions installed. */
export async function startVsCodeServer(options: ServerOptions): Promise<RunningServer> {
  mkdirSync(path.join(cacheDir, 'runs'), { recursive: true });
  const dataDir = mkdtempSync(path.join(cacheDir, 'runs', `${options.name}-`));
  const dirs = {
    userData: path.join(dataDir, 'user-data'),
    serverData: path.join(dataDir, 'server-data'),
    extensions: path.join(dataDir, 'extensions'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(testUserSettings, null, 2));
  mkdirSync(resultsDir, { recursive: true });
  const logFile = path.join(resultsDir, `${options.name}-server.log`);
  const common = [
    '--accept-server-license-terms',
    '--user-data-dir',
    dirs.userData,
    '--server-data-dir',
    dirs.serverData,
    '--extensions-dir',
    dirs.extensions,
  ];
  const serverMain = path.join(options.vscodeDir, 'out', 'server-main.js');
  for (const vsix of options.vsixFiles) {
    await runOrThrow(process.execPath, [serverMain, ...common, '--install-extension', vsix], {
      logFile,
      timeoutMs: 120_000,
    });
  }
  const port = options.port ?? (await freePort());
  const env = { ...process.env, ...options.env };
  const child = spawn(
    process.execPath,
    [
      serverMain,
      ...common,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--without-connection-token',
      '--disable-workspace-trust',
      '--disable-telemetry',
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`the VS Code server at ${url} (log: ${logFile})`, () => respondsOk(url, child), 60_000);
  return {
    url,
    dataDir,
    logFile,
    vscodeLogsDir: path.join(dirs.userData, 'logs'),
    stop: async () => {
      await stopProcessGroup(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function respondsOk(url: string, child: ChildProcess): Promise<true | undefined> {
  if (child.exitCode !== null) throw new Error(`The VS Code server exited with code ${child.exitCode}`);
  try {
    const response = await fetch(url);
    return response.ok ? true : undefined;
  } catch {
    return undefined;
  }
}

/** A port nothing listens on right now (the OS picks it), for servers that tests start. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not pick a free port'));
      });
    });
  });
}

/** Stops the server and the extension hosts it spawned (they share its process group). */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timeout = new Promise<'timeout'>((resolve) => {
    setTimeout(() => {
      resolve('timeout');
    }, 5_000);
  });
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
