import type { PropagationVerdict, UrlExpression } from '../model';
import type { SyntaxNode } from '../runtime/syntaxTree';
import { extentHolding } from './nodes';
import type { OutboundCandidate } from './language';
import type { InboundContext } from './verdict';

/**
 * Re-linting an open document after an edit: the verdicts of the calls in top-level declarations the edit did not
 * touch are taken over from the previous lint instead of being worked out again.
 *
 * A verdict depends on its call's declaration (kept as the key, with the call's place in it and what the language
 * found the call to send), on the handler around it, on file-wide settings, and on names it looked up outside the
 * declaration (module-level bindings, same-file helpers). Those names are recorded while it is worked out; the
 * verdict is reused only while no declaration that was added, removed or changed mentions any of them.
 */

/** What is kept of one call's judgement: its verdict, its URL without the span, and the outside names it read. */
export interface KeptVerdict {
  readonly propagation: PropagationVerdict;
  readonly url?: Omit<UrlExpression, 'span'>;
  readonly names: ReadonlySet<string>;
}

/** The top-level declarations of a file (the members of top-level classes stand on their own). */
export class Declarations {
  private readonly units: readonly SyntaxNode[];
  readonly texts: readonly string[];
  /** Declarations whose text occurs once: a twin could sit elsewhere with other names in reach. */
  private readonly single: ReadonlySet<string>;

  constructor(root: SyntaxNode, containers: ReadonlySet<string>) {
    const units: SyntaxNode[] = [];
    for (const child of root.namedChildren) {
      const body = containers.has(child.type) ? child.childForFieldName('body') : null;
      if (body) units.push(...body.namedChildren);
      else units.push(child);
    }
    this.units = units;
    this.texts = units.map((unit) => unit.text);
    const counts = new Map<string, number>();
    for (const text of this.texts) counts.set(text, (counts.get(text) ?? 0) + 1);
    this.single = new Set([...counts].filter(([, count]) => count === 1).map(([text]) => text));
  }

  /** The declaration that holds `node`, when its text is unique in the file. */
  of(node: SyntaxNode): SyntaxNode | undefined {
    const unit = extentHolding(this.units, node.startIndex, (candidate) => candidate.startIndex, (candidate) => candidate.endIndex);
    return unit && node.endIndex <= unit.endIndex && this.single.has(unit.text) ? unit : undefined;
  }
}

/** Where a node sits in its declaration, or undefined when it lies outside. */
function placeIn(unit: SyntaxNode, node: SyntaxNode | undefined): string | undefined {
  if (!node) return '-';
  if (node.startIndex < unit.startIndex || node.endIndex > unit.endIndex) return undefined;
  return `${node.startIndex - unit.startIndex}+${node.endIndex - node.startIndex}`;
}

/** Where a call's judgement is kept: its declaration's text, then everything else it depends on (not the names). */
export interface VerdictKey {
  readonly unit: string;
  readonly rest: string;
}

/** The key of a call's judgement: everything it depends on inside its declaration and around it (not the names). */
function keyOf(unit: SyntaxNode, candidate: OutboundCandidate, inbound: InboundContext | undefined): VerdictKey | undefined {
  const places = [candidate.node, candidate.url, candidate.context, ...candidate.parts.map((part) => part.node)].map((node) => placeIn(unit, node));
  if (places.includes(undefined)) return undefined;
  const handler = inbound ? [placeIn(unit, inbound.scope.fn) ?? 'outside', inbound.scope.handler.framework, ...[...inbound.env.roots].map(([name, root]) => `${name}:${root.kind}:${root.header ?? ''}`)].join(',') : 'none';
  const rest = JSON.stringify([
    places,
    candidate.parts.map((part) => part.position),
    candidate.library,
    candidate.callee,
    candidate.method ?? '',
    candidate.opaque ?? '',
    candidate.instrumented ?? '',
    candidate.client ?? '',
    handler,
  ]);
  return { unit: unit.text, rest };
}

/** Verdicts by declaration text, then by the rest of their key. */
type KeptVerdicts = Map<string, Map<string, KeptVerdict>>;

/** The verdicts of a document's last lint; a `ParseSession` keeps one. */
export class VerdictMemory {
  /** How many verdicts the last lint took over. */
  reused = 0;
  private kept: KeptVerdicts = new Map();
  private texts: ReadonlySet<string> = new Set();
  private setting = '';

  /** Starts a lint of the document's new text: what changed is what the old and new declarations do not share. */
  begin(declarations: Declarations, setting: string): VerdictRound {
    const now = new Set(declarations.texts);
    const comparable = this.setting === setting;
    const changed = comparable ? [...[...now].filter((text) => !this.texts.has(text)), ...[...this.texts].filter((text) => !now.has(text))] : [];
    return new VerdictRound(comparable ? this.kept : new Map<string, Map<string, KeptVerdict>>(), changed, declarations, now, setting);
  }

  /** Keeps the verdicts of a finished lint (and only those) for the next one. */
  finish(round: VerdictRound): void {
    this.reused = round.reused;
    this.kept = round.next;
    this.texts = round.texts;
    this.setting = round.setting;
  }

  clear(): void {
    this.reused = 0;
    this.kept = new Map();
    this.texts = new Set();
    this.setting = '';
  }
}

export class VerdictRound {
  readonly next: KeptVerdicts = new Map();
  reused = 0;
  private readonly mentioned = new Map<string, boolean>();

  constructor(
    private readonly previous: KeptVerdicts,
    private readonly changedTexts: readonly string[],
    private readonly declarations: Declarations,
    readonly texts: ReadonlySet<string>,
    readonly setting: string,
  ) {}

  /** The key of a call's judgement, or undefined when it cannot be kept (it reaches outside its declaration). */
  keyOf(candidate: OutboundCandidate, inbound: InboundContext | undefined): VerdictKey | undefined {
    const unit = this.declarations.of(candidate.node);
    return unit ? keyOf(unit, candidate, inbound) : undefined;
  }

  /** The previous verdict under `key`, unless a changed declaration mentions a name it read. */
  reuse(key: VerdictKey): KeptVerdict | undefined {
    const kept = this.previous.get(key.unit)?.get(key.rest);
    if (!kept) return undefined;
    for (const name of kept.names) if (this.isMentioned(name)) return undefined;
    this.keep(key, kept);
    this.reused++;
    return kept;
  }

  keep(key: VerdictKey, verdict: KeptVerdict): void {
    let inUnit = this.next.get(key.unit);
    if (!inUnit) {
      inUnit = new Map();
      this.next.set(key.unit, inUnit);
    }
    inUnit.set(key.rest, verdict);
  }

  private isMentioned(name: string): boolean {
    let found = this.mentioned.get(name);
    if (found === undefined) {
      // As a whole word: `trace_headers_1` is not mentioned by `trace_headers_12(…)`.
      const word = new RegExp(`(?<![\\w$])${name.replace(/[$.*+?^(){}[\]|\\]/g, '\\$&')}(?![\\w$])`);
      found = this.changedTexts.some((text) => word.test(text));
      this.mentioned.set(name, found);
    }
    return found;
  }
}
