import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot, resultsDir } from '../harness/paths';
import { descendantPids, runningPids } from '../support/processTree';

/** `npm run demo` started by a test: its output line by line, Ctrl+C, and its exit. */
export interface DemoRun {
  readonly pid: number;
  /** Resolves to the first output line (so far or to come) matching `pattern`. */
  line(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  /** Everything it printed so far. */
  output(): string;
  /** Ctrl+C. */
  interrupt(): void;
  /** Resolves to the exit code once it has exited. */
  exited(timeoutMs: number): Promise<number>;
  /** For cleanup after a failed test: Ctrl+C, then SIGKILL to whatever it started that is still running. */
  kill(): Promise<void>;
}

/** Runs the compiled entry of `npm run demo` (`npm run demo` builds, then runs it) with `args`. */
export function startDemo(args: readonly string[]): DemoRun {
  mkdirSync(resultsDir, { recursive: true });
  const log = createWriteStream(path.join(resultsDir, 'demo-output.log'), { flags: 'a' });
  const child = spawn(process.execPath, [path.join(repoRoot, 'out', 'demo', 'run.js'), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('npm run demo did not start');
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      log.write(`${line}\n`);
      for (const listener of listeners) listener();
    });
  }
  const exit = new Promise<number>((resolve) => {
    child.once('exit', (code, signal) => {
      log.write(`(exited: ${signal ?? String(code)})\n`);
      resolve(code ?? 128);
    });
  });
  const output = (): string => lines.join('\n');
  const deadline = <T>(what: string, promise: Promise<T>, timeoutMs: number): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. The demo printed:\n${output()}`));
      }, timeoutMs);
    });
    return Promise.race([promise, late]).finally(() => {
      clearTimeout(timer);
    });
  };
  return {
    pid,
    output,
    line: (pattern, timeoutMs) =>
      deadline(
        `a line matching ${String(pattern)}`,
        new Promise<RegExpExecArray>((resolve, reject) => {
          const check = (): void => {
            for (const line of lines) {
              const match = pattern.exec(line);
              if (match) {
                listeners.delete(check);
                resolve(match);
                return;
              }
            }
          };
          listeners.add(check);
          check();
          void exit.then((code) => {
            listeners.delete(check);
            reject(new Error(`The demo exited (${code}) before printing a line matching ${String(pattern)}:\n${output()}`));
          });
        }),
        timeoutMs,
      ),
    interrupt: () => {
      child.kill('SIGINT');
    },
    exited: (timeoutMs) => deadline('the demo to exit', exit, timeoutMs),
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const started = descendantPids(pid);
      child.kill('SIGINT');
      await deadline('the demo to exit', exit, 30_000).catch(() => {
        child.kill('SIGKILL');
      });
      for (const leftover of runningPids(started)) process.kill(leftover, 'SIGKILL');
    },
  };
}
