import { formatDuration } from '../../core/analysis/duration';
import type { BrokenCallFigures } from '../../core/codelinks/brokenCalls';
import type { LineFigures } from '../../core/codelinks/codeFigures';

const roleNouns: Readonly<Record<LineFigures['role'], [string, string]>> = {
  handler: ['request', 'requests'],
  call: ['call', 'calls'],
  code: ['span', 'spans'],
};

/** "42 requests · p50 12ms · p95 80ms · 3 errors" */
export function figuresText(figures: LineFigures): string {
  const [one, many] = roleNouns[figures.role];
  const parts = [
    `${figures.count} ${figures.count === 1 ? one : many}`,
    `p50 ${formatDuration(figures.p50Ns)}`,
    `p95 ${formatDuration(figures.p95Ns)}`,
  ];
  if (figures.errors > 0) parts.push(`${figures.errors} ${figures.errors === 1 ? 'error' : 'errors'}`);
  return parts.join(' · ');
}

/** "3 broken traces (orders → inventory)" */
export function brokenText(broken: BrokenCallFigures): string {
  return `${broken.count} broken ${broken.count === 1 ? 'trace' : 'traces'} (${broken.pairs.join(', ')})`;
}
