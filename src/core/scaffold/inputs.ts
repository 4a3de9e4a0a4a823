import { checkProviderService } from '../istio/providerService';
import { compareVersions, parseCollectorVersion } from '../otelcol/version';
import { splitList } from './wizard';

/**
 * Parsers for what people type into the wizards (and pass as flags): each returns the value or a message saying
 * what is wrong, and the wizards' inline validation is exactly these messages.
 */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

export function problemOf<T>(parsed: Parsed<T>): string | undefined {
  return parsed.ok ? undefined : parsed.error;
}

export function valueOf<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A namespace: an RFC 1123 label. */
export function parseNamespace(text: string): Parsed<string> {
  const value = text.trim();
  if (value === '') return fail('Enter a namespace.');
  if (value.length > 63 || !dnsLabel.test(value)) return fail('A namespace is up to 63 lowercase letters, digits and dashes, starting and ending with a letter or digit.');
  return ok(value);
}

/** A resource name (`metadata.name`): an RFC 1123 subdomain. */
export function parseResourceName(text: string): Parsed<string> {
  const value = text.trim();
  if (value === '') return fail('Enter a name.');
  if (value.length > 253 || !dnsSubdomain.test(value)) return fail('A name is lowercase letters, digits, dashes and dots, starting and ending with a letter or digit.');
  return ok(value);
}

/** A name for a Service, Deployment and its labels: an RFC 1123 label (Service names are labels). */
export function parseServiceName(text: string): Parsed<string> {
  const value = text.trim();
  if (value === '' || value.length > 63 || !/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(value)) {
    return fail('A Service name is up to 63 lowercase letters, digits and dashes, starting with a letter.');
  }
  return ok(value);
}

/** A MeshConfig extension provider name. */
export function parseProviderName(text: string): Parsed<string> {
  const value = text.trim();
  if (value === '') return fail('Enter a provider name.');
  if (/\s/.test(value)) return fail('A provider name has no spaces.');
  return ok(value);
}

/** `[<namespace>/]<hostname>`, fully qualified. */
export function parseProviderService(text: string): Parsed<string> {
  const check = checkProviderService(text);
  if (check.problems.length === 0) return ok(text.trim());
  const hint = check.corrected ? ` Try ${check.corrected}.` : '';
  return fail(`Not a service host: ${check.problems.join('; ')}.${hint}`);
}

export function parsePort(text: string): Parsed<number> {
  const value = text.trim();
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) return fail('A port is a number from 1 to 65535.');
  return ok(port);
}

/** A percentage from 0 to 100; empty means "not set". */
export function parsePercentage(text: string): Parsed<number | undefined> {
  const value = text.trim().replace(/%$/, '');
  if (value === '') return ok(undefined);
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || number > 100) return fail('Enter a percentage from 0 to 100 (decimals allowed), or leave empty.');
  return ok(number);
}

export function parsePositiveInteger(text: string, what: string, max = Number.MAX_SAFE_INTEGER): Parsed<number> {
  const value = text.trim();
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || number > max) return fail(`${what} is a whole number from 1 to ${max}.`);
  return ok(number);
}

