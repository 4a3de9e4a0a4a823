import type { CliCommand, CliStreams } from './command';
import { commands as allCommands } from './commands';
import { cliVersion } from './version';

export type { CliStreams } from './command';

function usage(commands: readonly CliCommand[]): string {
  const width = Math.max(8, ...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: trace-stitch <command> [options]',
    '',
    'Commands:',
    ...lines,
    `  ${'help'.padEnd(width)}  Show this help, or a command's help: trace-stitch help <command>`,
    '',
    'Options:',
    '  --version  Print the version',
    '  --help     Show this help',
    '',
  ].join('\n');
}

/** Runs the command line and resolves to the process exit code (0 ok, 1 findings, 2 usage or input error). */
export async function runCli(
  args: readonly string[],
  streams: CliStreams,
  commands: readonly CliCommand[] = allCommands,
): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    streams.stdout.write(usage(commands));
    return 0;
  }
  if (name === '--version' || name === '-v') {
    streams.stdout.write(`${cliVersion}\n`);
    return 0;
  }
  if (name === 'help') {
    const target = commands.find((command) => command.name === rest[0]);
    streams.stdout.write(target ? target.usage : usage(commands));
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    streams.stderr.write(`trace-stitch: unknown command '${name}'\n\n${usage(commands)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    streams.stdout.write(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, streams);
  } catch (error) {
    streams.stderr.write(`trace-stitch ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
