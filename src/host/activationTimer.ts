import { performance } from 'node:perf_hooks';

declare const TRACE_STITCH_LOAD_STARTED: number | undefined;

/** Set by the bundle's first statement (see scripts/build.mjs); absent when running unbundled. */
const loadStarted = typeof TRACE_STITCH_LOAD_STARTED === 'number' ? TRACE_STITCH_LOAD_STARTED : undefined;

/** How long activation took: from the bundle's first statement (or the `activate` call) until now. */
export function describeActivationTime(activateCalled: number): string {
  const now = performance.now();
  const activation = `${(now - activateCalled).toFixed(1)} ms`;
  return loadStarted === undefined ? activation : `${(now - loadStarted).toFixed(1)} ms (activate ${activation})`;
}
