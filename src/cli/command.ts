/** Where a command writes; tests pass in-memory streams. */
export interface CliStreams {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** One `trace-stitch <name>` subcommand. Exit codes: 0 ok, 1 findings (what CI fails on), 2 usage or input error. */
export interface CliCommand {
  readonly name: string;
  /** One line for `trace-stitch --help`. */
  readonly summary: string;
  /** The command's own `--help` text. */
  readonly usage: string;
  run(args: readonly string[], streams: CliStreams): Promise<number>;
}
