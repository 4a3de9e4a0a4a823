import { spawnSync } from 'node:child_process';

/** Process ids and states of the whole machine, from `ps` (Linux and macOS). */
function processTable(): { pid: number; ppid: number; state: string }[] {
  const ps = spawnSync('ps', ['-A', '-o', 'pid=,ppid=,stat='], { encoding: 'utf8' });
  if (ps.status !== 0) throw new Error(`ps failed: ${ps.stderr}`);
  return ps.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 3)
    .map(([pid, ppid, state]) => ({ pid: Number(pid), ppid: Number(ppid), state: state ?? '' }));
}

/** Every process started, directly or not, by `root` and still its descendant now. */
export function descendantPids(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const { pid, ppid } of processTable()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const pending = [root];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      pending.push(child);
    }
  }
  return found;
}

/** Those of `pids` that still run (a zombie, exited but not yet reaped, does not count). */
export function runningPids(pids: readonly number[]): number[] {
  const wanted = new Set(pids);
  return processTable()
    .filter(({ pid, state }) => wanted.has(pid) && !state.startsWith('Z'))
    .map(({ pid }) => pid);
}
