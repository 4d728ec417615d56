/**
 * Min-Min (Braun et al. 2001, heuristic 6): the sorted-column loop (releases
 * that never wait) and the lazy loop.
 * @module
 */
import { siftDownKeyed } from './batchIndex.js';
import { completionRow, decision, heuristicResult, initialAvailability, place, refreshTopThree, scanTopThree } from './completion.js';
import { type SortedColumns, sortedColumns } from './sortedColumns.js';
import type { Strategy, StrategyContext, StrategyResult, TaskDecision } from '../registry.js';

/**
 * Min-Min exactly as `'min-min'` runs it (with `columns`, the sorted
 * columns of `ctx.cp` already built, as Duplex shares them), or `undefined` once
 * `performance.now()` passes `deadline` (checked every 16 steps; never
 * read when `deadline` is `Infinity`): the start of an iterative strategy
 * whose time limit covers its start. @internal
 */
export function minMinUntil(ctx: StrategyContext, deadline: number, columns?: SortedColumns): StrategyResult | undefined {
  if (releasesNeverWait(ctx.cp)) {
    const r = sortedMinMin(ctx, deadline, columns);
    if (r !== undefined) return r;
    if (deadline !== Infinity && performance.now() > deadline) return undefined;
  }
  return lazyMinMin(ctx, deadline);
}

/** Whether `deadline` has passed, read at every 16th step only (a step of the lazy loop can cost O(n)). */
function late(step: number, deadline: number): boolean {
  return (step & 15) === 15 && deadline !== Infinity && performance.now() > deadline;
}

/**
 * Whether no task's release time can ever exceed a device's availability
 * (max release ≤ min ready; availabilities only grow), so that
 * ct(i, j) = avail[j] + (transfer[i][j] + exec[i][j]) exactly. @internal
 */
export function releasesNeverWait(cp: { readonly release: Float64Array; readonly ready: Float64Array }): boolean {
  let minReady = Infinity;
  for (let j = 0; j < cp.ready.length; j++) if (cp.ready[j]! < minReady) minReady = cp.ready[j]!;
  for (let i = 0; i < cp.release.length; i++) if (cp.release[i]! > minReady) return false;
  return true;
}

/**
 * Device j's candidate in {@link sortedMinMin}: its smallest ct over the
 * unmapped tasks (`candCt[j]`, `Infinity` if none) and the lowest task
 * index reaching it (`candTask[j]`, −1 if none), moving `ptr[j]` past the
 * mapped tasks. Module-level: a closure re-created per run costs its
 * caller's optimization. @internal
 */
function refreshCandidate(
  j: number,
  n: number,
  task: Int32Array,
  cost: Float64Array,
  runEnd: Int32Array,
  mapped: Uint8Array,
  avail: Float64Array,
  ptr: Int32Array,
  candTask: Int32Array,
  candCt: Float64Array,
): void {
  const base = j * n;
  let p = ptr[j]!;
  while (p < n && mapped[task[base + p]!] === 1) p++;
  ptr[j] = p;
  if (p === n) {
    candTask[j] = -1;
    candCt[j] = Infinity;
    return;
  }
  const a = avail[j]!;
  const ct = a + cost[base + p]!;
  let best = task[base + p]!;
  // Later runs (larger costs) whose sum rounds to the same ct.
  for (let q = runEnd[base + p]!; q < n && a + cost[base + q]! === ct; q = runEnd[base + q]!) {
    for (let r = q, end = runEnd[base + q]!; r < end; r++) {
      const t = task[base + r]!;
      if (mapped[t] === 0) {
        if (t < best) best = t;
        break;
      }
    }
  }
  candTask[j] = best;
  candCt[j] = ct;
}

/**
 * Min-Min when releases never wait ({@link releasesNeverWait}): then
 * ct(i, j) = avail[j] + c[i][j], and the best pair is the minimum over
 * devices j of avail[j] + (the smallest cost among unmapped tasks on j).
 * Each device's tasks are sorted once by (cost, index) ({@link sortedColumns})
 * with a pointer past the mapped ones, so a step costs O(m) to pick the
 * device plus the pointer moves (O(n) per device over the whole run); no
 * row is ever rescanned.
 *
 * Ties as in the plain loop, by (ct, task, device): a device's candidate is
 * the lowest-index unmapped task reaching its smallest ct, which is the first
 * in its run of equal costs, unless rounding makes avail[j] + c equal for a
 * larger c too (then the next runs are checked while the sum stays equal).
 * Returns `undefined` (the caller falls back to the lazy loop from scratch)
 * if every remaining sum overflows to `Infinity`, a case the plain loop
 * handles in its own way.
 *
 * Complexity: O(m·n log n) to sort, O(n·m) for the steps; O(n·m) memory.
 * @internal
 */
