import type { Finding } from '../findings/finding';

/**
 * The plain data the propagation engine produces for one file: the inbound handlers it found, the outbound HTTP
 * calls it recognised (with whether each carries the trace context, and why) and the findings. Other features
 * (the trace viewer's span-to-code links, issue 7) read these records; they hold no tree-sitter objects.
 */

/** The five languages of the linter, as its settings name them. */
export type PropagationLanguage = 'python' | 'javascript' | 'typescript' | 'go' | 'java';

export const propagationLanguages: readonly PropagationLanguage[] = ['python', 'javascript', 'typescript', 'go', 'java'];

/** The tree-sitter grammar a file is parsed with (TypeScript files with JSX need the tsx grammar). */
export type GrammarId = 'python' | 'javascript' | 'typescript' | 'tsx' | 'go' | 'java';

/** A span of source text: 1-based lines and columns (columns count UTF-16 code units), plus 0-based offsets. */
export interface SourceSpan {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Offsets into the text as a JavaScript string (UTF-16 code units), end exclusive. */
  readonly startOffset: number;
  readonly endOffset: number;
}

export type HandlerFramework =
  | 'flask'
  | 'quart'
  | 'fastapi'
  | 'starlette'
  | 'django'
  | 'aiohttp'
  | 'express'
  | 'koa'
  | 'fastify'
  | 'nestjs'
  | 'nextjs'
  | 'node-http'
  | 'net/http'
  | 'gorilla/mux'
  | 'gin'
  | 'echo'
  | 'chi'
  | 'spring'
  | 'jax-rs'
  | 'servlet'
  /** A function that is no framework handler but receives the incoming request, its headers or its context. */
  | 'request-receiver';

/** Where an incoming request reaches the code: a handler function, or a route registration naming one elsewhere. */
export interface InboundHandler {
  /** Unique within the file, stable while the handler does not move: `<name>@<line>`. */
  readonly id: string;
  readonly language: PropagationLanguage;
  readonly framework: HandlerFramework;
  /** `function` for a handler whose body is in this file; `registration` for a route that names a handler elsewhere. */
  readonly declaration: 'function' | 'registration';
  /** The function's name (`Class.method` for methods), `<anonymous>` for an inline closure, or the registered target. */
  readonly name: string;
  /** Upper-case HTTP methods; empty when any method reaches the handler or the method is not known. */
  readonly methods: readonly string[];
  /** The route as written in the code, with any class- or router-level prefix joined in (`/api/orders/<id>`). */
  readonly route?: string;
  /** The function (or the registration call). */
  readonly span: SourceSpan;
  /** The function's name in the source, when it has one. */
  readonly nameSpan?: SourceSpan;
  /** The parameter through which the incoming request (or its headers/context) arrives. */
  readonly requestParameter?: { readonly name: string; readonly span: SourceSpan };
}

export type OutboundLibrary =
  | 'requests'
  | 'httpx'
  | 'aiohttp'
  | 'urllib'
  | 'urllib3'
  | 'fetch'
  | 'node-fetch'
  | 'axios'
  | 'got'
  | 'superagent'
  | 'node-http'
  | 'undici'
  | 'net/http'
  | 'otelhttp'
  | 'resttemplate'
  | 'webclient'
  | 'restclient'
  | 'java-httpclient'
  | 'okhttp'
  | 'jax-rs-client';

/**
 * How an outbound call stands with the trace context:
 * - `propagates` — headers from the incoming request, a propagator, an instrumented client or auto-instrumentation;
 * - `missing` — inside an inbound scope and nothing carries the context (rule `missing-propagation`);
 * - `incomplete` — headers forwarded from an explicit list with no complete set (rule `incomplete-propagation`);
 * - `unknown` — the headers come from somewhere the engine cannot see (another file, a field); not reported;
 * - `outside-inbound-scope` — start-up code, background jobs, scripts: not reported.
 */
export type PropagationStatus = 'propagates' | 'missing' | 'incomplete' | 'unknown' | 'outside-inbound-scope';

export interface PropagationVerdict {
  readonly status: PropagationStatus;
  /** One sentence, e.g. "headers come from getForwardHeaders(request), which copies traceparent, x-request-id". */
  readonly reason: string;
  /** Trace headers the call is known to carry from an explicit list (lower case). */
  readonly forwardedHeaders: readonly string[];
}

export interface UrlExpression {
  /** The expression as written, e.g. `f"{REVIEWS}/reviews/{id}"`. */
  readonly text: string;
  /** The URL when it is a plain literal (or a constant defined in the file). */
  readonly value?: string;
  /** The URL with every dynamic part replaced by `*`, when it is a template or concatenation with literal parts. */
  readonly pattern?: string;
  readonly span: SourceSpan;
}

export interface OutboundCall {
  /** Unique within the file: `<library>@<line>:<column>`. */
  readonly id: string;
  readonly language: PropagationLanguage;
  readonly library: OutboundLibrary;
  /** The callee as written, e.g. `requests.get`, `client.Do`, `restTemplate.getForObject`. */
  readonly callee: string;
  /** Upper-case HTTP method when the call names it. */
  readonly method?: string;
  readonly url?: UrlExpression;
  /** The call expression the finding is reported on. */
  readonly span: SourceSpan;
  /** The innermost inbound handler whose scope contains the call, if any. */
  readonly handlerId?: string;
  readonly propagation: PropagationVerdict;
}

/** Everything the engine knows about one file. */
export interface FileAnalysis {
  readonly file: string;
  readonly language?: PropagationLanguage;
  readonly handlers: readonly InboundHandler[];
  readonly calls: readonly OutboundCall[];
  readonly findings: readonly Finding[];
  /** Why the file was skipped or only partly analysed (too large, over the time budget, language turned off). */
  readonly notes: readonly string[];
}
