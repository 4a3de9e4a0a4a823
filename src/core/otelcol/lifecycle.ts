import type { ComponentKind } from './catalog';
import { isAtLeast, type CollectorVersion } from './version';

/**
 * Component types whose name changed or that went away, with the collector release of each change (checked against
 * the collector's CHANGELOG): the `logging` exporter was deprecated for `debug` in v0.86.0 and removed in v0.111.0;
 * the `jaeger` exporter was removed from contrib in v0.85.0 (Jaeger accepts OTLP since 1.35); v0.144.0 renamed the
 * `otlp` and `otlphttp` exporters to `otlp_grpc` and `otlp_http`, and contrib v0.146.0 renamed `k8sattributes` to
 * `k8s_attributes`, each keeping the old name as a deprecated alias.
 */
export interface TypeHistory {
  readonly kind: ComponentKind;
  readonly type: string;
  /** The first release that knows this name. */
  readonly introduced?: string;
  /** From this release on, the name still works but the collector warns; use `replacement`. */
  readonly deprecated?: string;
  /** From this release on, the name is rejected; use `replacement`. */
  readonly removed?: string;
  readonly replacement?: string;
  /** Extra advice shown with the replacement. */
  readonly advice?: string;
}

const typeHistories: readonly TypeHistory[] = [
  { kind: 'exporter', type: 'debug', introduced: '0.86.0', replacement: 'logging' },
  { kind: 'exporter', type: 'logging', deprecated: '0.86.0', removed: '0.111.0', replacement: 'debug' },
  {
    kind: 'exporter',
    type: 'jaeger',
    removed: '0.85.0',
    replacement: 'otlp',
    advice: 'Jaeger (1.35 and later) receives OTLP directly: export with OTLP to its port 4317.',
  },
  { kind: 'exporter', type: 'otlp_grpc', introduced: '0.144.0', replacement: 'otlp' },
  { kind: 'exporter', type: 'otlp', deprecated: '0.144.0', replacement: 'otlp_grpc' },
  { kind: 'exporter', type: 'otlp_http', introduced: '0.144.0', replacement: 'otlphttp' },
  { kind: 'exporter', type: 'otlphttp', deprecated: '0.144.0', replacement: 'otlp_http' },
  { kind: 'processor', type: 'k8s_attributes', introduced: '0.146.0', replacement: 'k8sattributes' },
  { kind: 'processor', type: 'k8sattributes', deprecated: '0.146.0', replacement: 'k8s_attributes' },
];

export function typeHistory(kind: ComponentKind, type: string): TypeHistory | undefined {
  return typeHistories.find((history) => history.kind === kind && history.type === type);
}

/** What a given collector release makes of a component type name. */
export type TypeStanding =
  | { readonly state: 'current' }
  | { readonly state: 'deprecated'; readonly since: string; readonly replacement: string }
  | { readonly state: 'removed'; readonly since: string; readonly replacement: string }
  | { readonly state: 'too-new'; readonly introduced: string; readonly replacement: string };

/**
 * The standing of `type` for `version`. Without a version, only what holds for every release still in use is
 * reported: removals (the collector rejects the name today) — a deprecation or a too-new name depends on the release.
 */
export function typeStanding(kind: ComponentKind, type: string, version: CollectorVersion | undefined): TypeStanding {
  const history = typeHistory(kind, type);
  if (!history?.replacement) return { state: 'current' };
  const replacement = history.replacement;
  if (history.removed !== undefined && (version === undefined || isAtLeast(version, history.removed))) {
    return { state: 'removed', since: history.removed, replacement };
  }
  if (version === undefined) return { state: 'current' };
  if (history.introduced !== undefined && !isAtLeast(version, history.introduced)) {
    return { state: 'too-new', introduced: history.introduced, replacement };
  }
  if (history.deprecated !== undefined && isAtLeast(version, history.deprecated)) {
    return { state: 'deprecated', since: history.deprecated, replacement };
  }
  return { state: 'current' };
}

/**
 * The name to write for a component in a config for `version`: the current name, or the older name where the
 * current one is newer than the release.
 */
export function typeNameFor(kind: ComponentKind, currentName: string, version: CollectorVersion): string {
  const standing = typeStanding(kind, currentName, version);
  return standing.state === 'too-new' ? standing.replacement : currentName;
}
