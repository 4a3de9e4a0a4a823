import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../../core/findings/finding';
import { displayPath, formatJson, formatText } from '../../core/findings/format';
import { toSarif } from '../../core/findings/sarif';
import type { CliCommand, CliStreams } from '../command';
import { collectFiles } from '../lint/collectFiles';
import { readLintConfig } from '../lint/config';
import type { FileLinter } from '../lint/fileLinter';
import { createFileLinters } from '../lint/linters';
import { cliVersion } from '../version';

const formats = ['text', 'json', 'sarif'] as const;
type Format = (typeof formats)[number];

const maxFileBytes = 1024 * 1024;

const usage = `Usage: trace-stitch lint [paths…] [--format text|json|sarif] [--config file]

Finds outbound HTTP calls that drop the trace context of the request being handled (Python, JavaScript,
TypeScript, Go, Java), and mistakes in Istio Telemetry, mesh config and OpenTelemetry Collector YAML (checked
across all the YAML files given, as provider names and ports span files). Paths default to the working
directory; folders are walked, honouring .gitignore.

Options:
  --format <f>    text (default), json or sarif (SARIF 2.1.0 for GitHub code scanning)
  --config <file> JSON with the linter settings: {"propagation": {"headers": […], "severity": {…},
                  "wrappers": […], "exclude": […], "languages": {…}}}, or a VS Code settings.json
                  with traceStitch.propagation.* keys; {"yaml": {"collectorVersion": "0.120.0"}} (or
                  traceStitch.yaml.collectorVersion) sets the collector release YAML is checked against

Exit codes: 0 nothing found, 1 findings reported, 2 usage or input error.
`;

interface LintArguments {
  readonly paths: string[];
  readonly format: Format;
  readonly config?: string;
}

function parseArguments(args: readonly string[]): LintArguments {
  const paths: string[] = [];
  let format: Format = 'text';
  let config: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? args[++index];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--format' || flag === '-f') {
      const chosen = value();
      if (!(formats as readonly string[]).includes(chosen)) throw new UsageError(`unknown format '${chosen}' (text, json or sarif)`);
      format = chosen as Format;
    } else if (flag === '--config' || flag === '-c') config = value();
    else if (flag.startsWith('-')) throw new UsageError(`unknown option '${flag}'`);
    else paths.push(arg);
  }
  return { paths: paths.length > 0 ? paths : ['.'], format, ...(config === undefined ? {} : { config }) };
}

class UsageError extends Error {}

async function lintFile(file: string, linters: readonly FileLinter[], notes: string[], cwd: string): Promise<Finding[]> {
  const matching = linters.filter((linter) => linter.matches(file));
  if (matching.length === 0) return [];
  const info = await stat(file);
  if (info.size > maxFileBytes) {
    notes.push(`${displayPath(file, cwd)}: skipped, ${(info.size / 1024 / 1024).toFixed(1)} MB is over the 1 MB limit`);
    return [];
  }
  const text = await readFile(file, 'utf8');
  const findings: Finding[] = [];
  for (const linter of matching) {
    const result = await linter.lint(file, text);
    findings.push(...result.findings);
    for (const note of result.notes) notes.push(`${displayPath(file, cwd)}: ${note}`);
  }
  return findings;
}

/** `trace-stitch lint`: runs every file linter over the given paths and prints text, JSON or SARIF. */
export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'Report outbound calls that break traces and mistakes in tracing YAML (text, JSON or SARIF)',
  usage,
  async run(args: readonly string[], streams: CliStreams): Promise<number> {
    let parsed: LintArguments;
    try {
      parsed = parseArguments(args);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      streams.stderr.write(`trace-stitch lint: ${error.message}\n\n${usage}`);
      return 2;
    }
    const cwd = process.cwd();
    const configText = parsed.config === undefined ? undefined : await readFile(path.resolve(cwd, parsed.config), 'utf8');
    const { config, problems } = readLintConfig(configText);
    for (const problem of problems) streams.stderr.write(`trace-stitch lint: config: ${problem} (ignored)\n`);
    const linters = await createFileLinters(config, cwd);
    try {
      const exclude = linters.flatMap((linter) => linter.exclude);
      const files = await collectFiles(parsed.paths, cwd, exclude, (file) => linters.some((linter) => linter.matches(file)));
      const notes: string[] = [];
      const findings: Finding[] = [];
      for (const file of files) findings.push(...(await lintFile(file, linters, notes, cwd)));
      for (const linter of linters) {
        const result = linter.finish?.();
        if (result) {
          findings.push(...result.findings);
          notes.push(...result.notes);
        }
      }
      for (const note of notes) streams.stderr.write(`trace-stitch lint: ${note}\n`);
      if (parsed.format === 'json') streams.stdout.write(formatJson(findings, cwd));
      else if (parsed.format === 'sarif') {
        const rules = linters.flatMap((linter) => linter.rules);
        streams.stdout.write(`${JSON.stringify(toSarif(findings, rules, cwd, cliVersion), null, 2)}\n`);
      } else streams.stdout.write(formatText(findings, cwd));
      return findings.length > 0 ? 1 : 0;
    } finally {
      for (const linter of linters) linter.dispose();
    }
  },
};
