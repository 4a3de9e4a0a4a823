import type { Tree } from '@vscode/tree-sitter-wasm';
import { Evaluator } from './analysis/evidence';
import { capturesNamed, nodesOf } from './analysis/captures';
import { BudgetExceededError, FileContext } from './analysis/fileContext';
import type { HandlerScope, OutboundCandidate } from './analysis/language';
import type { RootMap } from './analysis/roots';
import type { Syntax } from './analysis/syntax';
import { spanOf } from './analysis/nodes';
import { describeUrl } from './analysis/urls';
import { capturedBindings, queriedBindings } from './analysis/bindingStatements';
import { Declarations, type KeptVerdict, type VerdictKey, type VerdictRound } from './analysis/reuse';
import { inboundContextOf, judge, type InboundContext } from './analysis/verdict';
import { findingsFor } from './findings';
import { allGrammars, languageOfPath } from './languages/registry';
import type { FileAnalysis, OutboundCall } from './model';
import type { PropagationOptions } from './options';
import { noProjectFacts, type ProjectFacts } from './project/facts';
import type { ParseSession } from './runtime/incremental';
import { SyntaxTree, type SyntaxNode } from './runtime/syntaxTree';
import { TreeSitterRuntime } from './runtime/treeSitter';
import { isSuppressed, readSuppressions } from './suppression';

export interface AnalyzeInput {
  /** Absolute path; its extension picks the language. */
  readonly path: string;
  readonly text: string;
  readonly options: PropagationOptions;
  /** Auto-instrumentation and dependencies of the project around the file. */
  readonly facts?: ProjectFacts;
  /** An open document's parse session: the file is re-parsed incrementally from its previous tree. */
  readonly session?: ParseSession;
  /**
   * Only the findings are wanted (linting): a file in which no outbound call can be recognised is then not parsed,
   * and its handlers are not listed.
   */
  readonly findingsOnly?: boolean;
}

/** Everything file-wide a verdict depends on besides the file's text: a change re-judges every call. */
function settingOf(language: string, options: PropagationOptions, facts: ProjectFacts, globalRoots: RootMap): string {
  return JSON.stringify([language, options.headers, options.wrappers, [...facts.autoInstrumented], facts.goOtelhttp, facts.springTracing ?? '', [...(facts.goClientFields ?? [])], [...globalRoots]]);
}

export interface EngineLimits {
  /** Files larger than this are skipped with a note (default 1 MB). */
  readonly maxFileBytes: number;
  /** Time one file's analysis may take before it stops with a note (default 2 s). */
  readonly budgetMs: number;
}

export const defaultLimits: EngineLimits = { maxFileBytes: 1024 * 1024, budgetMs: 2000 };

/**
 * The propagation linter's engine: parses a file with tree-sitter, finds its inbound handlers and outbound calls,
 * judges each call and returns plain data. Synchronous once created; one engine serves every file.
 */
export class PropagationEngine {
  private constructor(
    private readonly runtime: TreeSitterRuntime,
    private readonly limits: EngineLimits,
  ) {}

  static async create(wasmDirectory: string, limits: Partial<EngineLimits> = {}): Promise<PropagationEngine> {
    const runtime = await TreeSitterRuntime.load(wasmDirectory, allGrammars);
    return new PropagationEngine(runtime, { ...defaultLimits, ...limits });
  }

  /** Whether the engine reads files with this path's extension (regardless of the language settings). */
  static handles(path: string): boolean {
    return languageOfPath(path) !== undefined;
  }

  analyze(input: AnalyzeInput): FileAnalysis {
    const fileLanguage = languageOfPath(input.path);
    const empty = (notes: string[]): FileAnalysis => ({
      file: input.path,
      ...(fileLanguage ? { language: fileLanguage.language } : {}),
      handlers: [],
      calls: [],
      findings: [],
      notes,
    });
    if (!fileLanguage) return empty([]);
    if (!input.options.languages[fileLanguage.language]) return empty([`${fileLanguage.language} is turned off`]);
    const bytes = Buffer.byteLength(input.text, 'utf8');
    if (bytes > this.limits.maxFileBytes) {
      return empty([`skipped: ${(bytes / 1024 / 1024).toFixed(1)} MB is over the ${(this.limits.maxFileBytes / 1024 / 1024).toFixed(0)} MB limit`]);
    }
    if (input.findingsOnly && !fileLanguage.module.outboundHint.test(input.text)) return empty([]);
    const started = performance.now();
    const parser = this.runtime.parser(fileLanguage.grammar);
    const deadline = started + this.limits.budgetMs;
    let tree: Tree | null = null;
    const previous = input.session?.previousFor(input.text, fileLanguage.grammar);
    try {
      // The runtime stops parsing when the progress callback returns true (its typings say void).
      tree = parser.parse(input.text, previous ?? null, { progressCallback: () => performance.now() > deadline });
    } catch (error) {
      input.session?.reset();
      return empty([`could not be parsed: ${error instanceof Error ? error.message : String(error)}`]);
    }
    if (!tree) {
      parser.reset();
      input.session?.reset();
      return empty([`skipped: parsing took longer than the ${this.limits.budgetMs} ms budget`]);
    }
    try {
      return this.analyzeTree(input, tree, fileLanguage, started);
    } finally {
      // A session keeps the tree for the next edit; otherwise it is freed now.
      if (input.session) input.session.keep(tree, input.text, fileLanguage.grammar);
      else tree.delete();
    }
  }

