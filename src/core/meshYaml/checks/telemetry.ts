import type { ParsedNode } from 'yaml';
import { closestMatch } from '../../text/similarity';
import { asMap, asScalar, asSeq, child, findPair, items, keyRange, keyText, nodeRange, pairs, type MapNode } from '../../yaml/nodes';
import { editAt, findingAt, fix } from '../report';
import type { DocSource, TelemetryResource } from '../sources';
import type { MeshYamlFinding } from '../types';

/** Fields of a `spec.tracing[]` entry in telemetry.istio.io/v1 (the CRD in istio/istio manifests). */
const tracingFields = [
  'match',
  'providers',
  'customTags',
  'disableSpanReporting',
  'useRequestIdForTraceSampling',
  'randomSamplingPercentage',
  'enableIstioTags',
  'disableContextPropagation',
];
const booleanFields = ['disableSpanReporting', 'useRequestIdForTraceSampling', 'enableIstioTags', 'disableContextPropagation'];
const matchModes = ['CLIENT_AND_SERVER', 'CLIENT', 'SERVER'];
const customTagKinds = ['literal', 'environment', 'header', 'formatter'];

/** What a Telemetry's own text gets wrong, judged without the rest of the workspace. */
export function checkTelemetry(telemetry: TelemetryResource, knownTracingProviders: readonly string[]): MeshYamlFinding[] {
  const findings: MeshYamlFinding[] = [];
  const { source, spec } = telemetry;
  if (!spec) return findings;
  const targeting = ['selector', 'targetRef', 'targetRefs'].map((key) => findPair(spec, key)).filter((pair) => pair !== undefined);
  if (targeting.length > 1) {
    const names = targeting.map((pair) => `\`${keyText(pair) ?? ''}\``).join(' and ');
    for (const pair of targeting.slice(1)) {
      findings.push(findingAt(source, keyRange(pair), 'telemetry-selector-and-targetrefs', `Set only one of ${names}: the API server rejects a Telemetry with more than one.`));
    }
  }
  const tracing = child(spec, 'tracing');
  if (tracing === undefined) return findings;
  const entries = asSeq(tracing);
  if (!entries) {
    findings.push(findingAt(source, nodeRange(tracing), 'telemetry-invalid-field', '`tracing` must be a list of tracing configurations.'));
    return findings;
  }
  for (const entry of items(entries)) {
    const map = asMap(entry);
    if (!map) {
      findings.push(findingAt(source, nodeRange(entry), 'telemetry-invalid-field', 'Each `tracing` entry must be a mapping.'));
      continue;
    }
    findings.push(...checkTracingEntry(source, map, knownTracingProviders));
  }
  return findings;
}

function checkTracingEntry(source: DocSource, entry: MapNode, knownTracingProviders: readonly string[]): MeshYamlFinding[] {
  const findings: MeshYamlFinding[] = [];
  for (const pair of pairs(entry)) {
    const key = keyText(pair) ?? '';
    if (tracingFields.includes(key)) continue;
    const suggestion = closestMatch(key, tracingFields, 3);
    findings.push(
      findingAt(source, keyRange(pair), 'telemetry-invalid-field', `\`${key}\` is not a tracing field${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`, {
        fixes: suggestion ? [fix(`Rename to ${suggestion}`, [editAt(source, keyRange(pair), suggestion)])] : [],
      }),
    );
  }
  const sampling = child(entry, 'randomSamplingPercentage');
  if (sampling) findings.push(...checkSampling(source, sampling));
  for (const field of booleanFields) {
    const value = child(entry, field);
    if (value) findings.push(...checkBoolean(source, field, value));
  }
  const mode = child(asMap(child(entry, 'match')), 'mode');
  const modeText = asScalar(mode)?.value;
  if (mode && (typeof modeText !== 'string' || !matchModes.includes(modeText))) {
    const upper = typeof modeText === 'string' ? modeText.toUpperCase().replace(/[\s-]+/g, '_') : '';
    findings.push(
      findingAt(source, nodeRange(mode), 'telemetry-invalid-field', `\`match.mode\` must be one of ${matchModes.join(', ')}.`, {
        fixes: matchModes.includes(upper) ? [fix(`Change to ${upper}`, [editAt(source, nodeRange(mode), upper)])] : [],
      }),
    );
  }
  const providers = child(entry, 'providers');
  if (providers) findings.push(...checkProviders(source, providers, knownTracingProviders));
  const customTags = child(entry, 'customTags');
  if (customTags) findings.push(...checkCustomTags(source, customTags));
  return findings;
}

