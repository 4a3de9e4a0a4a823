import type { CDPSession } from 'playwright-core';

/**
 * Frame times from Chromium's own trace: what the renderer's main thread spent on each frame, in wall time and in
 * thread (CPU) time. Wall time is what a user feels; CPU time is the page's own cost without the waits a shared
 * machine adds (a busy core delays the thread without it doing any more work).
 */
export interface FrameTime {
  readonly wallMs: number;
  readonly cpuMs: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly type?: string } };
}

const categories = ['toplevel', 'cc', 'benchmark', 'devtools.timeline'];

/** Traces the page while `action` runs, then returns the time of every frame in which the page scrolled. */
export async function traceScrollFrames(cdp: CDPSession, action: () => Promise<void>): Promise<FrameTime[]> {
  const events: TraceEvent[] = [];
  const collect = (batch: { value: object[] }): void => {
    events.push(...(batch.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((resolve) => {
    cdp.once('Tracing.tracingComplete', () => {
      resolve();
    });
  });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  try {
    await action();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return scrollFrameTimes(events);
}

/**
 * Splits the renderer main thread's work into frames (each frame runs from one BeginMainFrame to the next) and sums
 * the top-level tasks of each: the frame's own lifecycle (scroll events, animation frames, style, layout, paint,
 * commit) and whatever else ran in that interval (timers, idle callbacks, input). Keeps the frames that dispatched a
 * scroll event.
 */
export function scrollFrameTimes(events: readonly TraceEvent[]): FrameTime[] {
  const main = mainThread(events);
  if (!main) throw new Error('the trace has no renderer main thread');
  const own = events.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X').sort((a, b) => a.ts - b.ts);
  const frameStarts = own.filter((event) => event.name === 'ProxyMain::BeginMainFrame').map((event) => event.ts);
  const tasks = own.filter((event) => event.name === 'ThreadControllerImpl::RunTask');
  const scrolls = own.filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'scroll').map((event) => event.ts);
  const frames: FrameTime[] = [];
  let task = 0;
  let scroll = 0;
  for (let index = 0; index + 1 < frameStarts.length; index++) {
    const start = frameStarts[index] ?? 0;
    const end = frameStarts[index + 1] ?? 0;
    let wall = 0;
    let cpu = 0;
    for (; task < tasks.length && (tasks[task]?.ts ?? 0) < end; task++) {
      const event = tasks[task];
      if (!event || event.ts < start) continue;
      wall += event.dur ?? 0;
      cpu += event.tdur ?? 0;
    }
    let scrolled = false;
    for (; scroll < scrolls.length && (scrolls[scroll] ?? 0) < end; scroll++) if ((scrolls[scroll] ?? 0) >= start) scrolled = true;
    if (scrolled) frames.push({ wallMs: wall / 1000, cpuMs: cpu / 1000 });
  }
  return frames;
}

/** The renderer main thread that produced the most frames (the page under test). */
function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | undefined {
  const counts = new Map<string, number>();
  for (const event of events) {
    if (event.name !== 'ProxyMain::BeginMainFrame') continue;
    const key = `${event.pid}:${event.tid}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const renderers = new Set(
    events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`),
  );
  const [best] = [...counts].filter(([key]) => renderers.has(key)).sort((a, b) => b[1] - a[1]);
  if (!best) return undefined;
  const [pid = 0, tid = 0] = best[0].split(':').map(Number);
  return { pid, tid };
}
