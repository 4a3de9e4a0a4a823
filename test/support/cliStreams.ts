import type { CliStreams } from '../../src/cli/command';

/** In-memory stdout/stderr for running CLI commands in tests. */
export function captureStreams(): { streams: CliStreams; stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    streams: { stdout: { write: (text: string) => (out += text) }, stderr: { write: (text: string) => (err += text) } },
    stdout: () => out,
    stderr: () => err,
  };
}