function sortedMinMin(ctx: StrategyContext, deadline: number, columns?: SortedColumns): StrategyResult | undefined {
  const { cp } = ctx;
  const { n, m } = cp;
  const { task, cost, runEnd } = columns ?? sortedColumns(cp);
  const avail = initialAvailability(cp);
  const mapped = new Uint8Array(n);
  const ptr = new Int32Array(m); // per device: relative position of its first unmapped task
  const candTask = new Int32Array(m);
  const candCt = new Float64Array(m);
  const assignment = new Int32Array(n);
  const order = new Int32Array(n);
  const trace: TaskDecision[] = [];
  const row = ctx.trace ? new Float64Array(m) : undefined;

  for (let j = 0; j < m; j++) refreshCandidate(j, n, task, cost, runEnd, mapped, avail, ptr, candTask, candCt);
  for (let step = 0; step < n; step++) {
    if (late(step, deadline)) return undefined;
    let jb = -1;
    let bestCt = Infinity;
    let bestTask = -1;
    for (let j = 0; j < m; j++) {
      const c = candCt[j]!;
      if (c < bestCt || (c === bestCt && jb >= 0 && candTask[j]! < bestTask)) {
        jb = j;
        bestCt = c;
        bestTask = candTask[j]!;
      }
    }
    if (jb < 0) return undefined;
    const i = bestTask;
    if (row !== undefined) {
      completionRow(cp, avail, i, row);
      trace.push(decision(cp, i, step, row, jb));
    }
    assignment[i] = jb;
    order[step] = i;
    avail[jb] = bestCt;
    mapped[i] = 1;
    for (let j = 0; j < m; j++) if (j === jb || candTask[j] === i) refreshCandidate(j, n, task, cost, runEnd, mapped, avail, ptr, candTask, candCt);
  }
  return heuristicResult(assignment, order, trace);
}

/**
 * Min-Min with lazy key updates (the "lazy greedy" of Minoux 1978). Each
 * task's heap key is its best completion time as of its last check, a lower
 * bound on the current one (completion times only grow). A key is exact
 * while its best device has not been loaded since the check (`loaded[d] <
 * stamp[i]`): the other devices only got worse. Each step makes the top's
 * key exact and sifts it down until the top is exact; that task is then the
 * first by (completion time, index), as every other key is a lower bound.
 *
 * Making a key exact costs O(1) in most cases: each task keeps its best and
 * second device and a lower bound on every other device (the third-smallest
 * time at its last scan). The new time on the best device is checked
 * against both; failing that, the exact time on the second device; only when
 * both reach the bound is the row rescanned in O(m). Ties go to the lowest
 * device index, as in a full scan.
 *
 * Complexity: O(n·m + (n + U)·log n + R·m) for U ≤ n²/2 key checks (only
 * of tasks that reach the top), R ≤ U of them rescans; O(n + m) memory.
 * @internal
 */
function lazyMinMin(ctx: StrategyContext, deadline: number): StrategyResult | undefined {
  const { cp } = ctx;
  const { n, m } = cp;
  const avail = initialAvailability(cp);
  const bestDev = new Int32Array(n);
  const bestCt = new Float64Array(n);
  const secondDev = new Int32Array(n);
  const secondCt = new Float64Array(n);
  const thirdCt = new Float64Array(n);
  const stamp = new Int32Array(n); // step of each task's last check
  const loaded = new Int32Array(m).fill(-1); // step of each device's last placement
  const heapKey = new Float64Array(n);
  const heapTask = new Int32Array(n);
  const assignment = new Int32Array(n);
  const order = new Int32Array(n);
  const trace: TaskDecision[] = [];
  const row = ctx.trace ? new Float64Array(m) : undefined;

  for (let i = 0; i < n; i++) {
    scanTopThree(cp, avail, i, bestDev, bestCt, secondDev, secondCt, thirdCt);
    heapKey[i] = bestCt[i]!;
    heapTask[i] = i;
  }
  let size = n;
  for (let p = (n >> 1) - 1; p >= 0; p--) siftDownKeyed(heapKey, heapTask, size, p);
  for (let step = 0; step < n; step++) {
    if (late(step, deadline)) return undefined;
    let i = heapTask[0]!;
    for (let d = bestDev[i]!; d >= 0 && loaded[d]! >= stamp[i]!; d = bestDev[i]!) {
      stamp[i] = step;
      refreshTopThree(cp, avail, i, bestDev, bestCt, secondDev, secondCt, thirdCt);
      heapKey[0] = bestCt[i]!;
      siftDownKeyed(heapKey, heapTask, size, 0);
      i = heapTask[0]!;
    }
    const j = bestDev[i]!;
    if (row !== undefined) {
      completionRow(cp, avail, i, row);
      trace.push(decision(cp, i, step, row, j));
    }
    assignment[i] = j;
    order[step] = i;
    place(cp, avail, i, j);
    loaded[j] = step;
    size--;
    heapKey[0] = heapKey[size]!;
    heapTask[0] = heapTask[size]!;
    siftDownKeyed(heapKey, heapTask, size, 0);
  }
  return heuristicResult(assignment, order, trace);
}

/**
 * `'min-min'`: Min-Min (Ibarra and Kim 1977; Braun et al. 2001, "Min-min").
 * Repeatedly: for every unmapped task find its minimum completion time
 * ct(i, j) = max(avail[j], release[i]) + transfer[i][j] + exec[i][j] over
 * the allowed devices; map the task whose minimum is smallest to that
 * device; advance the device's availability. Machines start at their ready
 * time (0 in Braun); the `'sequential'` model; lowest index wins ties (task
 * and device); forbidden pairs (`Infinity`) are never chosen.
 *
 * Implemented lazily: a heap of the tasks by their best completion time as
 * last checked (a lower bound, since completion times only grow); each step
 * re-checks only the top task, in O(1) unless its best and second-best
 * devices both fell behind its third (then a rescan of its row), until the
 * top is exact. The result is identical to the plain O(n²·m) loop, which the
 * tests check decision for decision.
 *
 * Complexity: O(n·m + (n + U)·log n + R·m) time for U ≤ n²/2 re-checks
 * (fewer than n²/(2m) on random instances), R ≤ U of them full rescans.
 */
export const minMin: Strategy = {
  name: 'min-min',
  summary: 'Min-Min (Braun et al. 2001): repeatedly map the task with the smallest minimum completion time.',
  run: (ctx) => minMinUntil(ctx, Infinity)!,
};
