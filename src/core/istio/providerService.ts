/**
 * MeshConfig providers name their backend as `[<Namespace>/]<Hostname>`, where the hostname is the fully qualified
 * name of a Kubernetes Service or a ServiceEntry host (istio/api mesh/v1alpha1/config.proto). istiod looks the
 * host up as written, so URLs, ports, paths and short names are the usual mistakes.
 */
export interface ServiceCheck {
  /** What is wrong, in the order found; empty when the value is fine. */
  readonly problems: readonly string[];
  /** Whether the problems stop istiod from finding the service (rather than merely look suspicious). */
  readonly severity: 'error' | 'warning';
  /** The value with the mechanical problems (scheme, port, path, case, spaces) removed, when that leaves a valid one. */
  readonly corrected: string | undefined;
  /** A port found in the value, for moving into the `port` field. */
  readonly portInValue: number | undefined;
}

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const hostname = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function checkProviderService(value: string): ServiceCheck {
  const problems: string[] = [];
  let text = value.trim();
  if (text === '') return { problems: ['the service is empty'], severity: 'error', corrected: undefined, portInValue: undefined };
  if (/\s/.test(text)) {
    problems.push('it contains spaces');
    text = text.replace(/\s+/g, '');
  }
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text);
  if (scheme) {
    problems.push(`it starts with the URL scheme "${scheme[0]}"`);
    text = text.slice(scheme[0].length);
  }
  const segments = text.split('/');
  const namespaced = segments.length >= 2 && dnsLabel.test(segments[0] ?? '') && segments[1] !== '' && !(segments[0] ?? '').includes(':');
  const namespace = namespaced ? segments[0] : undefined;
  let host = (namespaced ? segments[1] : segments[0]) ?? '';
  if (segments.length > (namespaced ? 2 : 1)) problems.push('it contains a path (the http path goes in `http.path`)');
  const port = /:(\d+)$/.exec(host);
  if (port) {
    problems.push(`it contains the port ${port[1]} (ports go in the \`port\` field)`);
    host = host.slice(0, port.index);
  }
  if (host !== host.toLowerCase()) {
    problems.push('host names are lowercase');
    host = host.toLowerCase();
  }
  const candidate = namespace ? `${namespace}/${host}` : host;
  const portInValue = port ? Number(port[1]) : undefined;
  if (!hostname.test(host)) {
    problems.push(`"${host}" is not a valid host name`);
    return { problems, severity: 'error', corrected: undefined, portInValue };
  }
  if (!host.includes('.')) {
    problems.push(`"${host}" is not fully qualified: istiod looks hosts up as written, e.g. ${host}.<namespace>.svc.cluster.local`);
    return { problems, severity: problems.length > 1 ? 'error' : 'warning', corrected: problems.length > 1 ? candidate : undefined, portInValue };
  }
  return { problems, severity: 'error', corrected: problems.length > 0 ? candidate : undefined, portInValue };
}

/** The Kubernetes Service a provider host names (`<name>.<namespace>.svc[.cluster.local]`), if it has that form. */
export function kubernetesServiceOf(service: string): { readonly name: string; readonly namespace: string } | undefined {
  const host = service.includes('/') ? service.slice(service.indexOf('/') + 1) : service;
  const match = /^([a-z0-9-]+)\.([a-z0-9-]+)\.svc(?:\.[a-z0-9.-]+)?$/.exec(host);
  return match?.[1] && match[2] ? { name: match[1], namespace: match[2] } : undefined;
}
