import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { analyzeTraces } from '../../src/core/analysis/analyze';
import { parseTraces } from '../../src/core/formats/parseTraces';

/**
 * One measurement in a fresh process (run with --max-old-space-size, so a heap over the limit fails the run):
 * read the generated trace file, then time parse + analyze (wall and CPU) and report heap figures at each stage.
 */
const [file = '', expected = '100000'] = process.argv.slice(2);
const spanCount = Number(expected);
const text = readFileSync(file, 'utf8');
const mb = (bytes: number): number => Math.round(bytes / (1024 * 1024));
const textHeap = process.memoryUsage().heapUsed;
const cpuStart = process.cpuUsage();
const started = performance.now();
const parsed = parseTraces(text, 'generated.json');
const afterParse = process.memoryUsage();
const analysis = analyzeTraces(parsed.traces);
const elapsedMs = performance.now() - started;
const cpu = process.cpuUsage(cpuStart);
const afterAnalyze = process.memoryUsage();
const spans = parsed.traces.reduce((sum, trace) => sum + trace.spans.length, 0);
if (spans !== spanCount || analysis.traces.length !== 1) throw new Error(`expected ${spanCount} spans in one trace, got ${spans}`);
process.stdout.write(
  JSON.stringify({
    elapsedMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    textMb: Math.round(text.length / (1024 * 1024)),
    heapWithTextMb: mb(textHeap),
    heapAfterParseMb: mb(afterParse.heapUsed),
    heapAfterAnalyzeMb: mb(afterAnalyze.heapUsed),
    heapTotalMb: mb(Math.max(afterParse.heapTotal, afterAnalyze.heapTotal)),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    criticalPath: analysis.traces[0]?.criticalPath.length,
  }),
);
