import { parseLookback } from '../../core/formats/time';

/** What `trace-stitch analyze` was asked to do. */
export interface AnalyzeOptions {
  readonly paths: readonly string[];
  readonly jaeger?: {
    readonly url: string;
    readonly service: string;
    readonly operation?: string;
    readonly lookbackMs: number;
    readonly limit: number;
    readonly insecure: boolean;
    readonly caFile?: string;
    readonly timeoutMs?: number;
  };
  readonly format: 'text' | 'json';
  readonly failOn: ReadonlySet<FailCondition>;
  readonly adjustClockSkew: boolean;
  /** A code folder: each broken link is tied to the call site in it that dropped the trace context. */
  readonly workspace?: string;
}

export type FailCondition = 'broken' | 'orphans' | 'errors';
const failConditions: readonly FailCondition[] = ['broken', 'orphans', 'errors'];

/** A command-line mistake: the message is printed with the usage, exit code 2. */
export class UsageError extends Error {}

const withValue = new Set(['--jaeger', '--service', '--operation', '--lookback', '--limit', '--format', '--fail-on', '--ca', '--timeout', '--workspace']);
const flags = new Set(['--insecure', '--no-clock-skew']);

/** Parses `analyze` arguments (`--name value` or `--name=value`); throws UsageError with a precise message. */
export function parseAnalyzeArgs(args: readonly string[]): AnalyzeOptions {
  const paths: string[] = [];
  const values = new Map<string, string>();
  const set = new Set<string>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (!arg.startsWith('--')) {
      paths.push(arg);
      continue;
    }
    const [name = '', inline] = arg.split(/=(.*)/s, 2);
    if (flags.has(name)) {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
      set.add(name);
    } else if (withValue.has(name)) {
      const value = inline ?? args[++index];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`${name} needs a value`);
      values.set(name, value);
    } else {
      throw new UsageError(`unknown option ${name}`);
    }
  }

  const format = values.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  const failOn = new Set<FailCondition>();
  for (const item of (values.get('--fail-on') ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    if (!failConditions.includes(item as FailCondition)) throw new UsageError(`--fail-on takes ${failConditions.join(', ')}; "${item}" is none of them`);
    failOn.add(item as FailCondition);
  }

  const jaegerUrl = values.get('--jaeger');
  const jaegerOnly = ['--service', '--operation', '--lookback', '--limit', '--ca', '--timeout'].filter((name) => values.has(name));
  if (jaegerUrl === undefined && (jaegerOnly.length > 0 || set.has('--insecure'))) {
    throw new UsageError(`${[...jaegerOnly, ...(set.has('--insecure') ? ['--insecure'] : [])].join(', ')} only make sense with --jaeger URL`);
  }
  if (jaegerUrl === undefined && paths.length === 0) throw new UsageError('give trace files or folders to analyze, or --jaeger URL --service NAME');

  let jaeger: AnalyzeOptions['jaeger'];
  if (jaegerUrl !== undefined) {
    const service = values.get('--service');
    if (service === undefined) throw new UsageError('--jaeger needs --service NAME (Jaeger searches by service)');
    const lookbackText = values.get('--lookback') ?? '1h';
    const lookbackMs = parseLookback(lookbackText);
    if (lookbackMs === undefined) throw new UsageError(`--lookback must be a duration such as 15m, 1h or 2d, not "${lookbackText}"`);
    const limitText = values.get('--limit') ?? '20';
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number, not "${limitText}"`);
    const timeoutText = values.get('--timeout');
    const timeoutMs = timeoutText === undefined ? undefined : parseLookback(timeoutText);
    if (timeoutText !== undefined && timeoutMs === undefined) throw new UsageError(`--timeout must be a duration such as 30s, not "${timeoutText}"`);
    jaeger = { url: jaegerUrl, service, operation: values.get('--operation'), lookbackMs, limit, insecure: set.has('--insecure'), caFile: values.get('--ca'), timeoutMs };
  }
  const workspace = values.get('--workspace');
  return { paths, jaeger, format, failOn, adjustClockSkew: !set.has('--no-clock-skew'), ...(workspace === undefined ? {} : { workspace }) };
}
