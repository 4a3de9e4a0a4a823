/**
 * A problem one of Trace Stitch's linters found (propagation in code, mistakes in mesh/collector YAML).
 * The editor turns findings into diagnostics; the CLI prints them as text, JSON or SARIF. Positions are 1-based,
 * as people and SARIF count them; the editor glue converts to VS Code's 0-based positions.
 */
export type FindingSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface FindingLocation {
  /** Absolute path of the file. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface RelatedLocation extends FindingLocation {
  readonly message: string;
}

export interface Finding extends FindingLocation {
  /** Stable rule id, e.g. `missing-propagation`; documented in the README under the same name. */
  readonly ruleId: string;
  readonly severity: FindingSeverity;
  readonly message: string;
  readonly related: readonly RelatedLocation[];
}
