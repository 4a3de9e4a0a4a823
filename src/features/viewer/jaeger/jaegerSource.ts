import { JaegerTraceSource } from '../../../core/sources/jaeger/jaegerSource';
import type { Host } from '../../../host/host';
import { AdaptedSource } from '../sources/adaptedSource';
import type { StoredJaegerConnection } from './connections';

export function jaegerSourceId(connection: StoredJaegerConnection): string {
  return `jaeger:${connection.id}`;
}

/** A Jaeger endpoint in the viewer; it remembers which stored connection it came from, for "Disconnect". */
export class JaegerSource extends AdaptedSource {
  constructor(
    readonly connection: StoredJaegerConnection,
    jaeger: JaegerTraceSource,
    onStateChange: () => void,
  ) {
    super(jaeger, {
      id: jaegerSourceId(connection),
      label: jaeger.label,
      ignoreLookback: false,
      detail: () => 'connected',
      untriedDetail: 'not contacted yet',
      onStateChange,
    });
  }
}

/** Builds the source for a stored connection (throws a message for a URL that is not http(s)). */
export function createJaegerSource(host: Host, connection: StoredJaegerConnection, token: string | undefined, onStateChange: () => void): JaegerSource {
  const jaeger = new JaegerTraceSource({
    baseUrl: connection.url,
    ...(token ? { auth: { kind: 'bearer', token } } : {}),
    timeoutMs: host.settings.get('jaeger.timeoutSeconds') * 1000,
  });
  return new JaegerSource(connection, jaeger, onStateChange);
}
