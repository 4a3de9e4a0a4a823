/** An OpenTelemetry Collector release, e.g. 0.120.0 (images are tagged `0.120.0`, releases `v0.120.0`). */
export interface CollectorVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

const versionPattern = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/;

export function parseCollectorVersion(text: string): CollectorVersion | undefined {
  const match = versionPattern.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0) };
}

export function formatCollectorVersion(version: CollectorVersion): string {
  return `${version.major}.${version.minor}.${version.patch}`;
}

export function compareVersions(a: CollectorVersion, b: CollectorVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

const floors = new Map<string, CollectorVersion | undefined>();

/** Whether `version` is at least `minimum` (given as text such as "0.86.0"). */
export function isAtLeast(version: CollectorVersion, minimum: string): boolean {
  let floor = floors.get(minimum);
  if (!floor) {
    floor = parseCollectorVersion(minimum);
    floors.set(minimum, floor);
  }
  if (!floor) throw new Error(`Not a version: ${minimum}`);
  return compareVersions(version, floor) >= 0;
}
