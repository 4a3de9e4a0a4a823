import { spawnSync } from 'node:child_process';

export interface ProcessEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly state: string;
  /** The command line. */
  readonly args: string;
}

/** The processes of the whole machine, from `ps` (Linux and macOS). */
function processTable(): ProcessEntry[] {
  const ps = spawnSync('ps', ['-A', '-o', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' });
  if (ps.status !== 0) throw new Error(`ps failed: ${ps.stderr}`);
  return ps.stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, pid, ppid, state, args]) => ({ pid: Number(pid), ppid: Number(ppid), state: state ?? '', args: args ?? '' }));
}

/** Every process started, directly or not, by `root` and still its descendant now. */
export function descendants(root: number): ProcessEntry[] {
  const table = processTable();
  const children = new Map<number, ProcessEntry[]>();
  for (const entry of table) children.set(entry.ppid, [...(children.get(entry.ppid) ?? []), entry]);
  const found: ProcessEntry[] = [];
  const pending = [root];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      pending.push(child.pid);
    }
  }
  return found;
}

export function descendantPids(root: number): number[] {
  return descendants(root).map((entry) => entry.pid);
}

/** Those of `pids` that still run (a zombie, exited but not yet reaped, does not count). */
export function runningPids(pids: readonly number[]): number[] {
  const wanted = new Set(pids);
  return processTable()
    .filter(({ pid, state }) => wanted.has(pid) && !state.startsWith('Z'))
    .map(({ pid }) => pid);
}
