import type { SyntaxNode } from '../runtime/syntaxTree';
import type { Match } from './captures';
import type { GrammarId, InboundHandler, OutboundLibrary, PropagationLanguage } from '../model';
import type { ProjectFacts } from '../project/facts';
import type { Position } from './evidence';
import type { FileContext } from './fileContext';
import type { RootMap } from './roots';
import type { Syntax } from './syntax';

/** An inbound handler and, when its body is in this file, the function node that is its scope. */
export interface HandlerScope {
  readonly handler: InboundHandler;
  readonly fn?: SyntaxNode;
}

/** An expression that builds the headers of an outbound call. */
export interface HeaderPart {
  readonly node: SyntaxNode;
  readonly position: Position;
}

/** An outbound HTTP call a language recognised, with what to look at to judge it. */
export interface OutboundCandidate {
  /** The node reported on (the call, or the whole builder chain). */
  readonly node: SyntaxNode;
  readonly library: OutboundLibrary;
  readonly callee: string;
  readonly method?: string;
  readonly url?: SyntaxNode;
  readonly parts: readonly HeaderPart[];
  /** The call hands on options the engine cannot see (`**kwargs`, an options object from elsewhere). */
  readonly opaque?: string;
  /** The client itself propagates: otelhttp transport, an instance created with forwarded headers, interceptors. */
  readonly instrumented?: string;
  /** Go: the context the request carries (`r.Context()`), if any. */
  readonly context?: SyntaxNode;
  /** Go: whether the client is plain `net/http`, instrumented, or defined elsewhere. */
  readonly client?: 'plain' | 'instrumented' | 'unknown';
}

export interface LanguageAnalysis {
  readonly handlers: readonly HandlerScope[];
  readonly candidates: readonly OutboundCandidate[];
}

/** One language's rules: its grammar(s), queries, how parameters carry the request, and what it recognises. */
export interface LanguageModule {
  readonly language: PropagationLanguage;
  readonly grammars: readonly GrammarId[];
  readonly syntax: Syntax;
  /** Declarations whose members (in their `body`) count as top-level declarations of their own: classes. */
  readonly declarationContainers: ReadonlySet<string>;
  /** The `.scm` query source, compiled once per grammar. */
  readonly querySource: string;
  /** The query of the statements that bind or change names (`@binding`), run per scope when a name is resolved there. */
  readonly bindingQuerySource: string;
  parameterRoots(fn: SyntaxNode): RootMap;
  /**
   * Matches every file in which an outbound call can be recognised (a superset: client modules, types and names);
   * when only findings are wanted, a file it does not match is not parsed.
   */
  readonly outboundHint: RegExp;
  /** Matches the text before the body of any function `parameterRoots` can find a root in (see `FileContextInput`). */
  readonly requestHint: RegExp;
  /** Names that are request roots anywhere in the file (Flask's `request`). */
  globalRoots(matches: readonly Match[]): RootMap;
  analyze(file: FileContext, matches: readonly Match[], facts: ProjectFacts, path: string): LanguageAnalysis;
}
