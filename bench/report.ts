/** Median of the samples (mean of the middle two for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Prints the line every benchmark reports: `bench:<name> <median> <unit>`, then the spread for context. */
export function report(name: string, samples: readonly number[], unit: string, digits = 1): void {
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(`bench:${name} ${median(samples).toFixed(digits)} ${unit}`);
  console.log(
    `  (${samples.length} runs; min ${(sorted[0] ?? 0).toFixed(digits)}, max ${(sorted.at(-1) ?? 0).toFixed(digits)} ${unit})`,
  );
}
