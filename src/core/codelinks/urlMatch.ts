/**
 * Matching a URL a client span recorded (`http://inventory:8080/stock/42`) against the URL a call site builds,
 * known as a literal or as a pattern with `*` for its dynamic parts (`http://inventory:8080/stock/*`,
 * `*` + `/stock/` + `*` for `f"{INVENTORY_URL}/stock/{id}"`).
 */
export interface ObservedTarget {
  readonly host?: string;
  readonly path?: string;
  readonly url?: string;
  readonly peerService?: string;
}

export interface UrlMatch {
  /** 0–1. */
  readonly strength: number;
  readonly detail: string;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** Glob-style match where `*` spans any characters. */
function wildcardMatches(pattern: string, text: string): boolean {
  const parts = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(text);
}

/** The literal host of a pattern like `http://inventory:8080/…`, when it has one. */
function literalHost(pattern: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/:*]+)(?::\d+)?(?:\/|$)/i.exec(pattern);
  return match?.[1];
}

/** Path part of a literal or pattern (everything from the first `/` after the authority). */
function pathPart(pattern: string): string {
  const withoutScheme = pattern.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return withoutScheme.split(/[?#]/)[0] ?? withoutScheme;
}

/** How well a call site's URL matches what a span observed; undefined when it clearly does not. */
export function matchCallUrl(
  call: { readonly value?: string; readonly pattern?: string },
  observed: ObservedTarget,
): UrlMatch | undefined {
  const literal = call.value ?? call.pattern;
  if (!literal) return undefined;
  const callHost = call.value ? hostOf(call.value) : literalHost(literal);
  const observedHost = observed.host ?? (observed.url ? hostOf(observed.url) : undefined);
  const hosts = [observedHost, observed.peerService].filter((host): host is string => Boolean(host));
  const hostAgrees = callHost !== undefined && hosts.some((host) => sameHost(host, callHost));
  if (callHost !== undefined && hosts.length > 0 && !hostAgrees) return undefined;
  const observedPath = observed.path ?? (observed.url ? pathPart(observed.url) : undefined);
  const callPath = pathPart(literal);
  const pathAgrees =
    observedPath !== undefined && callPath !== '' && callPath !== '*' && wildcardMatches(callPath, observedPath);
  if (observedPath !== undefined && callPath !== '' && callPath !== '*' && !pathAgrees) return undefined;
  if (hostAgrees && pathAgrees) return { strength: 0.9, detail: `host ${callHost} and path ${callPath} match` };
  if (hostAgrees) return { strength: 0.7, detail: `host ${callHost} matches` };
  if (pathAgrees) return { strength: 0.6, detail: `path ${callPath} matches` };
  return undefined;
}

/** `inventory` matches `inventory.shop.svc.cluster.local` and the other way round (Kubernetes short names). */
export function sameHost(a: string, b: string): boolean {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  return left === right || left.split('.')[0] === right || right.split('.')[0] === left;
}
