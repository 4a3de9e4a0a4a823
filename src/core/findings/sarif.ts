import type { Finding, FindingLocation, FindingSeverity } from './finding';
import { compareFindings, displayPath } from './format';
import type { RuleDescriptor } from './rule';

/** The parts of SARIF 2.1.0 Trace Stitch writes (what GitHub code scanning reads). */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}

interface SarifRun {
  readonly tool: {
    readonly driver: {
      readonly name: string;
      readonly version: string;
      readonly informationUri: string;
      readonly rules: readonly SarifRule[];
    };
  };
  readonly columnKind: 'utf16CodeUnits';
  readonly results: readonly SarifResult[];
}

interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly helpUri: string;
  readonly help: { readonly text: string };
  readonly defaultConfiguration: { readonly level: SarifLevel };
}

type SarifLevel = 'error' | 'warning' | 'note';

interface SarifLocation {
  readonly physicalLocation: {
    readonly artifactLocation: { readonly uri: string; readonly uriBaseId: string };
    readonly region: { readonly startLine: number; readonly startColumn: number; readonly endLine: number; readonly endColumn: number };
  };
}

interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: { readonly text: string };
  readonly locations: readonly SarifLocation[];
  readonly relatedLocations?: readonly (SarifLocation & { readonly id: number; readonly message: { readonly text: string } })[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
}

export function sarifLevel(severity: FindingSeverity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function toName(id: string): string {
  return id.replace(/(^|-)(\w)/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}

/** A stable fingerprint per finding, so code scanning keeps an alert's identity while lines move. */
function fingerprint(finding: Finding, cwd: string): string {
  const text = `${displayPath(finding.file, cwd)}|${finding.ruleId}|${finding.message}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * A SARIF 2.1.0 log for GitHub code scanning: artifact URIs relative to the checkout (`%SRCROOT%`), 1-based
 * regions with UTF-16 columns, each rule with its documentation link.
 */
export function toSarif(findings: readonly Finding[], rules: readonly RuleDescriptor[], cwd: string, version: string): SarifLog {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const location = (at: FindingLocation): SarifLocation => ({
    physicalLocation: {
      artifactLocation: { uri: encodeURI(displayPath(at.file, cwd)), uriBaseId: '%SRCROOT%' },
      region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
    },
  });
  const results = [...findings].sort(compareFindings).map((finding): SarifResult => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [location(finding)],
    ...(finding.related.length > 0
      ? { relatedLocations: finding.related.map((related, index) => ({ id: index + 1, ...location(related), message: { text: related.message } })) }
      : {}),
    partialFingerprints: { 'traceStitch/v1': fingerprint(finding, cwd) },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Trace Stitch',
            version,
            informationUri: 'https://github.com/trace-stitch/trace-stitch',
            rules: rules.map((rule) => ({
              id: rule.id,
              name: toName(rule.id),
              shortDescription: { text: rule.summary },
              fullDescription: { text: rule.summary },
              helpUri: rule.helpUri,
              help: { text: `${rule.summary} See ${rule.helpUri}` },
              defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
