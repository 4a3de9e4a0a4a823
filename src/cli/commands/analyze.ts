import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeTraces } from '../../core/analysis/analyze';
import type { BrokenLink } from '../../core/analysis/types';
import { findBreakingCallSites } from '../../core/codelinks/breakingCallSite';
import type { SkippedItem } from '../../core/formats/parseResult';
import type { Trace } from '../../core/model/trace';
import { readTraceFiles } from '../../core/sources/fileSource';
import { JaegerTraceSource } from '../../core/sources/jaeger/jaegerSource';
import type { JaegerAuth } from '../../core/sources/jaeger/options';
import { SourceError } from '../../core/sources/sourceError';
import { parseAnalyzeArgs, UsageError, type AnalyzeOptions, type FailCondition } from '../analyze/options';
import { summarize, type AnalyzeReport, type CallSiteRef } from '../analyze/summary';
import { textReport } from '../analyze/textReport';
import { indexWorkspaceCode } from '../analyze/workspaceCode';
import type { CliCommand, CliStreams } from '../command';

const usage = `Usage: trace-stitch analyze <file|folder ...> [options]
       trace-stitch analyze --jaeger URL --service NAME [options]

Reads traces (Jaeger JSON, OTLP JSON or JSON Lines, Zipkin v2 JSON; folders are searched for .json, .jsonl and
.ndjson files) and/or searches Jaeger, then prints a summary per trace and the broken links between traces:
calls whose trace context was lost, so the callee started a new trace.

Options:
  --format text|json      Output format (default text)
  --fail-on LIST          Exit 1 when any of these hold (comma-separated): broken (a broken link),
                          orphans (a span whose parent is missing), errors (an error span)
  --no-clock-skew         Do not adjust clock skew between hosts
  --jaeger URL            Jaeger query service (e.g. http://localhost:16686); API v3 preferred, v1 fallback
  --service NAME          Service to search in Jaeger (required with --jaeger)
  --operation NAME        Only traces with this operation
  --lookback DURATION     How far back to search, e.g. 15m, 1h, 2d (default 1h)
  --limit N               At most N traces (default 20)
  --timeout DURATION      Per request (default 15s)
  --ca FILE               PEM CA certificate to trust for https
  --insecure              Do not verify Jaeger's TLS certificate (testing only)
  --workspace DIR         Tie each broken link to the call in DIR's code that dropped the trace context
                          (a missing-propagation finding of the caller whose URL targets the callee);
                          JSON adds "callSite": {"file", "line"} relative to the working directory

Environment: TRACE_STITCH_JAEGER_TOKEN (bearer token), or TRACE_STITCH_JAEGER_USER and
TRACE_STITCH_JAEGER_PASSWORD (basic auth), for a Jaeger behind authentication.

Exit codes: 0 fine, 1 a --fail-on condition holds, 2 usage or input error (nothing could be read, Jaeger failed).
`;

/** Credentials for Jaeger come from the environment, never from arguments (which other users can see). */
function authFromEnvironment(): JaegerAuth | undefined {
  const token = process.env.TRACE_STITCH_JAEGER_TOKEN;
  if (token) return { kind: 'bearer', token };
  const username = process.env.TRACE_STITCH_JAEGER_USER;
  const password = process.env.TRACE_STITCH_JAEGER_PASSWORD;
  return username ? { kind: 'basic', username, password: password ?? '' } : undefined;
}

async function searchJaeger(jaeger: NonNullable<AnalyzeOptions['jaeger']>): Promise<{ traces: readonly Trace[]; skipped: readonly SkippedItem[] }> {
  const ca = jaeger.caFile === undefined ? undefined : await readFile(jaeger.caFile, 'utf8');
  const source = new JaegerTraceSource({
    baseUrl: jaeger.url,
    auth: authFromEnvironment(),
    tls: { ca, rejectUnauthorized: !jaeger.insecure },
    timeoutMs: jaeger.timeoutMs,
  });
  const endMs = Date.now();
  return source.search({ service: jaeger.service, operation: jaeger.operation, limit: jaeger.limit, startMs: endMs - jaeger.lookbackMs, endMs });
}

/** The call site in the workspace's code that broke each link, where the code shows one. */
async function locateCallSites(links: readonly BrokenLink[], folder: string): Promise<Map<BrokenLink, CallSiteRef>> {
  const { code, workspace } = await indexWorkspaceCode(folder);
  const found = new Map<BrokenLink, CallSiteRef>();
  for (const link of links) {
    const [best] = findBreakingCallSites(link, code, workspace);
    if (best) {
      const file = path.relative(process.cwd(), best.call.file).split(path.sep).join('/');
      found.set(link, { file, line: best.call.line });
    }
  }
  return found;
}

/** Which of the requested fail conditions hold. */
function failures(report: AnalyzeReport, failOn: ReadonlySet<FailCondition>): string[] {
  const found: string[] = [];
  if (failOn.has('broken') && report.brokenLinks.length > 0) found.push(`${report.brokenLinks.length} broken link(s)`);
  const orphans = report.traces.reduce((sum, trace) => sum + trace.orphans, 0);
  if (failOn.has('orphans') && orphans > 0) found.push(`${orphans} orphan span(s)`);
  const errors = report.traces.reduce((sum, trace) => sum + trace.errors, 0);
  if (failOn.has('errors') && errors > 0) found.push(`${errors} error span(s)`);
  return found;
}

async function run(args: readonly string[], streams: CliStreams): Promise<number> {
  let options: AnalyzeOptions;
  try {
    options = parseAnalyzeArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    streams.stderr.write(`trace-stitch analyze: ${error.message}\n\n${usage}`);
    return 2;
  }
  const traces: Trace[] = [];
  const skipped: SkippedItem[] = [];
  if (options.paths.length > 0) {
    const loaded = await readTraceFiles(options.paths);
    traces.push(...loaded.traces);
    skipped.push(...loaded.skipped);
  }
  if (options.jaeger) {
    try {
      const found = await searchJaeger(options.jaeger);
      traces.push(...found.traces);
      skipped.push(...found.skipped);
    } catch (error) {
      const message = error instanceof SourceError || error instanceof Error ? error.message : String(error);
      streams.stderr.write(`trace-stitch analyze: ${message}\n`);
      return 2;
    }
  }
  const analysis = analyzeTraces(traces, { adjustClockSkew: options.adjustClockSkew });
  const callSites = options.workspace === undefined ? new Map<BrokenLink, CallSiteRef>() : await locateCallSites(analysis.brokenLinks, options.workspace);
  const report = summarize(analysis, skipped, callSites);
  streams.stdout.write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : textReport(analysis, skipped, callSites));
  if (traces.length === 0 && skipped.length > 0) {
    streams.stderr.write('trace-stitch analyze: no traces could be read\n');
    return 2;
  }
  const failed = failures(report, options.failOn);
  if (failed.length > 0) {
    streams.stderr.write(`trace-stitch analyze: failing (--fail-on ${[...options.failOn].join(',')}): ${failed.join(', ')}\n`);
    return 1;
  }
  return 0;
}

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: 'Summarize traces and find broken links (calls that lost their trace context)',
  usage,
  run,
};
