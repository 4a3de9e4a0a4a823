import { normalizeTraceId } from '../formats/ids';
import type { Trace } from '../model/trace';
import type { TraceStore } from '../receiver/traceStore';
import { operationsOf, searchTraces, servicesOf } from './memorySearch';
import { answerFromMemory } from './sourceError';
import type { OperationInfo, TraceQuery, TraceSearchResult, TraceSource } from './traceSource';

/** The built-in receiver's store as a trace source. */
export class ReceiverTraceSource implements TraceSource {
  readonly kind = 'receiver';
  readonly label = 'built-in receiver';

  constructor(private readonly store: TraceStore) {}

  services(signal?: AbortSignal): Promise<string[]> {
    return answerFromMemory(signal, 'Listing services', () => servicesOf(this.store.traces()));
  }

  operations(service: string, signal?: AbortSignal): Promise<OperationInfo[]> {
    return answerFromMemory(signal, 'Listing operations', () => operationsOf(this.store.traces(), service));
  }

  search(query: TraceQuery, signal?: AbortSignal): Promise<TraceSearchResult> {
    return answerFromMemory(signal, 'The search', () => ({ traces: searchTraces(this.store.traces(), query), skipped: [] }));
  }

  getTrace(traceId: string, signal?: AbortSignal): Promise<Trace | undefined> {
    return answerFromMemory(signal, 'Loading the trace', () => {
      const id = normalizeTraceId(traceId.trim());
      return id === undefined ? undefined : this.store.get(id);
    });
  }
}
