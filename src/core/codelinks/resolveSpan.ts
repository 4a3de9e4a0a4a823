import type { Span } from '../model/trace';
import { readCodeAttributes } from './codeAttributes';
import type { CodeIndex, IndexedCallSite, IndexedHandler } from './codeIndex';
import { matchRoute, parseRouteTemplate } from './routes';
import { narrowToService } from './serviceFolders';
import { sentRequest, servedRequest } from './spanHttp';
import { parseStackTrace } from './stackTrace';
import { resolveTracePath, type PathMapping, type WorkspaceIndex } from './tracePath';
import { matchCallUrl } from './urlMatch';

export type CandidateSource = 'code-attributes' | 'stack-trace' | 'route' | 'call-site';

/** A place in the workspace a span may come from, with why we think so. */
export interface CodeCandidate {
  /** Absolute path inside the workspace. */
  readonly file: string;
  /** 1-based; absent when only the file is known. */
  readonly line?: number;
  readonly column?: number;
  readonly source: CandidateSource;
  /** 0–1. */
  readonly confidence: number;
  readonly evidence: string;
}

export interface SpanCodeResolution {
  /** Best first; empty when nothing in the workspace matches. */
  readonly candidates: readonly CodeCandidate[];
  /** Paths the trace named that were refused (outside the workspace, `..`, other schemes), with the reason. */
  readonly refusals: readonly string[];
}

export interface CodeLinkContext {
  readonly workspace: WorkspaceIndex;
  readonly mappings: readonly PathMapping[];
  readonly code: CodeIndex;
}

interface Attempt {
  readonly candidates: CodeCandidate[];
  readonly refusals: string[];
}

function relative(file: string, workspace: WorkspaceIndex): string {
  const folder = workspace.folders.find((root) => file.startsWith(`${root}/`));
  return folder ? file.slice(folder.length + 1) : file;
}

/** 1. `code.file.path`/`code.filepath` (+ line, column), or a handler named by `code.function.name`. */
function fromCodeAttributes(span: Span, context: CodeLinkContext): Attempt {
  const attempt: Attempt = { candidates: [], refusals: [] };
  const code = readCodeAttributes(span.attributes);
  if (!code) return attempt;
  const position = { ...(code.line ? { line: code.line } : {}), ...(code.column ? { column: code.column } : {}) };
  const evidence = `span attributes ${code.keys.join(', ')}`;
  if (code.file) {
    const resolved = resolveTracePath(code.file, context.workspace, context.mappings);
    if (resolved.kind === 'resolved') {
      const confidence = resolved.how === 'suffix' ? 0.85 : 0.95;
      attempt.candidates.push({ file: resolved.file, ...position, source: 'code-attributes', confidence, evidence });
    } else if (resolved.kind === 'ambiguous') {
      for (const file of resolved.candidates) {
        attempt.candidates.push({ file, ...position, source: 'code-attributes', confidence: 0.5, evidence });
      }
    } else if (resolved.kind === 'refused') {
      attempt.refusals.push(resolved.reason);
    }
    return attempt;
  }
  const functionName = code.functionName;
  if (!functionName) return attempt;
  const named = context.code.handlers.filter(
    (handler) => handler.name === functionName || handler.name.endsWith(`.${functionName}`),
  );
  for (const handler of named) {
    const confidence = named.length === 1 ? 0.6 : 0.4;
    attempt.candidates.push(handlerCandidate(handler, 'code-attributes', confidence, `${evidence} name ${handler.name}`));
  }
  return attempt;
}

/** 2. The innermost stack frame of an `exception` event that lies in the workspace. */
function fromStackTraces(span: Span, context: CodeLinkContext): Attempt {
  const attempt: Attempt = { candidates: [], refusals: [] };
  for (const event of span.events) {
    const text = event.attributes['exception.stacktrace'];
    if (typeof text !== 'string') continue;
    for (const frame of parseStackTrace(text)) {
      const resolved = resolveTracePath(frame.file, context.workspace, context.mappings);
      if (resolved.kind !== 'resolved') continue;
      const where = frame.functionName ? `${frame.functionName} at ` : '';
      attempt.candidates.push({
        file: resolved.file,
        line: frame.line,
        ...(frame.column ? { column: frame.column } : {}),
        source: 'stack-trace',
        confidence: resolved.how === 'suffix' ? 0.75 : 0.85,
        evidence: `exception stack frame ${where}${frame.file}:${frame.line}`,
      });
      return attempt;
    }
  }
  return attempt;
}

function handlerCandidate(handler: IndexedHandler, source: CandidateSource, confidence: number, evidence: string): CodeCandidate {
  return { file: handler.file, line: handler.line, column: handler.column, source, confidence, evidence };
}

