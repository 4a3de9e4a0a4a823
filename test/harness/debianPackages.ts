import { existsSync } from 'node:fs';
import { run, runOrThrow } from './processes';

interface Tool {
  /** Where the binary is expected. */
  readonly path: string;
  /** The Debian package that provides it. */
  readonly debianPackage: string;
}

export const chromium: Tool = { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', debianPackage: 'chromium' };
export const ripgrep: Tool = { path: '/usr/bin/rg', debianPackage: 'ripgrep' };

/**
 * Makes sure the tools exist. As root on Debian/Ubuntu a missing one is installed with apt-get; otherwise the
 * error says exactly what to run.
 */
export async function ensureTools(tools: readonly Tool[], logFile: string): Promise<void> {
  const missing = tools.filter((tool) => !existsSync(tool.path));
  if (missing.length === 0) return;
  const packages = missing.map((tool) => tool.debianPackage);
  const isRoot = process.getuid?.() === 0;
  const hasApt = (await run('sh', ['-c', 'command -v apt-get'], { logFile })) === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      `Missing ${missing.map((tool) => tool.path).join(', ')}. Install with: sudo apt-get install -y ${packages.join(' ')}` +
        ' (Debian/Ubuntu), or set CHROMIUM_PATH to an existing Chromium or Chrome binary.',
    );
  }
  console.log(`Installing ${packages.join(', ')} from Debian packages (log: ${logFile})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runOrThrow('apt-get', ['update'], { env, logFile, timeoutMs: 600_000 });
  await runOrThrow('apt-get', ['install', '-y', ...packages], {
    env,
    logFile,
    timeoutMs: 900_000,
  });
}
