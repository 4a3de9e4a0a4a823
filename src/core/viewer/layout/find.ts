import type { Attributes, AttributeValue } from '../../model/trace';
import type { SpanTree } from './spanTree';

/**
 * Find in trace. A query is whitespace-separated terms, all of which must match (case-insensitive): `key=value`
 * matches an attribute (span, resource or event) whose key is `key` and whose value starts with `value`; any other
 * term matches anywhere in the span's name, service, ids, attributes, events and status message.
 */

export interface FindableSpan {
  readonly spanId: string;
  readonly name: string;
  readonly service: string;
  readonly attributes: Attributes;
  readonly resource: Attributes;
  readonly events: readonly { readonly name: string; readonly attributes: Attributes }[];
  readonly status: { readonly message?: string };
}

export function parseFindQuery(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term.length > 0);
}

/**
 * Matches spans against queries; each span's searchable text is built once, on the first query. The host runs it
 * (it holds the spans' attributes and events) and sends the matching indices to the webview.
 */
export class SpanFinder {
  private readonly haystacks: (string | undefined)[];

  constructor(private readonly spans: readonly FindableSpan[]) {
    this.haystacks = new Array<string | undefined>(spans.length);
  }

  /** Indices of the spans matching every term, in span order (`inTreeOrder` sorts them as the timeline shows them). */
  find(terms: readonly string[]): Int32Array {
    if (terms.length === 0) return new Int32Array(0);
    const needles = terms.map((term) => (isKeyValue(term) ? `\n${term}` : term));
    const found: number[] = [];
    for (let i = 0; i < this.spans.length; i++) {
      const haystack = this.haystack(i);
      if (needles.every((needle) => haystack.includes(needle))) found.push(i);
    }
    return Int32Array.from(found);
  }

  private haystack(index: number): string {
    const cached = this.haystacks[index];
    if (cached !== undefined) return cached;
    const span = this.spans[index];
    if (!span) return '';
    const parts = [span.name, span.service, span.spanId, span.status.message ?? ''];
    appendAttributes(parts, span.attributes);
    appendAttributes(parts, span.resource);
    for (const event of span.events) {
      parts.push(event.name);
      appendAttributes(parts, event.attributes);
    }
    const text = `\n${parts.join('\n').toLowerCase()}`;
    this.haystacks[index] = text;
    return text;
  }
}

/** Span indices sorted as the timeline shows them (`tree.preorder`): top to bottom. Sorts `indices` in place. */
export function inTreeOrder(indices: Int32Array, tree: SpanTree): Int32Array {
  const preorder = tree.preorder;
  return indices.sort((a, b) => (preorder[a] ?? 0) - (preorder[b] ?? 0));
}

function isKeyValue(term: string): boolean {
  const equals = term.indexOf('=');
  return equals > 0;
}

function appendAttributes(parts: string[], attributes: Attributes): void {
  for (const [key, value] of Object.entries(attributes)) parts.push(`${key}=${valueText(value)}`);
}

function valueText(value: AttributeValue): string {
  if (value === null) return 'null';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The flags for "filter to matches": every match and all its ancestors, so that the tree keeps its shape. */
export function matchFilter(tree: SpanTree, matches: Int32Array): Uint8Array {
  const mask = new Uint8Array(tree.size);
  for (const match of matches) {
    for (let span = match; span >= 0 && mask[span] !== 1; span = tree.parent[span] ?? -1) mask[span] = 1;
  }
  return mask;
}

/**
 * The match to go to from `current` (a span index, or -1 for none): the first match below it in tree order for
 * `direction` 1, the last above it for -1, wrapping around. Returns an index into `matches`, or -1 when empty.
 */
export function stepMatch(matches: Int32Array, tree: SpanTree, current: number, direction: 1 | -1): number {
  if (matches.length === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : matches.length - 1;
  const position = tree.preorder[current] ?? 0;
  const after = firstMatchAfter(matches, tree, direction === 1 ? position : position - 1);
  if (direction === 1) return after < matches.length ? after : 0;
  return after > 0 ? after - 1 : matches.length - 1;
}

/** Binary search: the first index into `matches` whose span comes after `position` in tree order. */
function firstMatchAfter(matches: Int32Array, tree: SpanTree, position: number): number {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((tree.preorder[matches[middle] ?? 0] ?? 0) > position) high = middle;
    else low = middle + 1;
  }
  return low;
}
