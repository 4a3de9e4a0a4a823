import type { ParsedNode } from 'yaml';
import { componentKinds, componentTypeStatus, type ComponentKind } from '../../otelcol/catalog';
import { typeHistory, typeNameFor, typeStanding } from '../../otelcol/lifecycle';
import { formatCollectorVersion, type CollectorVersion } from '../../otelcol/version';
import { closestMatch } from '../../text/similarity';
import { child, childMap, childSeq, findPair, keyRange, nodeRange, scalarText } from '../../yaml/nodes';
import type { TextEdit } from '../../yaml/textEdit';
import {
  componentDefinitions,
  pipelineList,
  pipelinesOf,
  references,
  referencesTo,
  typeOf,
  type ComponentDefinition,
  type ComponentReference,
  type Pipeline,
} from '../collectorModel';
import { editAt, findingAt, fix, relatedAt } from '../report';
import type { CollectorConfigSource } from '../sources';
import type { MeshYamlFinding, YamlFix } from '../types';

/** What one collector config gets wrong: components, pipelines, processor order; `version` may be unknown. */
export function checkCollector(collector: CollectorConfigSource, version: CollectorVersion | undefined): MeshYamlFinding[] {
  const definitions = componentKinds.flatMap((kind) => componentDefinitions(collector.config, kind));
  return [
    ...definitions.flatMap((definition) => checkComponentType(collector, definitions, definition, version)),
    ...(collector.partial ? [] : checkReferences(collector, definitions)),
    ...pipelinesOf(collector.config).flatMap((pipeline) => checkPipeline(collector, pipeline)),
  ];
}

function versionText(version: CollectorVersion | undefined): string {
  return version ? ` (target: v${formatCollectorVersion(version)})` : '';
}

/** Renames a component where it is defined and everywhere it is referenced. */
function renameFix(collector: CollectorConfigSource, definitions: readonly ComponentDefinition[], definition: ComponentDefinition, newType: string, extra: readonly (TextEdit | undefined)[] = []): YamlFix | undefined {
  const newId = newType + definition.id.slice(definition.type.length);
  if (definitions.some((other) => other.kind === definition.kind && other.id === newId)) return undefined;
  const { source } = collector;
  const edits = [
    editAt(source, keyRange(definition.pair), newId),
    ...referencesTo(collector.config, definition.kind, definition.id).map((reference) => editAt(source, nodeRange(reference.node), newId)),
    ...extra,
  ];
  return fix(`Rename ${definition.id} to ${newId}`, edits);
}

/** `loglevel` of the logging exporter, mapped the way the collector mapped it to `verbosity`. */
function loglevelEdits(collector: CollectorConfigSource, definition: ComponentDefinition): (TextEdit | undefined)[] {
  const pair = findPair(definition.settings, 'loglevel');
  if (!pair) return [];
  const level = scalarText(pair.value)?.toLowerCase();
  const verbosity = level === 'debug' ? 'detailed' : level === 'info' ? 'normal' : 'basic';
  const start = pair.key.range[0];
  const end = pair.value ? pair.value.range[1] : pair.key.range[1];
  return [editAt(collector.source, [start, end], `verbosity: ${verbosity}`)];
}

/** The jaeger exporter's gRPC port (14250) becomes Jaeger's OTLP gRPC port. */
function jaegerEndpointEdits(collector: CollectorConfigSource, definition: ComponentDefinition): (TextEdit | undefined)[] {
  const endpoint = child(definition.settings, 'endpoint');
  const text = scalarText(endpoint);
  if (!endpoint || !text?.endsWith(':14250')) return [];
  return [editAt(collector.source, nodeRange(endpoint), text.replace(/:14250$/, ':4317'))];
}

function checkComponentType(
  collector: CollectorConfigSource,
  definitions: readonly ComponentDefinition[],
  definition: ComponentDefinition,
  version: CollectorVersion | undefined,
): MeshYamlFinding[] {
  const { source } = collector;
  const { kind, type } = definition;
  const where = keyRange(definition.pair);
  const standing = typeStanding(kind, type, version);
  const history = typeHistory(kind, type);
  const advice = history?.advice ? ` ${history.advice}` : '';
  if (standing.state === 'removed') {
    const replacement = version && standing.replacement === 'otlp' ? typeNameFor('exporter', 'otlp_grpc', version) : standing.replacement;
    const deprecated = history?.deprecated ? `deprecated in v${history.deprecated} and ` : '';
    const extra = type === 'logging' ? loglevelEdits(collector, definition) : type === 'jaeger' ? jaegerEndpointEdits(collector, definition) : [];
    return [
      findingAt(source, where, 'collector-removed-component',
        `The \`${type}\` ${kind} was ${deprecated}removed in v${standing.since}${versionText(version)}; use \`${replacement}\`.${advice}`, {
          severity: version ? 'error' : 'warning',
          fixes: [renameFix(collector, definitions, definition, replacement, extra)],
        }),
    ];
  }
  if (standing.state === 'deprecated') {
    const alias = history?.removed === undefined;
    const extra = type === 'logging' ? loglevelEdits(collector, definition) : [];
    return [
      findingAt(source, where, 'collector-deprecated-component',
        alias
          ? `\`${type}\` is a deprecated alias of \`${standing.replacement}\` since v${standing.since}${versionText(version)}; the collector logs a warning for it.`
          : `The \`${type}\` ${kind} is deprecated since v${standing.since}${versionText(version)} and removed in v${history.removed}; use \`${standing.replacement}\`.`,
        { severity: alias ? 'info' : 'warning', fixes: [renameFix(collector, definitions, definition, standing.replacement, extra)] },
      ),
    ];
  }
  if (standing.state === 'too-new') {
    return [
      findingAt(source, where, 'collector-component-too-new',
        `\`${type}\` exists from v${standing.introduced} on${versionText(version)}; this release calls it \`${standing.replacement}\`.`, {
          fixes: [renameFix(collector, definitions, definition, standing.replacement)],
        }),
    ];
  }
  if (typeHistory(kind, type)) return [];
  const status = componentTypeStatus(kind, type);
  if (status.known) return [];
  const suggestion = status.suggestion;
  return [
    findingAt(source, where, 'collector-unknown-component',
      suggestion
        ? `\`${type}\` is not a ${kind} type; did you mean \`${suggestion}\`?`
        : `\`${type}\` is not a ${kind} type of the core or contrib distributions (fine if your collector build adds it).`, {
        severity: suggestion ? 'warning' : 'info',
        fixes: suggestion ? [renameFix(collector, definitions, definition, suggestion)] : [],
      }),
  ];
}

