import * as vscode from 'vscode';
import { defaultPropagationOptions } from '../core/propagation/options';

/** Every `traceStitch.*` setting with its type; keys mirror `contributes.configuration` in package.json. */
export interface TraceStitchSettings {
  'viewer.column': 'active' | 'beside';
  /** Trace path prefix → workspace folder; validated by the code links feature. */
  pathMappings: Readonly<Record<string, unknown>>;
  'codeLinks.codeLens': boolean;
  'codeLinks.errorGutter': boolean;
  'propagation.headers': readonly string[];
  /** Rule id → severity (`error`, `warning`, `info`, `hint`, `off`); validated by the propagation feature. */
  'propagation.severity': Readonly<Record<string, unknown>>;
  'propagation.wrappers': readonly string[];
  'propagation.exclude': readonly string[];
  /** Language → on/off; validated by the propagation feature. */
  'propagation.languages': Readonly<Record<string, unknown>>;
  'viewer.adjustClockSkew': boolean;
  'viewer.maxFileSizeMB': number;
  'jaeger.timeoutSeconds': number;
  'receiver.enabled': boolean;
  'receiver.host': string;
  'receiver.otlpPort': number;
  'receiver.zipkinPort': number;
  'receiver.maxSpans': number;
  'yaml.diagnostics': boolean;
  'yaml.collectorVersion': string;
  'yaml.maxFileSizeKb': number;
}

export type SettingKey = keyof TraceStitchSettings;

const defaults: TraceStitchSettings = {
  'viewer.column': 'active',
  pathMappings: {},
  'codeLinks.codeLens': true,
  'codeLinks.errorGutter': true,
  'propagation.headers': defaultPropagationOptions.headers,
  'propagation.severity': defaultPropagationOptions.severity,
  'propagation.wrappers': defaultPropagationOptions.wrappers,
  'propagation.exclude': defaultPropagationOptions.exclude,
  'propagation.languages': defaultPropagationOptions.languages,
  'viewer.adjustClockSkew': true,
  'viewer.maxFileSizeMB': 256,
  'jaeger.timeoutSeconds': 15,
  'receiver.enabled': true,
  'receiver.host': '127.0.0.1',
  'receiver.otlpPort': 4318,
  'receiver.zipkinPort': 9411,
  'receiver.maxSpans': 50_000,
  'yaml.diagnostics': true,
  'yaml.collectorVersion': '',
  'yaml.maxFileSizeKb': 1024,
};

const section = 'traceStitch';

/** Typed, validated access to the extension's settings; a wrong type in settings.json falls back to the default. */
export class Settings {
  get<K extends SettingKey>(key: K, scope?: vscode.ConfigurationScope): TraceStitchSettings[K] {
    const value = vscode.workspace.getConfiguration(section, scope).get<unknown>(key);
    return isSameType(value, defaults[key]) ? (value as TraceStitchSettings[K]) : defaults[key];
  }

  /** Fires when one of the given settings changes. */
  onDidChange(keys: readonly SettingKey[], listener: () => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((event) => {
      if (keys.some((key) => event.affectsConfiguration(`${section}.${key}`))) {
        listener();
      }
    });
  }
}

function isSameType(value: unknown, fallback: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(fallback)) return Array.isArray(value);
  return typeof value === typeof fallback;
}
