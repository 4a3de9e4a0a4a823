import { cliVersion } from './version';

export interface CliStreams {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

const usage = `Usage: trace-stitch <command> [options]

Commands:
  help       Show this help

Options:
  --version  Print the version
  --help     Show this help
`;

/** Runs the command line and resolves to the process exit code (0 ok, 1 findings, 2 usage or input error). */
export function runCli(args: readonly string[], streams: CliStreams): Promise<number> {
  const [command] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    streams.stdout.write(usage);
    return Promise.resolve(0);
  }
  if (command === '--version' || command === '-v') {
    streams.stdout.write(`${cliVersion}\n`);
    return Promise.resolve(0);
  }
  streams.stderr.write(`trace-stitch: unknown command '${command}'\n\n${usage}`);
  return Promise.resolve(2);
}
