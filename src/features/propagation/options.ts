import type * as vscode from 'vscode';
import { parsePropagationOptions, type PropagationOptions } from '../../core/propagation/options';
import type { Host } from '../../host/host';
import type { SettingKey } from '../../host/settings';

export const propagationSettingKeys: readonly SettingKey[] = [
  'propagation.headers',
  'propagation.severity',
  'propagation.wrappers',
  'propagation.exclude',
  'propagation.languages',
];

/** The linter's options from `traceStitch.propagation.*` for a resource; invalid entries fall back to defaults (logged). */
export function readOptions(host: Host, scope?: vscode.Uri): PropagationOptions {
  const { options, problems } = parsePropagationOptions({
    headers: host.settings.get('propagation.headers', scope),
    severity: host.settings.get('propagation.severity', scope),
    wrappers: host.settings.get('propagation.wrappers', scope),
    exclude: host.settings.get('propagation.exclude', scope),
    languages: host.settings.get('propagation.languages', scope),
  });
  for (const problem of problems) host.log.warn(`traceStitch.propagation settings: ${problem} (using the default)`);
  return options;
}
