import * as assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/run';

function capture(): { streams: Parameters<typeof runCli>[1]; stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    streams: { stdout: { write: (text: string) => (out += text) }, stderr: { write: (text: string) => (err += text) } },
    stdout: () => out,
    stderr: () => err,
  };
}

describe('trace-stitch CLI', () => {
  it('prints usage for --help and exits 0', async () => {
    const io = capture();
    assert.equal(await runCli(['--help'], io.streams), 0);
    assert.match(io.stdout(), /^Usage: trace-stitch <command>/);
  });

  it('rejects an unknown command with exit code 2 and the usage on stderr', async () => {
    const io = capture();
    assert.equal(await runCli(['frobnicate'], io.streams), 2);
    assert.match(io.stderr(), /unknown command 'frobnicate'/);
    assert.equal(io.stdout(), '');
  });
});
