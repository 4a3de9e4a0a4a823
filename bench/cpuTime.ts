import { readFileSync } from 'node:fs';

/** CPU time of this process in ms, every thread included (V8's garbage-collection and compiler helpers too). */
export function processCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Linux counts thread CPU time in clock ticks of 10 ms (USER_HZ is 100 on every Linux architecture Node runs on). */
const msPerTick = 10;

/**
 * CPU time of the calling thread in ms (10 ms resolution), or undefined where the system does not tell (not Linux):
 * the work of the one core that runs the analysis, without the helper threads V8 runs beside it.
 */
export function threadCpuMs(): number | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/thread-self/stat', 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name (which may hold spaces and is closed by the last ')'): utime and stime are the
  // 12th and 13th (fields 14 and 15 of proc(5)).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  return Number.isFinite(user) && Number.isFinite(system) ? (user + system) * msPerTick : undefined;
}
