import type { Span, SpanKind, Trace } from '../model/trace';
import { attributeText } from '../formats/attributes';
import { hostKey } from './clockSkew';
import { formatDuration } from './duration';
import { callAttributes, clientTarget, hostNamesService, pathMatchesRoute, sameHost, serverEndpoint, serviceLabel } from './peers';
import { EnclosingSpanIndex, endsInside, type LocatedSpan } from './spanIndex';
import type { BrokenLink, BrokenLinkSpan, Evidence, SpanTree } from './types';

/**
 * Broken-trace detection across traces. A trace whose root is not a true entry point is a piece broken off another
 * trace: some service received a request with trace context and made an outbound call without it. Three shapes:
 *
 * 1. `client-root`: the root is a CLIENT span of A (a sidecar or instrumented client that found no context) lying
 *    inside a SERVER span of A in another trace.
 * 2. `server-root-under-client`: the root is a SERVER span of B lying inside a childless CLIENT span of A in another
 *    trace whose target (peer.service, host, host:port, path) matches B.
 * 3. `server-root-without-client`: the root is a SERVER span of B with no client span anywhere, lying inside a
 *    SERVER or INTERNAL span of another service A: the innermost such span per trace (its ancestors enclose the
 *    root only because they enclose it); across traces, which overlap by mere concurrency in a busy system, a
 *    service seen calling B elsewhere wins, then the innermost span.
 *
 * Plus `client-without-server`: a CLIENT span whose target service is traced but which has no server child.
 * Roots with no enclosing span elsewhere are entry points and not reported. Containment tolerates
 * `toleranceNs` (default 1 ms: the JS SDK's clock resolution).
 */

export interface AnalyzedTrace {
  readonly trace: Trace;
  readonly tree: SpanTree;
}

export const defaultContainmentToleranceNs = 1e6;

/** Links below this confidence are noise (a coincidental overlap with nothing else pointing at it). */
const minimumConfidence = 0.25;

export function findBrokenLinks(traces: readonly AnalyzedTrace[], toleranceNs = defaultContainmentToleranceNs): BrokenLink[] {
  const world = new World(traces, toleranceNs);
  const links: BrokenLink[] = [];
  // A broken-off piece needs another trace to have broken off from.
  if (traces.length > 1) {
    traces.forEach((analyzed, traceIndex) => {
      for (const rootIndex of analyzed.tree.rootIndices) {
        const root = analyzed.trace.spans[rootIndex];
        if (!root) continue;
        const located = { span: root, traceIndex, spanIndex: rootIndex };
        const link =
          root.kind === 'client' ? world.clientRoot(located) : root.kind === 'server' ? (world.serverRootUnderClient(located) ?? world.serverRootWithoutClient(located)) : undefined;
        if (link && link.confidence >= minimumConfidence) links.push(link);
      }
    });
  }
  links.push(...world.clientsWithoutServer());
  return links.sort((a, b) => b.confidence - a.confidence || a.from.startNs - b.from.startNs);
}

interface Candidate {
  readonly located: LocatedSpan;
  readonly evidence: Evidence[];
  readonly score: number;
}

/**
 * Everything the detection needs to know about the whole set of traces. Indexes are built on first use: a single
 * large trace (the common case in the viewer) needs almost none of them.
 */
class World {
  private readonly services = new Set<string>();
  private readonly childlessClients: LocatedSpan[] = [];
  /** CLIENT spans already explained by a link, so they are not reported again as clients without a server. */
  private readonly linkedClients = new Set<Span>();
  private readonly indexes = new Map<string, EnclosingSpanIndex>();
  private callsCache: Set<string> | undefined;
  private serversCache: Map<string, LocatedSpan[]> | undefined;
  private enclosersCache: LocatedSpan[] | undefined;
  private servedAtCache: Map<string, Set<string>> | undefined;

