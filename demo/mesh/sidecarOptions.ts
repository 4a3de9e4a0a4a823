export interface SidecarOptions {
  readonly service: string;
  /** Where callers reach the service (Envoy's inbound listener). */
  readonly listenPort: number;
  /** Where the application itself listens. */
  readonly appPort: number;
  /** The HTTP proxy port the application's outbound calls go through. */
  readonly egressPort: number;
  /** Mesh address (`inventory:8080`) → local port of that service's sidecar. */
  readonly routes: ReadonlyMap<string, number>;
  readonly otlpEndpoint: string;
}

function port(value: string | undefined, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0 || number > 65535) throw new Error(`${flag} needs a port, got ${String(value)}`);
  return number;
}

export function parseSidecarArguments(args: readonly string[]): SidecarOptions {
  const values = new Map<string, string[]>();
  for (let index = 0; index < args.length; index += 2) {
    const flag = args[index] ?? '';
    const value = args[index + 1];
    if (!flag.startsWith('--') || value === undefined) throw new Error(`unexpected argument ${flag}`);
    values.set(flag, [...(values.get(flag) ?? []), value]);
  }
  const one = (flag: string): string | undefined => values.get(flag)?.[0];
  const routes = new Map<string, number>();
  for (const route of values.get('--route') ?? []) {
    const [address, target] = route.split('=');
    const local = target?.split(':')[1];
    if (!address || !local) throw new Error(`--route needs host:port=127.0.0.1:port, got ${route}`);
    routes.set(address, port(local, '--route'));
  }
  const service = one('--service');
  const otlpEndpoint = one('--otlp');
  if (!service || !otlpEndpoint) throw new Error('--service and --otlp are required');
  return {
    service,
    listenPort: port(one('--listen'), '--listen'),
    appPort: port(one('--app'), '--app'),
    egressPort: port(one('--egress'), '--egress'),
    routes,
    otlpEndpoint,
  };
}
