import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectFiles } from '../../src/cli/lint/collectFiles';
import { createPropagationLinter } from '../../src/cli/lint/propagationLinter';
import { PropagationEngine } from '../../src/core/propagation/engine';
import { defaultPropagationOptions } from '../../src/core/propagation/options';
import { ParseSession } from '../../src/core/propagation/runtime/incremental';
import { findWasmDirectory } from '../../src/core/propagation/runtime/treeSitter';
import { processCpuMs as cpuMs, threadCpuMs } from '../cpuTime';
import { report } from '../report';
import { generateFile, generateWorkspace } from './generateWorkspace';

const wasm = (): string => findWasmDirectory([path.dirname(require.resolve('@vscode/tree-sitter-wasm'))]);

function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

/**
 * Passes over the workspace before the measured ones. V8 keeps compiling the analysis' hot functions, on helper
 * threads whose CPU time counts, through the first two or three passes: until then a pass measures the compiler too
 * (the first pass is reported on its own, as what a cold start costs).
 */
const warmUpPasses = 3;

/** Lines per second on one core, once warmed up: parse and analyse a generated workspace already in memory. */
export async function benchThroughput(runs = 5): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-bench-'));
  try {
    const { lines } = generateWorkspace(root, 60_000);
    const files = await collectFiles(['.'], root, [], (file) => PropagationEngine.handles(file));
    const texts = files.map((file) => ({ path: file, text: readFileSync(file, 'utf8') }));
    const engine = await PropagationEngine.create(wasm());
    const perCpuSecond: number[] = [];
    const perThreadCpuSecond: number[] = [];
    const perWallSecond: number[] = [];
    let firstPass: number | undefined;
    for (let pass = 0; pass < warmUpPasses + runs; pass++) {
      const started = performance.now();
      const cpuStarted = cpuMs();
      const threadStarted = threadCpuMs();
      for (const { path: file, text } of texts) engine.analyze({ path: file, text, options: defaultPropagationOptions });
      const cpuPerSecond = lines / ((cpuMs() - cpuStarted) / 1000);
      firstPass ??= cpuPerSecond;
      if (pass < warmUpPasses) continue;
      const threadEnded = threadCpuMs();
      perCpuSecond.push(cpuPerSecond);
      if (threadStarted !== undefined && threadEnded !== undefined) perThreadCpuSecond.push(lines / ((threadEnded - threadStarted) / 1000));
      perWallSecond.push(lines / ((performance.now() - started) / 1000));
    }
    engine.dispose();
    console.log(`  ${lines} lines in ${texts.length} files, analysed on one thread; ${warmUpPasses} passes to warm up, then ${runs}`);
    report('propagation-lines-per-cpu-second', perCpuSecond, 'lines/s', 0);
    if (perThreadCpuSecond.length > 0) report('propagation-lines-per-thread-cpu-second', perThreadCpuSecond, 'lines/s', 0);
    report('propagation-lines-per-wall-second', perWallSecond, 'lines/s', 0);
    report('propagation-lines-per-cpu-second-first-pass', [firstPass ?? 0], 'lines/s', 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A 200,000-line workspace scanned as `trace-stitch lint` does: walk, read, project facts, analyse. */
export async function benchWorkspaceScan(runs = 3): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'trace-stitch-scan-'));
  try {
    const { lines, files } = generateWorkspace(root, 200_000);
    console.log(`  generated ${files} files, ${lines} lines`);
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    let findings = 0;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const cpuStarted = cpuMs();
      const linter = await createPropagationLinter(defaultPropagationOptions, root);
      const paths = await collectFiles(['.'], root, defaultPropagationOptions.exclude, (file) => linter.matches(file));
      findings = 0;
      for (const file of paths) findings += (await linter.lint(file, readFileSync(file, 'utf8'))).findings.length;
      linter.dispose();
      samples.push((performance.now() - started) / 1000);
      cpuSamples.push((cpuMs() - cpuStarted) / 1000);
    }
    console.log(`  ${findings} findings per scan`);
    report('propagation-scan-200k-lines', samples, 's', 2);
    report('propagation-scan-200k-lines-cpu', cpuSamples, 's', 2);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Re-lint of an open 2,000-line file after a one-character edit, as the editor does after typing pauses: with the
 * document's parse session, so the file is re-parsed incrementally.
 */
export async function benchRelint(rounds = 5, editsPerRound = 40): Promise<void> {
  const engine = await PropagationEngine.create(wasm());
  for (const extension of ['.py', '.ts'] as const) {
    const base = generateFile(extension, 2000);
    const session = new ParseSession();
    engine.analyze({ path: `/bench/big${extension}`, text: base, options: defaultPropagationOptions, session });
    const p95s: number[] = [];
    const cpuP95s: number[] = [];
    const medians: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const times: number[] = [];
      const cpuTimes: number[] = [];
      for (let edit = 0; edit < editsPerRound; edit++) {
        const at = Math.floor(((edit + 1) / (editsPerRound + 1)) * base.length);
        const text = `${base.slice(0, at)} ${base.slice(at)}`;
        const started = performance.now();
        const cpuStarted = cpuMs();
        engine.analyze({ path: `/bench/big${extension}`, text, options: defaultPropagationOptions, session });
        cpuTimes.push(cpuMs() - cpuStarted);
        times.push(performance.now() - started);
      }
      p95s.push(percentile(times, 0.95));
      cpuP95s.push(percentile(cpuTimes, 0.95));
      medians.push(percentile(times, 0.5));
    }
    session.dispose();
    const name = extension.slice(1);
    report(`propagation-relint-2k-${name}-p95`, p95s, 'ms', 1);
    report(`propagation-relint-2k-${name}-cpu-p95`, cpuP95s, 'ms', 1);
    report(`propagation-relint-2k-${name}-median`, medians, 'ms', 1);
  }
  engine.dispose();
}
