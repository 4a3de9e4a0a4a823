import type { Random } from './random';

/**
 * Mutations of trace files for fuzzing: byte-level damage (flips, cuts, duplications, truncation, stray tokens)
 * and structural damage to the parsed JSON (wrong types, missing keys, hostile ids and numbers, parent cycles).
 */

const tokens = ['null', '{}', '[]', '"', ',', ':', '-1e999', '9007199254740993', '"\\u0000"', '[[[[[[[[', ']]]]', 'true', '"AAAAAAAAAAA="', '\n'];

const hostileValues: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER,
  1e308,
  '',
  'NaN',
  '-5',
  '99999999999999999999999',
  '0000000000000000',
  'ffffffffffffffff',
  'AAAAAAAAAAI=',
  'x'.repeat(5000),
  '__proto__',
  '2017-01-26T16:46:31.639875139-05:00',
  '5000ns',
  [],
  {},
  [null, 1, 'a'],
  { key: 'k', value: { intValue: '12' } },
];

export function mutateText(text: string, random: Random): string {
  const at = random.int(text.length + 1);
  const length = 1 + random.int(Math.max(1, Math.min(200, text.length - at)));
  switch (random.int(5)) {
    case 0:
      return text.slice(0, at) + String.fromCharCode(32 + random.int(95)) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + text.slice(at + length);
    case 2:
      return text.slice(0, at) + text.slice(at, at + length) + text.slice(at);
    case 3:
      return text.slice(0, at);
    default:
      return text.slice(0, at) + random.pick(tokens) + text.slice(at);
  }
}

type Json = unknown;

/** Every container (object or array) in the document, for picking a mutation site. */
function containers(root: Json): (Record<string, Json> | Json[])[] {
  const found: (Record<string, Json> | Json[])[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      found.push(node as Json[]);
      stack.push(...(node as Json[]));
    } else if (typeof node === 'object' && node !== null) {
      found.push(node as Record<string, Json>);
      stack.push(...Object.values(node as Record<string, Json>));
    }
  }
  return found;
}

/** Applies 1–4 structural mutations to a deep copy of the document and serializes it again. */
export function mutateStructure(document: Json, random: Random): string {
  const copy = structuredClone(document);
  const idValues = collectIds(copy);
  for (let round = 1 + random.int(4); round > 0; round--) {
    const sites = containers(copy);
    if (sites.length === 0) break;
    const site = random.pick(sites);
    const keys: (string | number)[] = Array.isArray(site) ? site.map((_, index) => index) : Object.keys(site);
    if (keys.length === 0) continue;
    const key = random.pick(keys);
    const target = site as Record<string | number, Json>;
    switch (random.int(5)) {
      case 0:
        target[key] = random.pick(hostileValues);
        break;
      case 1:
        if (Array.isArray(site)) site.splice(Number(key), 1);
        else Reflect.deleteProperty(target, key);
        break;
      case 2:
        // Point an id field at another id of the document: duplicates, self-parents and parent cycles.
        target[key] = idValues.length > 0 ? random.pick(idValues) : target[key];
        break;
      case 3:
        if (Array.isArray(site)) site.push(...site.slice(0, 1 + random.int(3)));
        else target[key] = [target[key], target[key]];
        break;
      default:
        target[key] = structuredClone(random.pick(sites));
        break;
    }
  }
  return JSON.stringify(copy);
}

function collectIds(root: Json): string[] {
  const ids: string[] = [];
  for (const site of containers(root)) {
    if (Array.isArray(site)) continue;
    for (const [key, value] of Object.entries(site)) {
      if (typeof value === 'string' && /id$/i.test(key)) ids.push(value);
    }
  }
  return ids;
}
