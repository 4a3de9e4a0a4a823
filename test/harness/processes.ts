import { spawn, type SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  /** Where output goes: the console (default) or a log file. */
  readonly logFile?: string;
}

/** Runs a command to completion and resolves to its exit code; output goes to the console or a log file. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
    const spawnOptions: SpawnOptions = {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    };
    const child = spawn(command, args, spawnOptions);
    if (log) {
      log.write(`$ ${command} ${args.join(' ')}\n`);
      child.stdout?.pipe(log, { end: false });
      child.stderr?.pipe(log, { end: false });
    }
    const timer = options.timeoutMs
      ? setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`${command} ${args.join(' ')} timed out after ${options.timeoutMs} ms`));
        }, options.timeoutMs)
      : undefined;
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      log?.end();
      resolve(code ?? 1);
    });
  });
}

/** Runs a command and rejects unless it exits 0; the message names the log to read. */
export async function runOrThrow(command: string, args: readonly string[], options: RunOptions = {}): Promise<void> {
  const code = await run(command, args, options);
  if (code !== 0) {
    const where = options.logFile ? ` (see ${options.logFile})` : '';
    throw new Error(`${command} ${args.join(' ')} exited with ${code}${where}`);
  }
}

/** Polls until `probe` yields a value or the deadline passes; for waiting on files and ports, never fixed sleeps. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
