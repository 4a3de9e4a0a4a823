/**
 * What code links need to know about the workspace's code: the inbound handlers (with routes) and the outbound
 * call sites (with URLs and whether they carry the trace context) the propagation engine found, flattened
 * across files. Positions are 1-based.
 */
export type CallPropagation = 'propagates' | 'missing' | 'incomplete' | 'unknown' | 'outside-inbound-scope';

export interface IndexedHandler {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly name: string;
  readonly framework: string;
  /** `function` when the body is here; `registration` for a route naming a handler defined elsewhere. */
  readonly declaration: 'function' | 'registration';
  /** Upper-case; empty when any method reaches the handler. */
  readonly methods: readonly string[];
  readonly route?: string;
}

export interface IndexedCallSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The callee as written, e.g. `requests.get`. */
  readonly callee: string;
  readonly method?: string;
  /** The URL literal (`value`) or its pattern with `*` for dynamic parts, when the engine could tell. */
  readonly url?: { readonly text: string; readonly value?: string; readonly pattern?: string };
  readonly propagation: CallPropagation;
}

export interface CodeIndex {
  readonly handlers: readonly IndexedHandler[];
  readonly calls: readonly IndexedCallSite[];
}

export const emptyCodeIndex: CodeIndex = { handlers: [], calls: [] };
