// An independent checker of workflow schedules (written from the model's
// definition, sharing no code with src/workflow): precedence with data
// arrival, no overlap, release and ready times, allowed devices.
import type { Workflow, WorkflowSchedule } from '../../src/index.js';

function pairValue(x: number | readonly (readonly number[])[] | undefined, p: number, q: number, dflt: number): number {
  if (x === undefined) return dflt;
  if (typeof x === 'number') return x;
  return x[p]![q]!;
}

/** latency + data / bandwidth between different devices, 0 on the same one. */
export function commTime(w: Workflow, data: number, p: number, q: number): number {
  if (p === q) return 0;
  return pairValue(w.network?.latency, p, q, 0) + data / pairValue(w.network?.bandwidth, p, q, 1);
}

/** Every violated rule, as text (empty = valid). `slack` absorbs rounding in comparisons. */
export function violations(w: Workflow, s: WorkflowSchedule, slack = 1e-9): string[] {
  const out: string[] = [];
  const idx = new Map(w.tasks.map((t, i) => [t.id, i]));
  const tol = (x: number): number => slack * Math.max(1, Math.abs(x));
  if (s.tasks.length !== w.tasks.length) out.push('not every task scheduled');
  for (const t of s.tasks) {
    const e = w.execTime[t.task]![t.device]!;
    if (e === Infinity) out.push(`${t.id} on a forbidden device`);
    if (Math.abs(t.finish - (t.start + e)) > tol(t.finish)) out.push(`${t.id} finish ≠ start + exec`);
    if (t.start < (w.tasks[t.task]!.release ?? 0) - tol(t.start)) out.push(`${t.id} before its release`);
    if (t.start < (w.devices[t.device]!.ready ?? 0) - tol(t.start)) out.push(`${t.id} before its device is ready`);
  }
  for (const e of w.edges) {
    const a = s.tasks[idx.get(e.from)!]!;
    const b = s.tasks[idx.get(e.to)!]!;
    const arrival = a.finish + commTime(w, e.data, a.device, b.device);
    if (b.start < arrival - tol(arrival)) out.push(`${e.to} starts at ${b.start} before ${e.from}'s data arrives at ${arrival}`);
  }
  for (let j = 0; j < w.devices.length; j++) {
    const on = s.tasks.filter((t) => t.device === j).sort((x, y) => x.start - y.start || x.finish - y.finish);
    for (let k = 1; k < on.length; k++) {
      if (on[k]!.start < on[k - 1]!.finish - tol(on[k]!.start)) out.push(`${on[k - 1]!.id} and ${on[k]!.id} overlap on device ${j}`);
    }
  }
  return out;
}