  constructor(
    private readonly traces: readonly AnalyzedTrace[],
    private readonly toleranceNs: number,
  ) {
    traces.forEach(({ trace, tree }, traceIndex) => {
      trace.spans.forEach((span, spanIndex) => {
        this.services.add(span.service);
        if (span.kind === 'client' && (tree.childIndices[spanIndex] ?? []).length === 0) this.childlessClients.push({ span, traceIndex, spanIndex });
      });
    });
  }

  /** "A\u0000B" for every A→B call seen: a CLIENT of A with a SERVER child of B, or a CLIENT of A targeting B. */
  private get calls(): Set<string> {
    if (this.callsCache) return this.callsCache;
    const calls = new Set<string>();
    for (const { trace, tree } of this.traces) {
      trace.spans.forEach((span, spanIndex) => {
        const parent = span.kind === 'server' ? trace.spans[tree.parentIndex[spanIndex] ?? -1] : undefined;
        if (parent?.kind === 'client') calls.add(`${parent.service}\u0000${span.service}`);
      });
    }
    for (const { span } of this.childlessClients) {
      const target = this.resolveTarget(span);
      if (target !== undefined) calls.add(`${span.service}\u0000${target}`);
    }
    this.callsCache = calls;
    return calls;
  }

  private get serversByService(): Map<string, LocatedSpan[]> {
    if (this.serversCache) return this.serversCache;
    const servers = new Map<string, LocatedSpan[]>();
    this.forEachSpan((located) => {
      if (located.span.kind === 'server') pushTo(servers, located.span.service, located);
    });
    this.serversCache = servers;
    return servers;
  }

  /** SERVER, INTERNAL and unspecified spans: where an uninstrumented call can come from. */
  private get enclosers(): LocatedSpan[] {
    if (this.enclosersCache) return this.enclosersCache;
    const enclosers: LocatedSpan[] = [];
    this.forEachSpan((located) => {
      if (located.span.kind === 'server' || isEnclosingKind(located.span.kind)) enclosers.push(located);
    });
    this.enclosersCache = enclosers;
    return enclosers;
  }

  /** Which services served requests on "host:port" (from server spans). */
  private get servedAt(): Map<string, Set<string>> {
    if (this.servedAtCache) return this.servedAtCache;
    const servedAt = new Map<string, Set<string>>();
    this.forEachSpan(({ span }) => {
      if (span.kind !== 'server') return;
      const endpoint = serverEndpoint(span);
      if (endpoint.host === undefined || endpoint.port === undefined) return;
      const key = endpointKey(endpoint.host, endpoint.port);
      const served = servedAt.get(key) ?? new Set<string>();
      served.add(span.service);
      servedAt.set(key, served);
    });
    this.servedAtCache = servedAt;
    return servedAt;
  }

  private forEachSpan(visit: (located: LocatedSpan) => void): void {
    this.traces.forEach(({ trace }, traceIndex) => {
      trace.spans.forEach((span, spanIndex) => {
        visit({ span, traceIndex, spanIndex });
      });
    });
  }

  /** Shape 1: a CLIENT root of A inside a SERVER span of A elsewhere. */
  clientRoot(root: LocatedSpan): BrokenLink | undefined {
    const span = root.span;
    const servers = this.serversByService.get(span.service);
    if (!servers) return undefined;
    const enclosing = this.index(`server:${span.service}`, servers).enclosing(span.startNs, span.startNs + span.durationNs, this.toleranceNs);
    const candidates = innermostPerTrace(enclosing.filter((candidate) => candidate.traceIndex !== root.traceIndex), this.traces);
    const chosen = candidates[0];
    if (!chosen) return undefined;
    const evidence: Evidence[] = [
      containment(span, chosen.span, this.toleranceNs),
      { kind: 'same-service', detail: `both spans belong to ${span.service}` },
    ];
    let confidence = 0.6;
    const rootHost = hostKey(span.resource);
    if (rootHost !== '' && rootHost === hostKey(chosen.span.resource)) {
      evidence.push({ kind: 'same-service', detail: `both were recorded on host ${rootHost}` });
      confidence += 0.1;
    }
    confidence += competition(candidates, evidence);
    const toService = this.calleeOf(root) ?? 'unknown';
    this.linkedClients.add(span);
    return {
      shape: 'client-root',
      fromService: span.service,
      toService,
      from: side(chosen.span),
      to: side(span),
      client: side(span),
      confidence: clamp(confidence),
      evidence,
    };
  }

