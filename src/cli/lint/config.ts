import type { MeshYamlLintOptions } from '../../core/meshYaml/types';
import { parsePropagationOptions, type PropagationOptions } from '../../core/propagation/options';

/** Everything `--config` can set. */
export interface LintConfig {
  readonly propagation: PropagationOptions;
  readonly yaml: MeshYamlLintOptions;
}

const settingsPrefix = 'traceStitch.propagation.';
const collectorVersionSetting = 'traceStitch.yaml.collectorVersion';

/** `{"yaml": {"collectorVersion": "0.120.0"}}` or the editor setting `traceStitch.yaml.collectorVersion`. */
function readYamlOptions(record: Record<string, unknown>, problems: string[]): MeshYamlLintOptions {
  const section = record.yaml;
  const fromSection =
    typeof section === 'object' && section !== null ? (section as Record<string, unknown>).collectorVersion : undefined;
  const version = fromSection ?? record[collectorVersionSetting];
  if (version === undefined || version === '') return {};
  if (typeof version !== 'string' || !/^v?\d+\.\d+(\.\d+)?$/.test(version)) {
    problems.push(`yaml.collectorVersion must be a version such as "0.120.0", not ${JSON.stringify(version)}`);
    return {};
  }
  return { collectorVersion: version.replace(/^v/, '') };
}

/**
 * Reads a `--config` JSON file. Accepted shapes: `{ "propagation": { "headers": […] } }`, the propagation keys at
 * the top level, or a VS Code settings file with `traceStitch.propagation.*` keys — so CI can lint with the same
 * settings as the editor. Returns the problems found (unknown rules, wrong types) alongside the config.
 */
export function readLintConfig(text: string | undefined): { config: LintConfig; problems: string[] } {
  if (text === undefined) return { config: { propagation: parsePropagationOptions(undefined).options, yaml: {} }, problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripComments(text));
  } catch (error) {
    throw new Error(`the config file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('the config file must hold a JSON object');
  const record = parsed as Record<string, unknown>;
  let section: unknown = record.propagation;
  if (section === undefined) {
    const fromSettings = Object.entries(record).filter(([key]) => key.startsWith(settingsPrefix));
    section = fromSettings.length > 0 ? Object.fromEntries(fromSettings.map(([key, value]) => [key.slice(settingsPrefix.length), value])) : record;
  }
  const { options, problems } = parsePropagationOptions(section);
  const yaml = readYamlOptions(record, problems);
  return { config: { propagation: options, yaml }, problems };
}

/** VS Code settings files allow line and block comments and trailing commas. */
function stripComments(text: string): string {
  let result = '';
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (inString) {
      result += char;
      if (char === '\\') result += text[++index] ?? '';
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      result += char;
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index++;
      result += '\n';
    } else if (char === '/' && text[index + 1] === '*') {
      index = text.indexOf('*/', index + 2);
      if (index === -1) break;
      index++;
    } else result += char;
  }
  return result.replace(/,(\s*[}\]])/g, '$1');
}
