import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/** A long-running child in its own process group, so stopping it also stops whatever it started. */
export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly logFile: string;
}

export function startProcess(name: string, command: string, args: readonly string[], options: StartOptions): ManagedProcess {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.on('error', (error) => {
    log.write(`failed to start ${command}: ${error.message}\n`);
  });
  return { name, child, stop: () => stopGroup(child) };
}

/** SIGTERM to the group, SIGKILL after a grace period; resolves once the leader has exited. */
export async function stopGroup(child: ChildProcess, graceMs = 3_000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  signalGroup(pid, 'SIGTERM');
  const timer = new Promise<'late'>((resolve) => {
    setTimeout(() => {
      resolve('late');
    }, graceMs);
  });
  if ((await Promise.race([exited, timer])) === 'late') {
    signalGroup(pid, 'SIGKILL');
    await exited;
  }
  // Children that ignored SIGTERM but outlived the leader still share its group.
  signalGroup(pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}
