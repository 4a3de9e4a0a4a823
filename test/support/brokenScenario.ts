import { parseTraces } from '../../src/core/formats/parseTraces';
import { startCapturingServer } from './capturingServer';
import { startTracedService, type TracedService } from './tracedServiceProcess';
import type { DownstreamCall, TracedServiceConfig } from './tracedServiceProtocol';

/**
 * Real instrumented services breaking a trace in each of the three ways (one child process per service, real
 * OTLP/HTTP exporter, real timestamps):
 *
 *   test → gateway → orders, and while handling the request orders calls
 *     payments        with the context dropped (ROOT_CONTEXT)  → a CLIENT root of orders      (client-root)
 *     inventory       instrumented, but inventory ignores the incoming headers  (server-root-under-client)
 *     recommendations with the global fetch, which is not instrumented      (server-root-without-client)
 *
 * Returns what the exporters sent, as OTLP JSON Lines (one export request per line, like the collector's file
 * exporter writes).
 */
export async function recordBrokenTraces(): Promise<string> {
  const capture = await startCapturingServer();
  const endpoint = `${capture.url}/v1/traces`;
  const services: TracedService[] = [];
  const start = async (config: Omit<TracedServiceConfig, 'exporter' | 'endpoint'>): Promise<TracedService> => {
    const service = await startTracedService({ ...config, exporter: 'otlp-http', endpoint });
    services.push(service);
    return service;
  };
  try {
    const [gateway, orders, payments, inventory, recommendations] = await Promise.all([
      start({ service: 'gateway' }),
      start({ service: 'orders' }),
      start({ service: 'payments' }),
      start({ service: 'inventory', propagation: 'none' }),
      start({ service: 'recommendations' }),
    ]);
    const ordersCalls: DownstreamCall[] = [
      { url: `${payments.url}/leaf`, mode: 'root' },
      { url: `${inventory.url}/leaf`, mode: 'propagate' },
      { url: `${recommendations.url}/leaf`, mode: 'fetch' },
    ];
    await gateway.work([{ url: `${orders.url}/work?calls=${encodeURIComponent(JSON.stringify(ordersCalls))}`, mode: 'propagate' }]);
    let recorded = 0;
    for (const service of services) recorded += (await service.flush()).length;
    // A flush can resolve while an export the batch timer started is still on its way: wait for every span.
    const exported = (requests: readonly { body: Buffer }[]): number =>
      requests.reduce((sum, request) => sum + parseTraces(request.body.toString('utf8'), 'export').traces.reduce((count, trace) => count + trace.spans.length, 0), 0);
    await capture.waitFor((requests) => exported(requests) >= recorded, `all ${recorded} recorded spans to be exported`);
    return capture.requests.map((request) => request.body.toString('utf8')).join('\n');
  } finally {
    await Promise.all(services.map((service) => service.stop()));
    await capture.close();
  }
}
