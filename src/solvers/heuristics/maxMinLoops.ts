/**
 * Max-Min's two loops (the incremental loop here, the column read in
 * `lazyMaxMin.ts`) and the choice between them that `'max-min'` and
 * `'duplex'` run.
 * @internal
 * @module
 */
import { DeviceLists, TaskHeap } from './batchIndex.js';
import { completionRow, decision, heuristicResult, initialAvailability, place, scanTopTwo } from './completion.js';
import { kdMaxMin } from './kdMaxMin.js';
import { lazyMaxMin } from './lazyMaxMin.js';
import { releasesNeverWait } from './min-min.js';
import type { SortedColumns } from './sortedColumns.js';
import type { StrategyContext, StrategyResult, TaskDecision } from '../registry.js';

/**
 * Max-Min as `'max-min'` runs it: the column read (`lazyMaxMin`, with
 * `columns`, the sorted columns of `ctx.cp` if already built) when releases
 * never wait, else {@link incrementalMaxMin}; from {@link PROBE_MIN_DEVICES}
 * devices up the incremental loop is probed first. Same decisions whichever
 * runs. @internal
 */
export function maxMinRun(ctx: StrategyContext, columns?: SortedColumns): StrategyResult {
  return maxMinUnless(ctx, columns, Infinity)!;
}

/**
 * {@link maxMinRun}, except that the column read (`lazyMaxMin`) gives up,
 * returning `null`, as soon as a placement's completion time reaches
 * `stopAt`: its makespan under the `'sequential'` model (the largest
 * completion time it places) is then at least `stopAt`. Duplex passes
 * Min-Min's makespan, which Max-Min can then no longer beat (Min-Min wins
 * ties). The other loops always run to the end. @internal
 */
export function maxMinUnless(ctx: StrategyContext, columns: SortedColumns | undefined, stopAt: number): StrategyResult | null {
  const { cp } = ctx;
  if (releasesNeverWait(cp)) {
    if (cp.m >= PROBE_MIN_DEVICES) {
      // Many devices: on an inconsistent matrix the incremental loop can beat the column read.
      const probe = Math.max(32, cp.n >> 5);
      const r = incrementalRun(ctx, probe, PROBE_WORK_PER_TASK * cp.n * probe);
      if (typeof r === 'object') return r;
    }
    if (cp.m <= KD_MAX_DEVICES && cp.n >= KD_TASKS_PER_DEVICE_SQUARED * cp.m * cp.m) {
      // Many tasks per device: the k-d tree's branch and bound.
      const r = kdMaxMin(ctx);
      if (r !== undefined) return r;
    }
    const r = lazyMaxMin(ctx, columns, stopAt);
    if (r !== undefined) return r;
  }
  return incrementalMaxMin(ctx);
}

/**
 * From this many devices up, Max-Min (releases never waiting) starts with
 * the incremental loop and keeps it if its first max(32, n/32) steps cost at
 * most {@link PROBE_WORK_PER_TASK}·n work units per step (4 per task re-timed,
 * plus m per rescan), checked before every probe step, else switches to the
 * column read (`lazyMaxMin`) from scratch. Both make the same decisions, so
 * the choice changes only the time. Calibrated 2026-11-30 (probe work per
 * step ÷ n; CPU time of the whole run, column read ÷ incremental loop):
 * generated inconsistent 8192×256 1.08 (2.11) and 4096×128 1.06 (2.31),
 * 20 000×64 1.2 (0.94), semi-consistent 4096×64 2.3 (0.72), consistent
 * 8192×256 and 20 000×64 about 70 (0.06-0.08). Below 64 devices (the
 * 512×16 Braun instances: 0.1-0.74) the column read always runs. @internal
 */
const PROBE_MIN_DEVICES = 64;
/** See {@link PROBE_MIN_DEVICES}. @internal */
const PROBE_WORK_PER_TASK = 1.5;

