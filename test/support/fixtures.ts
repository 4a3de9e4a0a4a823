import { existsSync } from 'node:fs';
import path from 'node:path';

/** The compiled file lives in out/test/support, so the repository root is three levels up. */
const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * The shared real-world fixtures (`../shared/fixtures` next to the repository, see its SOURCES.md), or the folder
 * named by TRACE_STITCH_FIXTURES. Tests read them in place; they are never copied into the repository.
 */
export function sharedFixturesDir(): string {
  const candidates = [process.env.TRACE_STITCH_FIXTURES, path.resolve(repoRoot, '..', 'shared', 'fixtures')];
  const found = candidates.find((candidate): candidate is string => candidate !== undefined && existsSync(candidate));
  if (!found) {
    throw new Error('The shared fixtures were not found: expected ../shared/fixtures next to the repository, or set TRACE_STITCH_FIXTURES.');
  }
  return found;
}
