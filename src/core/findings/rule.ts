import type { FindingSeverity } from './finding';

/** What the CLI and SARIF say about a rule: its id, one line, and the documentation its findings link to. */
export interface RuleDescriptor {
  readonly id: string;
  readonly summary: string;
  readonly helpUri: string;
  readonly defaultSeverity: FindingSeverity;
}