  /** Shape 2: a SERVER root of B inside a childless CLIENT span of A that targets B. */
  serverRootUnderClient(root: LocatedSpan): BrokenLink | undefined {
    const span = root.span;
    const end = span.startNs + span.durationNs;
    // A server span may end well after its client does (late flush, another process's clock): with the call's
    // target matching, starting while the client was open is what counts; without, the end must fit too.
    const enclosing = this.index('childless-clients', this.childlessClients)
      .enclosing(span.startNs, end, this.toleranceNs, false)
      .filter((candidate) => candidate.traceIndex !== root.traceIndex);
    const candidates: Candidate[] = [];
    for (const located of enclosing) {
      const match = this.matchCall(located.span, span);
      if (!match) continue;
      const strong = match.evidence.some((item) => item.kind === 'peer-service' || item.kind === 'host' || item.kind === 'host-port');
      const client = located.span;
      if (strong || endsInside(span.startNs, end, client.startNs, client.startNs + client.durationNs, this.toleranceNs)) candidates.push({ located, ...match });
    }
    candidates.sort((a, b) => b.score - a.score || a.located.span.durationNs - b.located.span.durationNs);
    const chosen = candidates[0];
    if (!chosen) return undefined;
    const client = chosen.located.span;
    const evidence: Evidence[] = [
      containment(span, client, this.toleranceNs),
      { kind: 'no-child', detail: `${client.service}'s CLIENT span "${client.name}" has no child span` },
      ...chosen.evidence,
    ];
    const rivals = candidates.filter((candidate) => candidate !== chosen && candidate.score >= chosen.score).length;
    if (rivals > 0) evidence.push({ kind: 'competing-candidates', detail: `${rivals} other CLIENT span(s) match as well` });
    this.linkedClients.add(client);
    return {
      shape: 'server-root-under-client',
      fromService: client.service,
      toService: span.service,
      from: side(client),
      to: side(span),
      client: side(client),
      confidence: clamp(0.4 + chosen.score - 0.15 * rivals),
      evidence,
    };
  }

  /** Shape 3: a SERVER root of B with no client span, inside a SERVER/INTERNAL span of another service A. */
  serverRootWithoutClient(root: LocatedSpan): BrokenLink | undefined {
    const span = root.span;
    const enclosing = this.index('enclosers', this.enclosers)
      .enclosing(span.startNs, span.startNs + span.durationNs, this.toleranceNs)
      .filter((candidate) => candidate.traceIndex !== root.traceIndex && candidate.span.service !== span.service);
    const callsB = (candidate: LocatedSpan): boolean => this.calls.has(`${candidate.span.service}\u0000${span.service}`);
    const candidates = innermostPerTrace(enclosing, this.traces);
    const chosen = candidates.find(callsB) ?? candidates[0];
    if (!chosen) return undefined;
    const enclosingSpan = chosen.span;
    const evidence: Evidence[] = [
      containment(span, enclosingSpan, this.toleranceNs),
      { kind: 'no-client-span', detail: `no CLIENT span anywhere encloses ${span.service}'s root: the caller's client is not instrumented` },
      { kind: 'innermost', detail: `"${enclosingSpan.name}" is the innermost span of ${enclosingSpan.service} open at the time` },
    ];
    let confidence = 0.45;
    if (callsB(chosen)) {
      evidence.push({ kind: 'calls-elsewhere', detail: `${enclosingSpan.service} is seen calling ${span.service} in other traces` });
      confidence += 0.2;
    }
    confidence += this.callerHints(span, enclosingSpan, evidence);
    confidence += competition(candidates, evidence);
    return {
      shape: 'server-root-without-client',
      fromService: enclosingSpan.service,
      toService: span.service,
      from: side(enclosingSpan),
      to: side(span),
      confidence: clamp(confidence),
      evidence,
    };
  }