const allowedKinds: Readonly<Record<string, readonly ComponentKind[]>> = {
  receivers: ['receiver', 'connector'],
  processors: ['processor'],
  exporters: ['exporter', 'connector'],
  extensions: ['extension'],
};

function checkReferences(collector: CollectorConfigSource, definitions: readonly ComponentDefinition[]): MeshYamlFinding[] {
  const lists: { role: string; references: ComponentReference[]; where: string }[] = pipelinesOf(collector.config).flatMap((pipeline) =>
    (['receivers', 'processors', 'exporters'] as const).map((role) => ({ role, references: references(pipelineList(pipeline, role)), where: `pipeline ${pipeline.id}` })),
  );
  lists.push({ role: 'extensions', references: references(childSeq(childMap(collector.config, 'service'), 'extensions')), where: 'service.extensions' });
  const findings: MeshYamlFinding[] = [];
  for (const { role, references: referenced, where } of lists) {
    const kinds = allowedKinds[role] ?? [];
    const candidates = definitions.filter((definition) => kinds.includes(definition.kind)).map((definition) => definition.id);
    for (const reference of referenced) {
      if (candidates.includes(reference.id)) continue;
      const closest = closestMatch(reference.id, candidates) ?? candidates.find((candidate) => typeOf(candidate) === typeOf(reference.id));
      findings.push(
        findingAt(collector.source, nodeRange(reference.node), 'collector-undefined-component',
          `${where} uses ${role.replace(/s$/, '')} \`${reference.id}\`, which is not configured under \`${role}\`${role === 'receivers' || role === 'exporters' ? ' or `connectors`' : ''}.`, {
            fixes: closest ? [fix(`Use ${closest}`, [editAt(collector.source, nodeRange(reference.node), closest)])] : [],
          }),
      );
    }
  }
  return findings;
}

function checkPipeline(collector: CollectorConfigSource, pipeline: Pipeline): MeshYamlFinding[] {
  const findings: MeshYamlFinding[] = [];
  const { source } = collector;
  if (!collector.partial) {
    for (const role of ['receivers', 'exporters'] as const) {
      if (references(pipelineList(pipeline, role)).length > 0) continue;
      findings.push(findingAt(source, keyRange(pipeline.pair), 'collector-pipeline-incomplete', `Pipeline ${pipeline.id} has no ${role}; the collector refuses to start a pipeline without ${role === 'receivers' ? 'a receiver' : 'an exporter'}.`));
    }
  }
  const list = pipelineList(pipeline, 'processors');
  const processors = references(list);
  const isType = (type: string) => (reference: ComponentReference) => typeOf(reference.id) === type;
  const limiters = processors.filter(isType('memory_limiter'));
  const batches = processors.filter(isType('batch'));
  const others = processors.filter((reference) => !limiters.includes(reference) && !batches.includes(reference));
  const ordered = [...limiters, ...others, ...batches];
  if (ordered.every((reference, index) => reference === processors[index])) return findings;
  const firstMisplaced = processors.find((reference, index) => reference !== ordered[index]) ?? processors[0];
  const problems = [
    limiters.length > 0 && processors[0] !== limiters[0] ? 'memory_limiter must come first, so it can refuse data before other processors spend memory on it' : undefined,
    batches.length > 0 && processors.at(-1) !== batches.at(-1) ? 'batch must come last, after sampling and enrichment (k8sattributes needs the sender’s connection, which batching loses)' : undefined,
  ].filter((problem) => problem !== undefined);
  findings.push(
    findingAt(source, nodeRange(firstMisplaced?.node ?? pipeline.pair), 'collector-processor-order', `Pipeline ${pipeline.id}: ${problems.join('; ')}.`, {
      related: list ? [relatedAt(source, nodeRange(list), 'processors run in this order')] : [],
      fixes: [fix('Reorder processors', reorderEdits(collector, processors, ordered))],
    }),
  );
  return findings;
}

/** Writes each list item's text into the place of the item at the same index, keeping the list's own layout. */
function reorderEdits(collector: CollectorConfigSource, current: readonly ComponentReference[], ordered: readonly ComponentReference[]): (TextEdit | undefined)[] {
  const textOf = (node: ParsedNode): string => collector.source.text.slice(node.range[0], node.range[1]);
  return current.flatMap((reference, index) => {
    const replacement = ordered[index];
    return replacement && replacement !== reference ? [editAt(collector.source, nodeRange(reference.node), textOf(replacement.node))] : [];
  });
}
