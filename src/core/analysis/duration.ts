/** Human-readable durations, the same in the viewer, the CLI and analysis messages. */

const units: readonly (readonly [number, string])[] = [
  [1e9, 's'],
  [1e6, 'ms'],
  [1e3, 'µs'],
];

/** `850ns`, `12.3µs`, `12.35ms`, `1.23s`, `2m 3.4s`, `1h 2m`: at most three significant digits below a minute. */
export function formatDuration(ns: number): string {
  if (!Number.isFinite(ns)) return '—';
  const sign = ns < 0 ? '-' : '';
  // Round to three significant digits first, so that 999,999.9 ns reads "1ms", not "1000µs".
  const abs = Number(Math.abs(ns).toPrecision(significantDigits(ns)));
  if (abs >= 3_600e9) {
    const minutes = Math.floor(abs / 60e9);
    return `${sign}${Math.floor(minutes / 60)}h ${minutes % 60}m`;
  }
  if (abs >= 60e9) {
    const minutes = Math.floor(abs / 60e9);
    const seconds = trimZeros(((abs - minutes * 60e9) / 1e9).toFixed(1));
    return seconds === '0' ? `${sign}${minutes}m` : `${sign}${minutes}m ${seconds}s`;
  }
  for (const [scale, unit] of units) {
    if (abs >= scale) return `${sign}${significant(abs / scale)}${unit}`;
  }
  return `${sign}${Math.round(abs)}ns`;
}

/** Below a minute three significant digits are shown; longer durations keep tenths of a second. */
function significantDigits(ns: number): number {
  return Math.abs(ns) >= 60e9 ? 21 : 3;
}

/** Three significant digits, trailing zeros dropped: 1.5, 12.35 → 12.3, 123.4 → 123. */
function significant(value: number): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return trimZeros(value.toFixed(digits));
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
