/** Formats nanoseconds the way Go prints durations, briefly: "850ns", "12.5µs", "3.2ms", "1.25s". */
export function formatDuration(ns: number): string {
  const sign = ns < 0 ? '-' : '';
  const abs = Math.abs(ns);
  if (abs < 1e3) return `${sign}${Math.round(abs)}ns`;
  if (abs < 1e6) return `${sign}${trim(abs / 1e3)}µs`;
  if (abs < 1e9) return `${sign}${trim(abs / 1e6)}ms`;
  return `${sign}${trim(abs / 1e9)}s`;
}

/** Three decimals at most, trailing zeros dropped. */
function trim(value: number): string {
  return String(Number(value.toFixed(3)));
}
