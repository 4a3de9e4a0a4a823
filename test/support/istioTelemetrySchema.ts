import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { sharedFixturesDir } from './fixtures';

type Schema = Record<string, unknown>;

interface CrdVersion {
  readonly name: string;
  readonly schema: { readonly openAPIV3Schema: Schema };
}

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Kubernetes prunes fields a structural schema does not declare, and `kubectl apply` (strict field validation)
 * rejects them: an object schema with `properties` is closed unless it preserves unknown fields.
 */
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (!isObject(schema)) return schema;
  const result: Schema = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === 'enum' ? value : closeObjects(value)]));
  if (isObject(result.properties) && result.additionalProperties === undefined && result['x-kubernetes-preserve-unknown-fields'] !== true) {
    result.additionalProperties = false;
  }
  return result;
}

/** The openAPIV3Schema of telemetry.istio.io/v1 from Istio's own CRD (shared fixtures). */
export function telemetryV1Schema(): Schema {
  const crd = parse(readFileSync(path.join(sharedFixturesDir(), 'istio', 'telemetry-crd.yaml'), 'utf8')) as { spec: { versions: CrdVersion[] } };
  const v1 = crd.spec.versions.find((version) => version.name === 'v1');
  if (!v1) throw new Error('telemetry-crd.yaml has no v1 version');
  return v1.schema.openAPIV3Schema;
}

/**
 * A validator for whole Telemetry documents: the v1 schema with closed objects, plus the fields every object has
 * (apiVersion, kind, metadata), which the API server checks outside the CRD schema.
 */
export function telemetryDocumentValidator(): (document: unknown) => string[] {
  const schema = closeObjects(telemetryV1Schema()) as Schema;
  const properties = schema.properties as Schema;
  const documentSchema: Schema = {
    ...schema,
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
      ...properties,
      apiVersion: { type: 'string', enum: ['telemetry.istio.io/v1'] },
      kind: { type: 'string', enum: ['Telemetry'] },
      metadata: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string', minLength: 1 }, namespace: { type: 'string', minLength: 1 } },
        additionalProperties: false,
      },
    },
  };
  // `required` inside oneOf branches without their own `properties` is how the CRD encodes "one of": allowed.
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  ajv.addVocabulary(['x-kubernetes-validations', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string']);
  ajv.addFormat('double', true);
  ajv.addFormat('date-time', true);
  const validate = ajv.compile(documentSchema);
  return (document) => {
    const errors = validate(document) ? [] : (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath} ${error.message ?? ''}`);
    return [...errors, ...celRuleViolations(document)];
  };
}

/**
 * The CEL rules (x-kubernetes-validations) on the paths a tracing Telemetry uses, evaluated by hand since no CEL
 * engine is at hand: at most one of selector/targetRef/targetRefs; label keys non-empty and without wildcards,
 * label values without wildcards; targetRef(s) without a namespace.
 */
export function celRuleViolations(document: unknown): string[] {
  const spec = isObject(document) && isObject(document.spec) ? document.spec : {};
  const violations: string[] = [];
  const targeting = ['selector', 'targetRef', 'targetRefs'].filter((key) => key in spec).length;
  if (targeting > 1) violations.push('only one of targetRefs or selector can be set');
  const labels = isObject(spec.selector) && isObject(spec.selector.matchLabels) ? spec.selector.matchLabels : {};
  for (const [key, value] of Object.entries(labels)) {
    if (key.length === 0) violations.push('key must not be empty');
    if (key.includes('*')) violations.push('wildcard not allowed in label key match');
    if (typeof value === 'string' && value.includes('*')) violations.push('wildcard not allowed in label value match');
  }
  const refs: unknown[] = [...(Array.isArray(spec.targetRefs) ? (spec.targetRefs as unknown[]) : []), ...(isObject(spec.targetRef) ? [spec.targetRef] : [])];
  for (const ref of refs) {
    if (isObject(ref) && typeof ref.namespace === 'string' && ref.namespace.length > 0) violations.push('cross namespace referencing is not currently supported');
  }
  return violations;
}