  /** CLIENT spans without a server child whose target is a service that is traced (appears in the data). */
  clientsWithoutServer(): BrokenLink[] {
    const links: BrokenLink[] = [];
    for (const { span } of this.childlessClients) {
      if (this.linkedClients.has(span)) continue;
      const target = this.resolveTarget(span);
      if (target === undefined || target === span.service) continue;
      links.push({
        shape: 'client-without-server',
        fromService: span.service,
        toService: target,
        from: side(span),
        client: side(span),
        confidence: 0.5,
        evidence: [
          { kind: 'no-child', detail: `${span.service}'s CLIENT span "${span.name}" has no child span` },
          { kind: 'target-traced', detail: `its target ${target} is traced, but no server span of it matches this call` },
        ],
      });
    }
    return links;
  }

  /** Evidence that `client` (a CLIENT span) called `server`; undefined when nothing matches or something contradicts. */
  private matchCall(client: Span, server: Span): { evidence: Evidence[]; score: number } | undefined {
    const target = clientTarget(client);
    const served = serverEndpoint(server);
    const evidence: Evidence[] = [];
    let score = 0;
    if (target.peerService !== undefined) {
      if (serviceLabel(target.peerService) !== serviceLabel(server.service)) return undefined;
      evidence.push({ kind: 'peer-service', detail: `the client's peer.service "${target.peerService}" is ${server.service}` });
      score += 0.3;
    }
    if (target.host !== undefined && hostNamesService(target.host, server.service)) {
      evidence.push({ kind: 'host', detail: `the client calls host ${target.host}, which names ${server.service}` });
      score += 0.3;
    }
    if (target.host !== undefined && served.host !== undefined && target.port !== undefined && served.port !== undefined) {
      if (sameHost(target.host, served.host) && target.port === served.port) {
        evidence.push({ kind: 'host-port', detail: `the client calls ${target.host}:${target.port}, where ${server.service} served this request` });
        score += 0.25;
      } else if (score === 0) {
        return undefined;
      }
    }
    if (target.path !== undefined && (served.path === target.path || (served.route !== undefined && pathMatchesRoute(target.path, served.route)))) {
      evidence.push({ kind: 'path', detail: `the client requested ${target.path}, the path ${server.service} served` });
      score += 0.15;
    }
    return score > 0 ? { evidence, score } : undefined;
  }

  /** The service a CLIENT span calls, when that service appears in the data. */
  private resolveTarget(client: Span): string | undefined {
    const target = clientTarget(client);
    if (target.peerService !== undefined) {
      for (const service of this.services) if (serviceLabel(service) === serviceLabel(target.peerService)) return service;
    }
    if (target.host !== undefined) {
      if (target.port !== undefined) {
        const served = this.servedAt.get(endpointKey(target.host, target.port));
        if (served?.size === 1) return [...served][0];
      }
      for (const service of this.services) if (hostNamesService(target.host, service)) return service;
    }
    return undefined;
  }

  /** The service a CLIENT root called: its SERVER child in the same trace, else its resolved target. */
  private calleeOf(root: LocatedSpan): string | undefined {
    const { trace, tree } = this.traces[root.traceIndex] ?? {};
    for (const child of tree?.childIndices[root.spanIndex] ?? []) {
      const span = trace?.spans[child];
      if (span?.kind === 'server') return span.service;
    }
    return this.resolveTarget(root.span) ?? clientTarget(root.span).peerService ?? clientTarget(root.span).host;
  }

