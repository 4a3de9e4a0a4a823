/**
 * The contract between the harness and the test-runner extension that runs code inside a real extension host.
 * The harness writes a job file (path in the TRACE_STITCH_RUNNER_JOB environment variable of the VS Code
 * server, which its extension hosts inherit); the runner loads `entry`, calls its `runInHost`, and writes the
 * result to `resultPath`.
 */
export const runnerJobEnvironmentVariable = 'TRACE_STITCH_RUNNER_JOB';

/** Option the runner adds to every job: the folder holding each extension's log files for this window. */
export const extensionLogsDirOption = 'extensionLogsDir';

export interface RunnerJob {
  /** Absolute path of a CommonJS module that exports `runInHost(options)`. */
  readonly entry: string;
  readonly resultPath: string;
  readonly options: Readonly<Record<string, string>>;
}

export type RunnerResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/** The shape of a module the runner can load. */
export interface InHostModule {
  runInHost(options: Readonly<Record<string, string>>): Promise<unknown>;
}
