import type { Attributes, AttributeValue, SpanKind } from '../model/trace';
import type { CodeIndex, IndexedCallSite } from './codeIndex';
import { narrowToService } from './serviceFolders';
import type { WorkspaceIndex } from './tracePath';
import { matchCallUrl, type ObservedTarget } from './urlMatch';

/** The parts of a broken link (from trace analysis) that tie it to code. */
export interface BrokenLinkSide {
  readonly service: string;
  readonly name: string;
  readonly kind: SpanKind;
  readonly attributes: Attributes;
}

export interface BrokenLinkForCode {
  readonly fromService: string;
  readonly toService: string;
  readonly from: BrokenLinkSide;
  readonly to?: BrokenLinkSide;
  readonly client?: BrokenLinkSide;
}

/** A call in the calling service's code that does not carry the trace context and targets the called service. */
export interface BreakingCallSite {
  readonly call: IndexedCallSite;
  /** 0–1. */
  readonly confidence: number;
  readonly evidence: string;
}

function text(attributes: Attributes, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value: AttributeValue | undefined = attributes[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

function pathOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

/** What the called side tells about the target: the CLIENT span's URL when recorded, else the SERVER root. */
function targetsOf(link: BrokenLinkForCode): ObservedTarget[] {
  const targets: ObservedTarget[] = [];
  if (link.client) {
    const attributes = link.client.attributes;
    const url = text(attributes, 'url.full', 'http.url');
    const host = text(attributes, 'server.address', 'net.peer.name');
    const path = pathOf(url) ?? text(attributes, 'url.path', 'http.target');
    targets.push({ ...(url ? { url } : {}), ...(host ? { host } : {}), ...(path ? { path } : {}) });
  }
  if (link.to) {
    const attributes = link.to.attributes;
    const host = text(attributes, 'server.address', 'net.host.name', 'http.host')?.replace(/:\d+$/, '');
    const route = text(attributes, 'http.route');
    const path = text(attributes, 'url.path', 'http.target')?.split('?')[0];
    const observedPath = path ?? route ?? (/^[A-Z]+ (\/\S*)$/.exec(link.to.name)?.[1]);
    targets.push({ ...(host ? { host } : {}), ...(observedPath ? { path: observedPath } : {}), peerService: link.toService });
  }
  if (targets.length === 0) targets.push({ peerService: link.toService });
  return targets;
}

/**
 * The `missing-propagation` (or `incomplete-propagation`) call sites in the calling service's code whose URL
 * targets the called service, best first. Empty when the code does not show such a call.
 */
export function findBreakingCallSites(
  link: BrokenLinkForCode,
  code: CodeIndex,
  workspace: WorkspaceIndex,
): BreakingCallSite[] {
  const suspects = code.calls.filter((call) => call.propagation === 'missing' || call.propagation === 'incomplete');
  const relative = (call: IndexedCallSite): string => {
    const folder = workspace.folders.find((root) => call.file.startsWith(`${root}/`));
    return folder ? call.file.slice(folder.length + 1) : call.file;
  };
  const { items, narrowed } = narrowToService(suspects, link.fromService, relative);
  const targets = targetsOf(link);
  const matches: BreakingCallSite[] = [];
  for (const call of items) {
    if (!call.url) continue;
    const url = call.url;
    const best = targets
      .map((target) => matchCallUrl(url, target))
      .filter((match) => match !== undefined)
      .sort((a, b) => b.strength - a.strength)[0];
    if (!best) continue;
    const confidence = best.strength * (narrowed ? 1 : 0.8) * (call.propagation === 'missing' ? 1 : 0.8);
    const scope = narrowed ? `in ${link.fromService}'s code` : 'in the workspace';
    matches.push({
      call,
      confidence,
      evidence: `${call.callee} ${scope} drops the trace context; ${best.detail} of ${link.toService}`,
    });
  }
  return matches.sort((a, b) => b.confidence - a.confidence);
}