/**
 * With at most {@link KD_MAX_DEVICES} devices and at least
 * KD_TASKS_PER_DEVICE_SQUARED·m² tasks (16 384 on 16 devices), Max-Min (releases never waiting) runs
 * `kdMaxMin` instead of the column read (`lazyMaxMin`); same decisions.
 * Calibrated 2026-11-30 on generated hihi matrices (CPU time, k-d search ÷
 * column read; inconsistent, consistent, semi-consistent): 4096×16 1.40,
 * 1.12, 1.43; 8192×16 1.48, 0.95, 1.08; 16 384×16 0.88, 0.58, 0.72;
 * 20 000×16 0.85, 0.41, 0.76; 8192×8 0.78, 0.94, 0.63; 4096×32 2.0, 1.1,
 * 2.6; 24 000×32 1.34, 0.56, 1.44. (A probe of the first n/32 steps cannot tell: they visit almost no
 * nodes on every class.) @internal
 */
const KD_TASKS_PER_DEVICE_SQUARED = 64;
/** See {@link KD_TASKS_PER_DEVICE_SQUARED}. @internal */
const KD_MAX_DEVICES = 32;

/**
 * Max-Min by the incremental loop (any release times): what `'max-min'`
 * runs when releases can wait, and the reference the tests compare
 * `lazyMaxMin` with. Each unmapped task keeps, in typed
 * arrays, its best device and completion time and a lower bound on its
 * second-best completion time (exact when the row was last scanned); the
 * tasks sit in an indexed heap ordered by best completion time (largest
 * first; lowest task index on ties) and in the list of their best device.
 *
 * Each step pops the first task and places it on its best device j. That
 * only raises avail[j]: every other task's completion time on every other
 * device is unchanged, so only the tasks in j's list (whose best was j) can
 * change their best. For each of them the new time on j costs O(1); while it
 * stays strictly below the task's second-best bound, j is still strictly
 * best and only the key changes; otherwise the row is rescanned in O(m). A
 * task's second-best bound stays valid because completion times only grow.
 * Same decisions as the plain loop (which the tests check), with no
 * allocation in the loop.
 *
 * Complexity: O(n·m + n log n + U log n + R·m) time for U key updates
 * (U ≤ n²/2, ≈ n²/(2m) on random instances) of which R need a full rescan;
 * O(n + m) memory.
 * @internal
 */

export function incrementalMaxMin(ctx: StrategyContext): StrategyResult {
  return incrementalRun(ctx, 0, Infinity) as StrategyResult;
}

/**
 * {@link incrementalMaxMin}, abandoned (returning the work done: 4 per task
 * re-timed, plus m per rescan) if before any step up to step `probe` the
 * work exceeds `budget`.
 */
function incrementalRun(ctx: StrategyContext, probe: number, budget: number): StrategyResult | number {
  const largest = true;
  const { cp } = ctx;
  const { n, m, exec, transfer, release } = cp;
  const avail = initialAvailability(cp);
  const bestDev = new Int32Array(n);
  const heap = new TaskHeap(n, largest);
  const bestCt = heap.key;
  const secondDev = new Int32Array(n);
  const secondCt = new Float64Array(n);
  const lists = new DeviceLists(n, m);
  const assignment = new Int32Array(n);
  const order = new Int32Array(n);
  const trace: TaskDecision[] = [];
  const row = ctx.trace ? new Float64Array(m) : undefined;

  for (let i = 0; i < n; i++) {
    scanTopTwo(cp, avail, i, bestDev, bestCt, secondDev, secondCt);
    lists.add(i, bestDev[i]!);
  }
  heap.fill(n);
  let work = 0;
  for (let step = 0; step < n; step++) {
    if (step <= probe && work > budget) return work;
    const i = heap.pop();
    const j = bestDev[i]!;
    if (row !== undefined) {
      completionRow(cp, avail, i, row);
      trace.push(decision(cp, i, step, row, j));
    }
    assignment[i] = j;
    order[step] = i;
    const a = place(cp, avail, i, j);
    lists.remove(i);
    // Only the tasks whose best device was j can change their best.
    for (let k = lists.detach(j); k >= 0; ) {
      const next = lists.next[k]!;
      const r = release[k]!;
      const ct = (a > r ? a : r) + (transfer[k * m + j]! + exec[k * m + j]!);
      work += 4;
      if (ct < secondCt[k]!) bestCt[k] = ct;
      else {
        scanTopTwo(cp, avail, k, bestDev, bestCt, secondDev, secondCt);
        work += m;
      }
      lists.add(k, bestDev[k]!);
      heap.update(k);
      k = next;
    }
  }
  return heuristicResult(assignment, order, trace);
}