  /** Weak hints about who called a SERVER root: the caller's address, and whether the client was a browser. */
  private callerHints(server: Span, enclosing: Span, evidence: Evidence[]): number {
    let adjustment = 0;
    const callerAddress = ['client.address', 'network.peer.address', 'net.peer.ip', 'net.sock.peer.addr']
      .map((key) => attributeText(server.attributes, key))
      .find((value) => value !== undefined);
    const enclosingHost = hostKey(enclosing.resource);
    if (callerAddress !== undefined && enclosingHost !== '' && sameHost(callerAddress, enclosingHost)) {
      evidence.push({ kind: 'caller-address', detail: `the request came from ${callerAddress}, the host of ${enclosing.service}` });
      adjustment += 0.1;
    }
    const userAgent = attributeText(server.attributes, 'user_agent.original') ?? attributeText(server.attributes, 'http.user_agent');
    if (userAgent?.startsWith('Mozilla/')) {
      evidence.push({ kind: 'browser-client', detail: `the request came from a browser (${userAgent.slice(0, 60)}): likely a real entry point` });
      adjustment -= 0.25;
    }
    return adjustment;
  }

  private index(key: string, entries: readonly LocatedSpan[]): EnclosingSpanIndex {
    let index = this.indexes.get(key);
    if (!index) {
      index = new EnclosingSpanIndex(entries);
      this.indexes.set(key, index);
    }
    return index;
  }
}

function isEnclosingKind(kind: SpanKind): boolean {
  return kind === 'internal' || kind === 'unspecified';
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function endpointKey(host: string, port: number): string {
  const normalized = sameHost(host, 'localhost') ? 'loopback' : host.toLowerCase();
  return `${normalized}:${port}`;
}

/** Per trace the deepest enclosing candidate (ancestors enclose only transitively), then innermost first. */
function innermostPerTrace(candidates: readonly LocatedSpan[], traces: readonly AnalyzedTrace[]): LocatedSpan[] {
  const best = new Map<number, LocatedSpan>();
  for (const candidate of candidates) {
    const current = best.get(candidate.traceIndex);
    const depthOf = (located: LocatedSpan): number => traces[located.traceIndex]?.tree.depth[located.spanIndex] ?? 0;
    if (
      !current ||
      depthOf(candidate) > depthOf(current) ||
      (depthOf(candidate) === depthOf(current) && candidate.span.durationNs < current.span.durationNs)
    ) {
      best.set(candidate.traceIndex, candidate);
    }
  }
  return [...best.values()].sort((a, b) => a.span.durationNs - b.span.durationNs);
}

/** Confidence adjustment and evidence for how many traces offer an enclosing span. */
function competition(candidates: readonly LocatedSpan[], evidence: Evidence[]): number {
  if (candidates.length === 1) {
    evidence.push({ kind: 'unique-candidate', detail: 'no span in any other trace encloses it as well' });
    return 0.15;
  }
  evidence.push({ kind: 'competing-candidates', detail: `${candidates.length - 1} span(s) in other traces enclose it too` });
  return -0.1 * Math.min(3, candidates.length - 1);
}

function containment(inner: Span, outer: Span, toleranceNs: number): Evidence {
  const startGap = inner.startNs - outer.startNs;
  const endGap = outer.startNs + outer.durationNs - (inner.startNs + inner.durationNs);
  const starts = startGap >= 0 ? `starts ${formatDuration(startGap)} after` : `starts ${formatDuration(-startGap)} before (within the ${formatDuration(toleranceNs)} tolerance)`;
  const ends =
    endGap >= 0
      ? `ends ${formatDuration(endGap)} before`
      : endGap >= -toleranceNs
        ? `ends ${formatDuration(-endGap)} after (within the ${formatDuration(toleranceNs)} tolerance)`
        : `ends ${formatDuration(-endGap)} after (mostly overlapping: responses are flushed after the caller has them)`;
  return {
    kind: 'time-containment',
    detail: `${inner.service}'s ${inner.kind.toUpperCase()} span "${inner.name}" ${starts} and ${ends} ${outer.service}'s ${outer.kind.toUpperCase()} span "${outer.name}" in trace ${outer.traceId}`,
  };
}

function side(span: Span): BrokenLinkSpan {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    service: span.service,
    name: span.name,
    kind: span.kind,
    startNs: span.startNs,
    durationNs: span.durationNs,
    attributes: callAttributes(span.attributes),
  };
}

function clamp(confidence: number): number {
  return Math.round(Math.min(0.95, Math.max(0.05, confidence)) * 100) / 100;
}
