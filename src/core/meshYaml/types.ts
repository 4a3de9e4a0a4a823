import type { Finding } from '../findings/finding';
import type { TextEdit } from '../yaml/textEdit';

/** One workspace file handed to the YAML linter. */
export interface MeshYamlFile {
  /** Absolute path; findings and edits name the file by it. */
  readonly path: string;
  readonly text: string;
}

/** A machine-applicable repair: the editor offers it as a quick fix, tests apply it with `applyTextEdits`. */
export interface YamlFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix to apply when there is one obvious repair. */
  readonly isPreferred: boolean;
}

export interface MeshYamlFinding extends Finding {
  readonly fixes: readonly YamlFix[];
}

export interface MeshYamlLintOptions {
  /**
   * The OpenTelemetry Collector release to check collector configs against when a file does not say (through an
   * image tag or a "OpenTelemetry Collector x.y.z" comment), e.g. "0.120.0".
   */
  readonly collectorVersion?: string;
  /** Files larger than this are skipped with a note (default 1 MiB). */
  readonly maxFileBytes?: number;
}

export const defaultMaxFileBytes = 1024 * 1024;
