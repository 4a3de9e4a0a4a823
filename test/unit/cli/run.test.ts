import * as assert from 'node:assert/strict';
import type { CliCommand } from '../../../src/cli/command';
import { runCli } from '../../../src/cli/run';
import { captureStreams } from '../../support/cliStreams';

const capture = captureStreams;

const echo: CliCommand = {
  name: 'echo',
  summary: 'Print the arguments',
  usage: 'Usage: trace-stitch echo <words…>\n',
  run: (args, streams) => {
    streams.stdout.write(`${args.join(' ')}\n`);
    return Promise.resolve(args.length > 0 ? 0 : 1);
  },
};

const failing: CliCommand = {
  name: 'broken',
  summary: 'Always throws',
  usage: 'Usage: trace-stitch broken\n',
  run: () => Promise.reject(new Error('cannot read traces.json')),
};

describe('trace-stitch CLI', () => {
  it('prints usage listing every command for --help and exits 0', async () => {
    const io = capture();
    assert.equal(await runCli(['--help'], io.streams, [echo]), 0);
    assert.match(io.stdout(), /^Usage: trace-stitch <command>/);
    assert.match(io.stdout(), /^ {2}echo {6}Print the arguments$/m);
  });

  it('rejects an unknown command with exit code 2 and the usage on stderr', async () => {
    const io = capture();
    assert.equal(await runCli(['frobnicate'], io.streams, [echo]), 2);
    assert.match(io.stderr(), /unknown command 'frobnicate'/);
    assert.equal(io.stdout(), '');
  });

  it('dispatches to a command and returns its exit code', async () => {
    const io = capture();
    assert.equal(await runCli(['echo', 'a', 'b'], io.streams, [echo]), 0);
    assert.equal(io.stdout(), 'a b\n');
    assert.equal(await runCli(['echo'], capture().streams, [echo]), 1);
  });

  it('shows a command’s own usage for `help <command>` and `<command> --help`', async () => {
    const first = capture();
    assert.equal(await runCli(['help', 'echo'], first.streams, [echo]), 0);
    assert.equal(first.stdout(), echo.usage);
    const second = capture();
    assert.equal(await runCli(['echo', '--help'], second.streams, [echo]), 0);
    assert.equal(second.stdout(), echo.usage);
  });

  it('turns an error thrown by a command into a message and exit code 2', async () => {
    const io = capture();
    assert.equal(await runCli(['broken'], io.streams, [failing]), 2);
    assert.equal(io.stderr(), 'trace-stitch broken: cannot read traces.json\n');
  });
});
