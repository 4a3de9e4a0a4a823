import type { FindingSeverity } from '../findings/finding';
import { defaultTraceHeaders } from './headers';
import { propagationLanguages, type PropagationLanguage } from './model';

export const ruleIds = ['missing-propagation', 'incomplete-propagation'] as const;
export type RuleId = (typeof ruleIds)[number];

/** A rule's severity, or `off` to not report it. */
export type RuleSeverity = FindingSeverity | 'off';

/** The linter's options; the editor fills them from `traceStitch.propagation.*`, the CLI from `--config`. */
export interface PropagationOptions {
  /** Headers to forward (the quick fix copies these); matched case-insensitively. */
  readonly headers: readonly string[];
  readonly severity: Readonly<Record<RuleId, RuleSeverity>>;
  /** Function names that propagate the context of the call made inside them or of the headers they return. */
  readonly wrappers: readonly string[];
  /** Globs (relative to the workspace or working directory) of files not to lint. */
  readonly exclude: readonly string[];
  readonly languages: Readonly<Record<PropagationLanguage, boolean>>;
}

export const defaultExcludes: readonly string[] = [
  '**/node_modules/**',
  '**/vendor/**',
  '**/.venv/**',
  '**/venv/**',
  '**/site-packages/**',
  '**/dist/**',
  '**/build/**',
  '**/target/**',
];

export const defaultPropagationOptions: PropagationOptions = {
  headers: defaultTraceHeaders,
  severity: { 'missing-propagation': 'warning', 'incomplete-propagation': 'warning' },
  wrappers: [],
  exclude: defaultExcludes,
  languages: { python: true, javascript: true, typescript: true, go: true, java: true },
};

const severities: readonly RuleSeverity[] = ['error', 'warning', 'info', 'hint', 'off'];

/**
 * Builds options from loosely typed input (a settings object, a JSON config file): every field that is missing or
 * of the wrong type keeps its default, and the problems are returned so callers can say what was ignored.
 */
export function parsePropagationOptions(input: unknown): { options: PropagationOptions; problems: string[] } {
  const problems: string[] = [];
  const source = isRecord(input) ? input : {};
  if (!isRecord(input) && input !== undefined) problems.push('the configuration is not an object');
  const stringList = (key: keyof PropagationOptions, fallback: readonly string[]): readonly string[] => {
    const value = source[key];
    if (value === undefined) return fallback;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
    problems.push(`"${key}" must be a list of strings`);
    return fallback;
  };
  const severity = { ...defaultPropagationOptions.severity };
  if (isRecord(source.severity)) {
    for (const [rule, value] of Object.entries(source.severity)) {
      if (!(ruleIds as readonly string[]).includes(rule)) problems.push(`unknown rule "${rule}" in "severity"`);
      else if (!severities.includes(value as RuleSeverity)) problems.push(`severity of "${rule}" must be one of ${severities.join(', ')}`);
      else severity[rule as RuleId] = value as RuleSeverity;
    }
  } else if (source.severity !== undefined) problems.push('"severity" must be an object of rule → severity');
  const languages = { ...defaultPropagationOptions.languages };
  if (isRecord(source.languages)) {
    for (const [language, value] of Object.entries(source.languages)) {
      if (!(propagationLanguages as readonly string[]).includes(language)) problems.push(`unknown language "${language}" in "languages"`);
      else if (typeof value !== 'boolean') problems.push(`"languages.${language}" must be true or false`);
      else languages[language as PropagationLanguage] = value;
    }
  } else if (source.languages !== undefined) problems.push('"languages" must be an object of language → true/false');
  const headers = stringList('headers', defaultPropagationOptions.headers).map((header) => header.trim().toLowerCase());
  return {
    options: {
      headers: headers.length > 0 ? headers : defaultPropagationOptions.headers,
      severity,
      wrappers: stringList('wrappers', defaultPropagationOptions.wrappers),
      exclude: stringList('exclude', defaultPropagationOptions.exclude),
      languages,
    },
    problems,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
