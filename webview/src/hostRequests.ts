import type { Span } from '../../src/core/model/trace';
import type { FindResultsMessage, HostMessage, SpanDetailMessage, TraceRef } from '../../src/core/viewer/protocol';
import { newRequestId, postToHost } from './vscodeApi';

type Answer = SpanDetailMessage | FindResultsMessage;

interface Pending {
  readonly expects: Answer['type'];
  resolve(answer: Answer): void;
  reject(error: Error): void;
}

/**
 * Requests whose answers the webview awaits (a span's detail, find results): each gets an id, and the host's
 * answer, or its `requestFailed`, settles the promise of that id.
 */
export class HostRequests {
  private readonly pending = new Map<number, Pending>();

  async spanDetail(ref: TraceRef, spanIndex: number, spanId: string): Promise<Span> {
    const requestId = newRequestId();
    const answer = this.expect(requestId, 'spanDetail');
    postToHost({ type: 'getSpanDetail', requestId, ref, spanIndex, spanId });
    const message = await answer;
    if (message.type !== 'spanDetail') throw new Error('unexpected answer');
    return message.span;
  }

  async find(ref: TraceRef, query: string): Promise<Int32Array> {
    const requestId = newRequestId();
    const answer = this.expect(requestId, 'findResults');
    postToHost({ type: 'find', requestId, ref, query });
    const message = await answer;
    if (message.type !== 'findResults') throw new Error('unexpected answer');
    return message.spanIndices;
  }

  /** Settles the request a host message answers; returns false when the message answers none of these. */
  settle(message: HostMessage): boolean {
    if (message.type !== 'spanDetail' && message.type !== 'findResults' && message.type !== 'requestFailed') return false;
    const requestId = message.requestId;
    const pending = requestId === undefined ? undefined : this.pending.get(requestId);
    if (requestId === undefined || !pending) return false;
    this.pending.delete(requestId);
    if (message.type === 'requestFailed') pending.reject(new Error(message.message));
    else if (message.type !== pending.expects) pending.reject(new Error(`expected ${pending.expects}, got ${message.type}`));
    else pending.resolve(message);
    return true;
  }

  private expect(requestId: number, expects: Answer['type']): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { expects, resolve, reject });
    });
  }
}