/** An HTTP path such as /v1/traces. */
export function parseHttpPath(text: string): Parsed<string> {
  const value = text.trim();
  if (!/^\/[^\s?#]*$/.test(value)) return fail('A path starts with / and has no spaces, query or fragment.');
  return ok(value);
}

const labelName = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const labelValue = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** Workload labels as `key=value, key=value`. */
export function parseLabels(text: string): Parsed<Record<string, string>> {
  const entries = splitList(text);
  if (entries.length === 0) return fail('Enter at least one label, e.g. app=reviews.');
  const labels: Record<string, string> = {};
  for (const entry of entries) {
    const [key = '', value = '', ...rest] = entry.split('=').map((part) => part.trim());
    if (rest.length > 0 || !entry.includes('=')) return fail(`"${entry}" is not key=value.`);
    if (!labelName.test(key) || key.length > 317) return fail(`"${key}" is not a label key.`);
    if (!labelValue.test(value)) return fail(`"${value}" is not a label value (up to 63 letters, digits, - _ . ; no wildcards).`);
    labels[key] = value;
  }
  return ok(labels);
}

export interface TargetRef {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
}

/** The kinds a Telemetry's targetRefs may point at, with their API groups. */
const targetRefGroups: Readonly<Record<string, string>> = {
  Service: '',
  ServiceEntry: 'networking.istio.io',
  Gateway: 'gateway.networking.k8s.io',
  GatewayClass: 'gateway.networking.k8s.io',
};

/** `Kind/name, Kind/name` (Service, ServiceEntry, Gateway, GatewayClass), at most 16. */
export function parseTargetRefs(text: string): Parsed<TargetRef[]> {
  const entries = splitList(text);
  if (entries.length === 0) return fail('Enter at least one target, e.g. Service/reviews or Gateway/ingress.');
  if (entries.length > 16) return fail('A Telemetry takes at most 16 targetRefs.');
  const refs: TargetRef[] = [];
  for (const entry of entries) {
    const [kind = '', name = '', ...rest] = entry.split('/').map((part) => part.trim());
    const group = targetRefGroups[kind];
    if (rest.length > 0 || group === undefined) return fail(`"${entry}" is not Kind/name with Kind one of ${Object.keys(targetRefGroups).join(', ')}.`);
    if (!dnsSubdomain.test(name) || name.length > 253) return fail(`"${name}" is not a resource name.`);
    refs.push({ group, kind, name });
  }
  return ok(refs);
}

export type CustomTag =
  | { readonly tag: string; readonly kind: 'literal'; readonly value: string }
  | { readonly tag: string; readonly kind: 'environment' | 'header'; readonly name: string; readonly defaultValue?: string };

/** `tag=literal:value, tag=header:name[:default], tag=env:NAME[:default]`; empty for none. */
export function parseCustomTags(text: string): Parsed<CustomTag[]> {
  const tags: CustomTag[] = [];
  for (const entry of splitList(text)) {
    const match = /^([^=\s]+)\s*=\s*(literal|header|env|environment):(.*)$/.exec(entry);
    if (!match?.[1] || !match[2]) return fail(`"${entry}" is not tag=literal:value, tag=header:name[:default] or tag=env:NAME[:default].`);
    const [tag, source, rest] = [match[1], match[2], match[3] ?? ''];
    if (tags.some((existing) => existing.tag === tag)) return fail(`Tag "${tag}" is given twice.`);
    if (source === 'literal') {
      if (rest.trim() === '') return fail(`Tag "${tag}" needs a literal value.`);
      tags.push({ tag, kind: 'literal', value: rest.trim() });
      continue;
    }
    const [name = '', ...defaults] = rest.split(':');
    if (name.trim() === '') return fail(`Tag "${tag}" needs a ${source === 'header' ? 'header' : 'variable'} name.`);
    const defaultValue = defaults.length > 0 ? defaults.join(':').trim() : undefined;
    tags.push({ tag, kind: source === 'header' ? 'header' : 'environment', name: name.trim(), ...(defaultValue ? { defaultValue } : {}) });
  }
  return ok(tags);
}

/** `key=value` pairs, for resource attributes. */
export function parseKeyValues(text: string): Parsed<[string, string][]> {
  const pairs: [string, string][] = [];
  for (const entry of splitList(text)) {
    const index = entry.indexOf('=');
    const key = entry.slice(0, index).trim();
    const value = entry.slice(index + 1).trim();
    if (index <= 0 || key === '' || /\s/.test(key)) return fail(`"${entry}" is not key=value.`);
    pairs.push([key, value]);
  }
  return pairs.length > 0 ? ok(pairs) : fail('Enter at least one key=value.');
}

/** Attribute keys, comma-separated. */
export function parseAttributeKeys(text: string): Parsed<string[]> {
  const keys = splitList(text);
  if (keys.length === 0) return fail('Enter at least one attribute key.');
  const bad = keys.find((key) => /\s/.test(key));
  return bad ? fail(`"${bad}" is not an attribute key.`) : ok(keys);
}

/** `host:port` for gRPC exporters. */
export function parseHostPort(text: string): Parsed<string> {
  const value = text.trim();
  const match = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?):(\d+)$/i.exec(value);
  if (!match || Number(match[3]) > 65535) return fail('Enter host:port, e.g. jaeger.observability.svc.cluster.local:4317 (no http://).');
  return ok(value);
}

/** An http(s) URL for HTTP exporters. */
export function parseHttpUrl(text: string): Parsed<string> {
  const value = text.trim();
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('The URL must start with http:// or https://.');
    return ok(value);
  } catch {
    return fail('Enter a URL such as https://otlp.example.com.');
  }
}

/** The oldest collector release the generator writes configs for. */
const oldestCollectorRelease = '0.80.0';

export function parseCollectorRelease(text: string): Parsed<string> {
  const version = parseCollectorVersion(text);
  const oldest = parseCollectorVersion(oldestCollectorRelease);
  if (!version || !oldest || version.major !== 0) return fail('Enter a collector release such as 0.120.0.');
  if (compareVersions(version, oldest) < 0) return fail(`Releases before ${oldestCollectorRelease} are not supported.`);
  return ok(`${version.major}.${version.minor}.${version.patch}`);
}

/** A Jaeger v2 release (the all-in-one image jaegertracing/jaeger). */
export function parseJaegerRelease(text: string): Parsed<string> {
  const match = /^v?(2)\.(\d+)\.(\d+)$/.exec(text.trim());
  return match ? ok(`2.${match[2] ?? '0'}.${match[3] ?? '0'}`) : fail('Enter a Jaeger v2 release such as 2.20.0.');
}

export function parseGoPackage(text: string): Parsed<string> {
  const value = text.trim();
  return /^[a-z][a-z0-9_]*$/.test(value) ? ok(value) : fail('A Go package name is lowercase letters, digits and underscores.');
}

export function parseJavaPackage(text: string): Parsed<string> {
  const value = text.trim();
  return /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/.test(value) ? ok(value) : fail('A Java package is dot-separated lowercase identifiers, e.g. com.example.tracing.');
}
