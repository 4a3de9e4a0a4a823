import { spawnSync } from 'node:child_process';

/** A language runtime a demo service needs, found on this machine or not. */
export interface Toolchain {
  readonly available: boolean;
  readonly command: string;
  /** What to run to get it, when it is missing. */
  readonly install: string;
}

function succeeds(command: string, args: readonly string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 20_000 });
  return result.status === 0;
}

/** A python3 that can import Flask and requests: Debian's, when they come from apt, or the one on PATH. */
export function findPython(): Toolchain {
  const candidates = ['/usr/bin/python3', 'python3'];
  const found = candidates.find((candidate) => succeeds(candidate, ['-c', 'import flask, requests']));
  return {
    available: found !== undefined,
    command: found ?? 'python3',
    install: 'sudo apt-get install -y python3-flask python3-requests   (or: pip install flask requests)',
  };
}

export function findGo(): Toolchain {
  const found = ['go', '/usr/bin/go', '/usr/local/go/bin/go'].find((candidate) => succeeds(candidate, ['version']));
  return { available: found !== undefined, command: found ?? 'go', install: 'sudo apt-get install -y golang-go' };
}

/**
 * As root on Debian/Ubuntu, installs what is missing from Debian's packages, as the test harness does for
 * Chromium; elsewhere leaves it to the user (the demo says what to run and goes on without that service).
 */
export function installMissing(packages: readonly string[], log: (line: string) => void): boolean {
  if (packages.length === 0) return true;
  if (process.getuid?.() !== 0 || !succeeds('sh', ['-c', 'command -v apt-get'])) return false;
  log(`Installing ${packages.join(', ')} from Debian packages…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'ignore', env, timeout: 600_000 });
  const install = spawnSync('apt-get', ['install', '-y', ...packages], { stdio: 'ignore', env, timeout: 900_000 });
  return update.status === 0 && install.status === 0;
}
