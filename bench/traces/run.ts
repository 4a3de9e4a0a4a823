import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeTraces } from '../../src/core/analysis/analyze';
import { parseTraces } from '../../src/core/formats/parseTraces';
import { sharedFixturesDir } from '../../test/support/fixtures';
import { report } from '../report';
import { generateOtlpTrace } from './generateOtlp';

/** Heap limit the 100,000-span run must fit in; exceeding it crashes the child and fails the benchmark. */
const heapLimitMb = 500;

interface ChildFigures {
  readonly elapsedMs: number;
  readonly cpuMs: number;
  readonly textMb: number;
  readonly heapWithTextMb: number;
  readonly heapAfterParseMb: number;
  readonly heapAfterAnalyzeMb: number;
  readonly heapTotalMb: number;
  readonly maxRssMb: number;
}

/**
 * Parse + analyze a generated 100,000-span OTLP JSON trace (written to a temporary file by the generator, deleted
 * afterwards), each run in a fresh process with a 500 MB heap cap. Wall time is the figure; CPU time is printed too,
 * because this machine is shared and wall time also counts waiting for a core.
 */
export function benchLargeOtlpTrace(runs = 5, spanCount = 100_000): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-bench-'));
  const file = path.join(folder, `otlp-${spanCount}.json`);
  writeFileSync(file, generateOtlpTrace(spanCount));
  const figures: ChildFigures[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const child = spawnSync(process.execPath, [`--max-old-space-size=${heapLimitMb}`, path.join(__dirname, 'parseAnalyzeChild.js'), file, String(spanCount)], {
        encoding: 'utf8',
        maxBuffer: 1024 * 1024,
      });
      if (child.status !== 0) throw new Error(`the ${spanCount}-span run failed (heap limit ${heapLimitMb} MB?): ${child.stderr.slice(-2000)}`);
      figures.push(JSON.parse(child.stdout) as ChildFigures);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const first = figures[0];
  if (first) console.log(`  (input ${first.textMb} MB of OTLP JSON; heap with the input alone ${first.heapWithTextMb} MB; each run in a fresh process capped at ${heapLimitMb} MB of heap)`);
  report('parse-analyze-100k-otlp', figures.map((figure) => figure.elapsedMs), 'ms');
  report('parse-analyze-100k-otlp-cpu', figures.map((figure) => figure.cpuMs), 'ms');
  report('parse-analyze-100k-otlp-heap-peak', figures.map((figure) => Math.max(figure.heapAfterParseMb, figure.heapAfterAnalyzeMb)), 'MB', 0);
  report('parse-analyze-100k-otlp-rss-peak', figures.map((figure) => figure.maxRssMb), 'MB', 0);
  return Promise.resolve();
}

/** Parse + analyze the 1,041-span Zipkin fixture (smartthings-mobile-web-install.json), in process. */
export function benchZipkinFixture(runs = 30): Promise<void> {
  const file = path.join(sharedFixturesDir(), 'zipkin', 'smartthings-mobile-web-install.json');
  const text = readFileSync(file, 'utf8');
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const parsed = parseTraces(text, file);
    analyzeTraces(parsed.traces);
    samples.push(performance.now() - started);
    if (parsed.traces[0]?.spans.length !== 1041) throw new Error('the Zipkin fixture did not parse into 1,041 spans');
  }
  console.log(`  (first, cold run: ${(samples[0] ?? 0).toFixed(1)} ms)`);
  report('parse-analyze-zipkin-1041', samples, 'ms');
  return Promise.resolve();
}
