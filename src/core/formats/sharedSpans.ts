import type { Span } from '../model/trace';
import { hashToHex } from './ids';

/**
 * Zipkin's shared spans: the SERVER half of an RPC reuses the CLIENT half's span id (B3 single-span RPC). The model
 * wants one id per span, so each server half gets a derived id with the client as its parent, and children of the
 * shared id move under the (first) server half — what Jaeger's span-id deduper does. Used by the Zipkin parser
 * and by the receiver's store, where the two halves arrive in separate requests. Returns the input array itself
 * when no id is shared.
 */
export function splitSharedSpanIds(spans: readonly Span[]): readonly Span[] {
  const byKey = new Map<string, number[]>();
  spans.forEach((span, index) => {
    const key = `${span.traceId}/${span.spanId}`;
    const list = byKey.get(key);
    if (list) list.push(index);
    else byKey.set(key, [index]);
  });
  if (byKey.size === spans.length) return spans;

  const result = [...spans];
  const used = new Set(spans.map((span) => `${span.traceId}/${span.spanId}`));
  const movedTo = new Map<string, string>();
  const serverHalves = new Set<number>();
  for (const [key, indices] of byKey) {
    if (indices.length < 2) continue;
    const halves = indices.map((index) => spans[index]).filter((span): span is Span => span !== undefined);
    if (!halves.some((span) => span.kind === 'client')) continue;
    let counter = 0;
    for (const index of indices) {
      const span = spans[index];
      if (span?.kind !== 'server') continue;
      const newId = derivedId(span, counter++, used);
      used.add(`${span.traceId}/${newId}`);
      result[index] = { ...span, spanId: newId, parentSpanId: span.spanId };
      serverHalves.add(index);
      if (!movedTo.has(key)) movedTo.set(key, newId);
    }
  }
  if (movedTo.size === 0) return spans;
  return result.map((span, index) => {
    if (serverHalves.has(index) || span.parentSpanId === undefined) return span;
    const moved = movedTo.get(`${span.traceId}/${span.parentSpanId}`);
    return moved === undefined ? span : { ...span, parentSpanId: moved };
  });
}

function derivedId(span: Span, counter: number, used: ReadonlySet<string>): string {
  for (let attempt = counter; ; attempt++) {
    const candidate = hashToHex(`${span.spanId}/server/${attempt}`, 16);
    if (!used.has(`${span.traceId}/${candidate}`)) return candidate;
  }
}
