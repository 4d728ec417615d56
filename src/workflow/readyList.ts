/**
 * The independent-task batch rules (Braun et al. 2001; Maheswaran et al.
 * 1999) lifted to task graphs: at each step they choose among the ready
 * tasks (all predecessors placed), with completion times that include data
 * arrival, and append the task to its device.
 * @internal
 * @module
 */
import { ListState, type WorkflowPlan } from './listState.js';
import type { CompiledWorkflow } from './types.js';

/** Which ready task goes next. @internal */
export type ReadyRule = 'mct' | 'min-min' | 'max-min' | 'sufferage' | 'seed';

/**
 * Runs a ready-list rule. Each step computes, for every ready task and
 * allowed device, finish = max(data ready, device free) + exec (data ready
 * is cached when the task becomes ready: its predecessors are all placed),
 * then picks:
 * - `'mct'`: the lowest-index ready task;
 * - `'seed'`: the ready task of highest `priority`, ties lowest index;
 * - `'min-min'` / `'max-min'`: the task whose best finish is smallest /
 *   largest;
 * - `'sufferage'`: the task with the largest second-best minus best finish
 *   (`Infinity` with one allowed device);
 * ties by lowest task index; the task goes to its earliest-finish device
 * (ties lowest device index), appended after the device's last task.
 *
 * Complexity: O(e·m) for the data-ready cache plus O(n·R·m) for the steps
 * (R = largest ready set; O(n²·m) worst case); O(n·m + e) for mct and seed.
 * @internal
 */
export function readyList(cw: CompiledWorkflow, rule: ReadyRule): WorkflowPlan {
  const { n, m, exec, predStart, succStart, succ, priority } = cw;
  const st = new ListState(cw);
  const waiting = new Int32Array(n);
  const arrive = new Float64Array(n * m);
  const ready: number[] = [];
  const becomeReady = (i: number): void => {
    for (let j = 0; j < m; j++) if (exec[i * m + j]! < Infinity) arrive[i * m + j] = st.dataReady(i, j);
    // keep the ready list sorted by index so scans meet ties lowest index first
    let k = ready.length;
    ready.push(i);
    while (k > 0 && ready[k - 1]! > i) {
      ready[k] = ready[k - 1]!;
      k--;
    }
    ready[k] = i;
  };
  for (let i = 0; i < n; i++) {
    waiting[i] = predStart[i + 1]! - predStart[i]!;
    if (waiting[i] === 0) becomeReady(i);
  }
  const scanAll = rule === 'min-min' || rule === 'max-min' || rule === 'sufferage';
  while (ready.length > 0) {
    let pickAt = 0;
    if (rule === 'seed') {
      for (let k = 1; k < ready.length; k++) if (priority[ready[k]!]! > priority[ready[pickAt]!]!) pickAt = k;
    } else if (scanAll) {
      let pickKey = 0;
      for (let k = 0; k < ready.length; k++) {
        const i = ready[k]!;
        let best = Infinity;
        let second = Infinity;
        for (let j = 0; j < m; j++) {
          const x = exec[i * m + j]!;
          if (x === Infinity) continue;
          const a = arrive[i * m + j]!;
          const e = st.timelines[j]!.end;
          const f = (a > e ? a : e) + x;
          if (f < best) {
            second = best;
            best = f;
          } else if (f < second) second = f;
        }
        const key = rule === 'min-min' ? -best : rule === 'max-min' ? best : second - best;
        if (k === 0 || key > pickKey) {
          pickKey = key;
          pickAt = k;
        }
      }
    }
    const i = ready[pickAt]!;
    ready.splice(pickAt, 1);
    let dev = -1;
    let bestStart = 0;
    let bestFinish = Infinity;
    for (let j = 0; j < m; j++) {
      const x = exec[i * m + j]!;
      if (x === Infinity) continue;
      const a = arrive[i * m + j]!;
      const e = st.timelines[j]!.end;
      const s = a > e ? a : e;
      if (s + x < bestFinish || dev < 0) {
        dev = j;
        bestStart = s;
        bestFinish = s + x;
      }
    }
    st.place(i, dev, bestStart, bestFinish, st.timelines[dev]!.tasks.length);
    for (let k = succStart[i]!; k < succStart[i + 1]!; k++) if (--waiting[succ[k]!]! === 0) becomeReady(succ[k]!);
  }
  return st.plan();
}