/** 3. Server spans: the handler whose route matches `http.route`, the path, or a `GET /route` span name. */
function fromRoutes(span: Span, context: CodeLinkContext): Attempt {
  const attempt: Attempt = { candidates: [], refusals: [] };
  if (span.kind !== 'server') return attempt;
  const served = servedRequest(span);
  const observed = served.route ?? served.path;
  if (!observed) return attempt;
  const template = parseRouteTemplate(observed);
  const methodFits = (handler: IndexedHandler): boolean =>
    !served.method || handler.methods.length === 0 || handler.methods.includes(served.method);
  const relativeOf = (handler: IndexedHandler): string => relative(handler.file, context.workspace);
  const scored = context.code.handlers
    .filter((handler) => handler.route !== undefined && methodFits(handler))
    .map((handler) => ({ handler, score: matchRoute(parseRouteTemplate(handler.route ?? ''), template) }))
    .filter((entry): entry is { handler: IndexedHandler; score: number } => entry.score !== undefined);
  const method = served.method ? `${served.method} ` : '';
  const what = served.route ? `route ${method}${observed}` : `path ${method}${observed}`;
  const { items, narrowed } = narrowToService(scored, span.service, (entry) => relativeOf(entry.handler));
  if (items.length === 0) return fromCatchAllHandlers(span, context, what, relativeOf);
  const best = Math.max(...items.map((entry) => entry.score));
  const winners = items.filter((entry) => entry.score === best);
  const base = (served.route ? 0.8 : 0.7) - (narrowed ? 0 : 0.1) - (winners.length > 1 ? 0.3 : 0);
  for (const { handler } of winners) {
    attempt.candidates.push(handlerCandidate(handler, 'route', base, `${what} matches ${handler.framework} route ${handler.route ?? ''}`));
  }
  return attempt;
}

/**
 * Handlers registered without a route (`http.createServer(handler)`) receive every request of their service: when
 * the service's own folder has exactly one such handler, that is where its server spans come from.
 */
function fromCatchAllHandlers(span: Span, context: CodeLinkContext, what: string, relativeOf: (handler: IndexedHandler) => string): Attempt {
  const catchAll = context.code.handlers.filter((handler) => handler.route === undefined && handler.declaration !== 'registration');
  const { items, narrowed } = narrowToService(catchAll, span.service, relativeOf);
  const [only] = items;
  if (!narrowed || items.length !== 1 || !only) return { candidates: [], refusals: [] };
  const evidence = `${what} reaches ${span.service}, whose only ${only.framework} handler takes every request`;
  return { candidates: [handlerCandidate(only, 'route', 0.65, evidence)], refusals: [] };
}

function callCandidate(call: IndexedCallSite, confidence: number, evidence: string): CodeCandidate {
  return { file: call.file, line: call.line, column: call.column, source: 'call-site', confidence, evidence };
}

/** 4. Client spans: the call sites whose URL or host matches `url.full`/`http.url`, `server.address`, `peer.service`. */
function fromCallSites(span: Span, context: CodeLinkContext): Attempt {
  const attempt: Attempt = { candidates: [], refusals: [] };
  if (span.kind !== 'client') return attempt;
  const sent = sentRequest(span);
  const matched = context.code.calls.flatMap((call) => {
    if (!call.url || (sent.method && call.method && call.method !== sent.method)) return [];
    const match = matchCallUrl(call.url, sent);
    return match ? [{ call, match }] : [];
  });
  const { items, narrowed } = narrowToService(matched, span.service, (entry) => relative(entry.call.file, context.workspace));
  const best = Math.max(...items.map((entry) => entry.match.strength));
  const winners = items.filter((entry) => entry.match.strength === best);
  for (const { call, match } of winners) {
    const confidence = match.strength * (narrowed ? 0.9 : 0.75) - (winners.length > 1 ? 0.2 : 0);
    attempt.candidates.push(callCandidate(call, confidence, `${call.callee} call: ${match.detail}`));
  }
  return attempt;
}

const strategies = [fromCodeAttributes, fromStackTraces, fromRoutes, fromCallSites];

/**
 * Candidate source locations for a span, trying in order: code attributes, stack traces, routes (server
 * spans), call sites (client spans). The first strategy that finds anything decides.
 */
export function resolveSpanCode(span: Span, context: CodeLinkContext): SpanCodeResolution {
  const refusals: string[] = [];
  for (const strategy of strategies) {
    const attempt = strategy(span, context);
    refusals.push(...attempt.refusals);
    if (attempt.candidates.length > 0) {
      const candidates = [...attempt.candidates].sort((a, b) => b.confidence - a.confidence);
      return { candidates, refusals };
    }
  }
  return { candidates: [], refusals };
}
