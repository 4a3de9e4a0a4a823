import { parsePropagationOptions, type PropagationOptions } from '../../core/propagation/options';

/** Everything `--config` can set. */
export interface LintConfig {
  readonly propagation: PropagationOptions;
}

const settingsPrefix = 'traceStitch.propagation.';

/**
 * Reads a `--config` JSON file. Accepted shapes: `{ "propagation": { "headers": […] } }`, the propagation keys at
 * the top level, or a VS Code settings file with `traceStitch.propagation.*` keys — so CI can lint with the same
 * settings as the editor. Returns the problems found (unknown rules, wrong types) alongside the config.
 */
export function readLintConfig(text: string | undefined): { config: LintConfig; problems: string[] } {
  if (text === undefined) return { config: { propagation: parsePropagationOptions(undefined).options }, problems: [] };
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
  return { config: { propagation: options }, problems };
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