  private analyzeTree(input: AnalyzeInput, tree: Tree, fileLanguage: NonNullable<ReturnType<typeof languageOfPath>>, started: number): FileAnalysis {
    const { module, language, grammar } = fileLanguage;
    const syntaxTree = new SyntaxTree(tree, input.text);
    // A re-lint resolves names in few functions: their binding statements are queried when asked for. A full
    // analysis resolves them in most, and captures them all in the one query walk.
    const perFunction = input.session !== undefined;
    const query = perFunction
      ? this.runtime.query(grammar, module.language, module.querySource)
      : this.runtime.query(grammar, `${module.language}+bindings`, `${module.querySource}\n${module.bindingQuerySource}`);
    const matches = query.matches(tree.rootNode).map((match) => ({ captures: syntaxTree.capturesOf(match.captures) }));
    const bindings = perFunction
      ? queriedBindings(this.runtime.query(grammar, `${module.language}-bindings`, module.bindingQuerySource), (node) => syntaxTree.wrap(node))
      : capturedBindings(() => capturesNamed(matches, 'binding'));
    const facts = input.facts ?? noProjectFacts;
    const file = new FileContext({
      text: input.text,
      root: syntaxTree.root,
      syntax: module.syntax,
      options: input.options,
      parameterRoots: (fn) => module.parameterRoots(fn),
      requestHint: module.requestHint,
      globalRoots: module.globalRoots(matches),
      deadline: started + this.limits.budgetMs,
      budgetMs: this.limits.budgetMs,
      functions: nodesOf(matches, 'function'),
      bindings,
    });
    const notes: string[] = [];
    const calls: OutboundCall[] = [];
    let handlerScopes: readonly HandlerScope[] = [];
    try {
      const analysis = module.analyze(file, matches, facts, input.path);
      handlerScopes = analysis.handlers;
      const byFunction = new Map<number, HandlerScope>();
      for (const scope of handlerScopes) if (scope.fn) byFunction.set(scope.fn.id, scope);
      const evaluator = new Evaluator(file, new Set(analysis.candidates.map((candidate) => candidate.node.id)));
      const round = input.session?.verdicts.begin(new Declarations(syntaxTree.root, module.declarationContainers), settingOf(language, input.options, facts, file.globalRoots));
      for (const candidate of analysis.candidates) {
        const inbound = inboundContextOf(candidate.node, file, byFunction);
        const key = round?.keyOf(candidate, inbound);
        const kept = key === undefined ? undefined : round?.reuse(key);
        const { propagation, url } = kept ?? this.judgeCall(candidate, inbound, file, evaluator, facts, round, key);
        const span = spanOf(candidate.node);
        calls.push({
          id: `${candidate.library}@${span.line}:${span.column}`,
          language,
          library: candidate.library,
          callee: candidate.callee,
          ...(candidate.method === undefined ? {} : { method: candidate.method }),
          ...(candidate.url && url ? { url: { ...url, span: spanOf(candidate.url) } } : {}),
          span,
          ...(inbound ? { handlerId: inbound.scope.handler.id } : {}),
          propagation,
        });
      }
      if (round) input.session?.verdicts.finish(round);
    } catch (error) {
      input.session?.verdicts.clear();
      // Half-typed or hostile code must never take the editor or CI down: keep what was found and say why it stopped.
      notes.push(error instanceof BudgetExceededError ? `${error.message}; results are partial` : `analysis stopped: ${String(error)}`);
    }
    const handlers = handlerScopes.map((scope) => scope.handler);
    const suppressions = readSuppressions(input.text);
    const findings = findingsFor(input.path, calls, handlers, input.options).filter(
      (finding) => !isSuppressed(suppressions, finding.ruleId, finding.line),
    );
    return { file: input.path, language, handlers, calls, findings, notes };
  }

  /** Judges a call and describes its URL, keeping both (with the outside names they read) for the document's next lint. */
  private judgeCall(
    candidate: OutboundCandidate,
    inbound: InboundContext | undefined,
    file: FileContext,
    evaluator: Evaluator,
    facts: ProjectFacts,
    round: VerdictRound | undefined,
    key: VerdictKey | undefined,
  ): KeptVerdict {
    const { value, names } = file.recordReads(() => {
      const propagation = judge(candidate, inbound, file, evaluator, facts);
      if (!candidate.url) return { propagation };
      const { text, value, pattern } = describeUrl(candidate.url, file);
      return { propagation, url: { text, ...(value === undefined ? {} : { value }), ...(pattern === undefined ? {} : { pattern }) } };
    });
    const verdict = { ...value, names };
    if (round && key !== undefined) round.keep(key, verdict);
    return verdict;
  }

  /** Parses `text` and hands the tree's root (freed afterwards) and the language's syntax to `inspect`; for quick fixes. */
  inspect<T>(path: string, text: string, inspect: (root: SyntaxNode, syntax: Syntax) => T): T | undefined {
    const fileLanguage = languageOfPath(path);
    if (!fileLanguage) return undefined;
    const tree = this.runtime.parser(fileLanguage.grammar).parse(text);
    if (!tree) return undefined;
    try {
      return inspect(new SyntaxTree(tree, text).root, fileLanguage.module.syntax);
    } finally {
      tree.delete();
    }
  }

  dispose(): void {
    this.runtime.dispose();
  }
}
