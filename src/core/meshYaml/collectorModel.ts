import type { ParsedNode } from 'yaml';
import type { ComponentKind } from '../otelcol/catalog';
import { asMap, child, childMap, childSeq, findPair, items, keyText, pairs, scalarText, type MapNode, type NodePair, type SeqNode } from '../yaml/nodes';

/** A component defined in a collector config: `<type>[/<name>]` under receivers, processors, exporters… */
export interface ComponentDefinition {
  readonly kind: ComponentKind;
  readonly id: string;
  readonly type: string;
  readonly pair: NodePair;
  readonly settings: MapNode | undefined;
}

const sectionOf: Readonly<Record<ComponentKind, string>> = {
  receiver: 'receivers',
  processor: 'processors',
  exporter: 'exporters',
  extension: 'extensions',
  connector: 'connectors',
};

export function typeOf(id: string): string {
  const slash = id.indexOf('/');
  return slash === -1 ? id : id.slice(0, slash);
}

export function componentDefinitions(config: MapNode, kind: ComponentKind): ComponentDefinition[] {
  return pairs(childMap(config, sectionOf[kind])).flatMap((pair) => {
    const id = keyText(pair);
    return id === undefined ? [] : [{ kind, id, type: typeOf(id), pair, settings: asMap(pair.value) }];
  });
}

export type PipelineRole = 'receivers' | 'processors' | 'exporters';

export interface Pipeline {
  readonly id: string;
  readonly pair: NodePair;
  readonly settings: MapNode | undefined;
}

export function pipelinesOf(config: MapNode): Pipeline[] {
  return pairs(childMap(childMap(config, 'service'), 'pipelines')).flatMap((pair) => {
    const id = keyText(pair);
    return id === undefined ? [] : [{ id, pair, settings: asMap(pair.value) }];
  });
}

export function pipelineList(pipeline: Pipeline, role: PipelineRole): SeqNode | undefined {
  return childSeq(pipeline.settings, role);
}

/** A reference to a component in a pipeline list or `service.extensions`. */
export interface ComponentReference {
  readonly id: string;
  readonly node: ParsedNode;
}

export function references(list: SeqNode | undefined): ComponentReference[] {
  return items(list).flatMap((node) => {
    const id = scalarText(node);
    return id === undefined ? [] : [{ id, node }];
  });
}

/** Every place `id` of `kind` is referenced: pipeline lists of its role and, for extensions, service.extensions. */
export function referencesTo(config: MapNode, kind: ComponentKind, id: string): ComponentReference[] {
  const roles: PipelineRole[] =
    kind === 'receiver' ? ['receivers'] : kind === 'processor' ? ['processors'] : kind === 'exporter' ? ['exporters'] : kind === 'connector' ? ['receivers', 'exporters'] : [];
  const inPipelines = pipelinesOf(config).flatMap((pipeline) => roles.flatMap((role) => references(pipelineList(pipeline, role))));
  const inService = kind === 'extension' ? references(childSeq(childMap(config, 'service'), 'extensions')) : [];
  return [...inPipelines, ...inService].filter((reference) => reference.id === id);
}

export type ReceiverProtocol = 'otlp-grpc' | 'otlp-http' | 'zipkin' | 'jaeger-grpc' | 'jaeger-thrift-http';

/** A port a receiver listens on, explicitly or by default. */
export interface ReceiverEndpoint {
  readonly component: ComponentDefinition;
  readonly protocol: ReceiverProtocol;
  readonly port: number | undefined;
  readonly host: string | undefined;
  /** The `endpoint` value node, when the endpoint is written out. */
  readonly endpointNode: ParsedNode | undefined;
  /** The pair holding the endpoint's settings (`grpc:`, `http:` of otlp; the receiver itself for zipkin). */
  readonly holder: NodePair;
}

const defaultPorts: Readonly<Record<ReceiverProtocol, number>> = {
  'otlp-grpc': 4317,
  'otlp-http': 4318,
  zipkin: 9411,
  'jaeger-grpc': 14250,
  'jaeger-thrift-http': 14268,
};

export function splitEndpoint(endpoint: string): { readonly host: string; readonly port: number | undefined } {
  const withoutScheme = endpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  const match = /^(.*):(\d+)$/.exec(withoutScheme);
  return match ? { host: match[1] ?? '', port: Number(match[2]) } : { host: withoutScheme, port: undefined };
}

function endpointOf(component: ComponentDefinition, protocol: ReceiverProtocol, holder: NodePair, settings: MapNode | undefined): ReceiverEndpoint {
  const endpointNode = child(settings, 'endpoint');
  const endpoint = scalarText(endpointNode);
  if (endpoint === undefined) return { component, protocol, port: defaultPorts[protocol], host: undefined, endpointNode, holder };
  const { host, port } = splitEndpoint(endpoint);
  return { component, protocol, port, host, endpointNode, holder };
}

/** The endpoints of the receivers that matter for tracing: otlp, zipkin, jaeger. */
export function receiverEndpoints(config: MapNode): ReceiverEndpoint[] {
  const endpoints: ReceiverEndpoint[] = [];
  for (const component of componentDefinitions(config, 'receiver')) {
    const protocols = childMap(component.settings, 'protocols');
    if (component.type === 'otlp') {
      for (const [key, protocol] of [['grpc', 'otlp-grpc'], ['http', 'otlp-http']] as const) {
        const pair = findPair(protocols, key);
        if (pair) endpoints.push(endpointOf(component, protocol, pair, asMap(pair.value)));
      }
    } else if (component.type === 'zipkin') {
      endpoints.push(endpointOf(component, 'zipkin', component.pair, component.settings));
    } else if (component.type === 'jaeger') {
      for (const [key, protocol] of [['grpc', 'jaeger-grpc'], ['thrift_http', 'jaeger-thrift-http']] as const) {
        const pair = findPair(protocols, key);
        if (pair) endpoints.push(endpointOf(component, protocol, pair, asMap(pair.value)));
      }
    }
  }
  return endpoints;
}

export const localHosts: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
