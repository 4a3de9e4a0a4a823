import type { Finding } from '../../core/findings/finding';
import type { RuleDescriptor } from '../../core/findings/rule';

/** What one file produced: findings, and notes such as "skipped: over 1 MB". */
export interface FileLintResult {
  readonly findings: readonly Finding[];
  readonly notes: readonly string[];
}

/**
 * One source of findings for `trace-stitch lint`: the propagation linter for code, the YAML linter for mesh and
 * collector configs. Each says which files it reads; the command reads every matched file once and asks it.
 */
export interface FileLinter {
  readonly name: string;
  readonly rules: readonly RuleDescriptor[];
  /** Globs (relative to the working directory) of files this linter must not read. */
  readonly exclude: readonly string[];
  matches(file: string): boolean;
  lint(file: string, text: string): Promise<FileLintResult>;
  /** Findings that need every file at once (cross-file checks), asked for after the last `lint`. */
  finish?(): FileLintResult;
  dispose(): void;
}
