import type { OutboundLibrary } from '../model';

/**
 * What the project around a file says about tracing: which client libraries are auto-instrumented (and where
 * that was seen), and the Go/Java dependencies that change how a call is judged.
 */
export interface ProjectFacts {
  /** Client libraries covered by auto-instrumentation, with the evidence (`Dockerfile:12: opentelemetry-instrument`). */
  readonly autoInstrumented: ReadonlyMap<OutboundLibrary, string>;
  /** go.mod requires go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp. */
  readonly goOtelhttp: boolean;
  /** A Spring tracing bridge (Micrometer Tracing, Sleuth) instruments injected RestTemplate/WebClient beans. */
  readonly springTracing?: string;
  /**
   * Struct fields of type `*http.Client` declared in the other Go files of the file's folder (its package), so that
   * `s.client.Get(…)` is known for an HTTP call when `client` is declared elsewhere in the package.
   */
  readonly goClientFields?: ReadonlySet<string>;
}

export const noProjectFacts: ProjectFacts = { autoInstrumented: new Map(), goOtelhttp: false };