function checkSampling(source: DocSource, node: ParsedNode): MeshYamlFinding[] {
  const scalar = asScalar(node);
  const value: unknown = scalar?.value;
  if (scalar && value === null) return [];
  if (typeof value === 'number') {
    if (value >= 0 && value <= 100 && Number.isFinite(value)) return [];
    const clamped = value < 0 ? 0 : 100;
    return [
      findingAt(source, nodeRange(node), 'telemetry-sampling-range', `randomSamplingPercentage is ${value}; it is a percentage from 0 to 100.`, {
        fixes: [fix(`Clamp to ${clamped}`, [editAt(source, nodeRange(node), String(clamped))])],
      }),
    ];
  }
  const numeric = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*%?\s*$/.test(value) ? Number(value.replace('%', '')) : undefined;
  const repaired = numeric === undefined ? undefined : Math.min(100, Math.max(0, numeric));
  return [
    findingAt(source, nodeRange(node), 'telemetry-sampling-range', 'randomSamplingPercentage must be a number from 0 to 100, not a string.', {
      fixes: repaired === undefined ? [] : [fix(`Change to ${repaired}`, [editAt(source, nodeRange(node), String(repaired))])],
    }),
  ];
}

function checkBoolean(source: DocSource, field: string, node: ParsedNode): MeshYamlFinding[] {
  const value: unknown = asScalar(node)?.value;
  if (typeof value === 'boolean' || value === null) return [];
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  const repaired = text === 'true' || text === 'false' ? text : undefined;
  return [
    findingAt(source, nodeRange(node), 'telemetry-invalid-field', `\`${field}\` must be true or false.`, {
      fixes: repaired ? [fix(`Change to ${repaired}`, [editAt(source, nodeRange(node), repaired)])] : [],
    }),
  ];
}

function checkProviders(source: DocSource, node: ParsedNode, knownTracingProviders: readonly string[]): MeshYamlFinding[] {
  const list = asSeq(node);
  if (!list) {
    const name = asScalar(node)?.value;
    return [
      findingAt(source, nodeRange(node), 'telemetry-invalid-field', '`providers` must be a list of `{name: …}` entries.', {
        fixes: typeof name === 'string' && name !== '' ? [fix(`Change to [{ name: ${name} }]`, [editAt(source, nodeRange(node), `[{ name: ${name} }]`)])] : [],
      }),
    ];
  }
  const findings: MeshYamlFinding[] = [];
  const only = knownTracingProviders.length === 1 ? knownTracingProviders[0] : undefined;
  for (const item of items(list)) {
    const provider = asMap(item);
    if (!provider) {
      findings.push(findingAt(source, nodeRange(item), 'telemetry-invalid-field', 'Each provider must be a mapping with a `name`.'));
      continue;
    }
    const nameNode = child(provider, 'name');
    const name: unknown = asScalar(nameNode)?.value;
    if (typeof name === 'string' && name.trim() !== '') continue;
    const range = nameNode ? nodeRange(nameNode) : nodeRange(item);
    findings.push(
      findingAt(source, range, 'telemetry-empty-provider', 'This provider reference has no name; name an extension provider from the mesh config (or remove `providers` to use the default provider).', {
        fixes: only && nameNode ? [fix(`Use provider ${only}`, [editAt(source, nodeRange(nameNode), only)])] : [],
      }),
    );
  }
  return findings;
}

function checkCustomTags(source: DocSource, node: ParsedNode): MeshYamlFinding[] {
  const tags = asMap(node);
  if (!tags) return [findingAt(source, nodeRange(node), 'telemetry-invalid-field', '`customTags` must map tag names to a literal, environment, header or formatter.')];
  const findings: MeshYamlFinding[] = [];
  for (const pair of pairs(tags)) {
    const tag = keyText(pair) ?? '';
    const spec = asMap(pair.value);
    const kinds = pairs(spec).map((entry) => keyText(entry) ?? '');
    const known = kinds.filter((kind) => customTagKinds.includes(kind));
    if (!spec || known.length !== 1 || kinds.length !== 1) {
      findings.push(findingAt(source, keyRange(pair), 'telemetry-invalid-field', `Custom tag \`${tag}\` must have exactly one of ${customTagKinds.join(', ')}.`));
      continue;
    }
    const kind = known[0] ?? '';
    const required = kind === 'literal' || kind === 'formatter' ? 'value' : 'name';
    const value: unknown = asScalar(child(asMap(child(spec, kind)), required))?.value;
    if (typeof value !== 'string' || value === '') {
      findings.push(findingAt(source, keyRange(pair), 'telemetry-invalid-field', `Custom tag \`${tag}\` needs a non-empty \`${kind}.${required}\`.`));
    }
  }
  return findings;
}
