/**
 * Max-Min by the threshold algorithm over sorted columns, for instances
 * whose releases never wait (`releasesNeverWait`): the loop `'max-min'` and
 * `'duplex'` run there. Private to `solvers/`.
 *
 * @internal
 * @module
 */
import { completionRow, decision, heuristicResult, initialAvailability, refreshTopThree } from './completion.js';
import { type SortedColumns, sortedColumns } from './sortedColumns.js';
import { VolumeCut } from './volumeCut.js';
import type { CompiledProblem } from '../../problem/types.js';
import type { StrategyContext, StrategyResult, TaskDecision } from '../registry.js';

/**
 * The highest position ≤ p of the ascending column at `base` whose task is
 * unmapped (−1 if none), following the skip links from mapped positions and
 * compressing the path it walks. `skip[base + p]` holds p − 1 − (the
 * position its link points to, always lower), so the zeros of a fresh
 * array are the initial links p − 1 (no O(n·m) fill). A module-level
 * function, so that V8 compiles it once. @internal
 */
function unmappedAtOrBelow(skip: Int32Array, task: Int32Array, mapped: Uint8Array, base: number, p: number): number {
  let q = p;
  while (q >= 0 && mapped[task[base + q]!] === 1) q = q - 1 - skip[base + q]!;
  while (p > q) {
    const next = p - 1 - skip[base + p]!;
    skip[base + p] = p - 1 - q;
    p = next;
  }
  return q;
}

/**
 * Makes task k's best device and time exact after its best device was
 * loaded (`refreshTopThree`) and records the cost on it; false if the time
 * overflowed to `Infinity`. Module-level: a closure re-created per run
 * deoptimizes its caller on every run. @internal
 */
function retime(
  cp: CompiledProblem,
  avail: Float64Array,
  k: number,
  bestDev: Int32Array,
  bestCt: Float64Array,
  witDev: Int32Array,
  witCost: Float64Array,
  secondDev: Int32Array,
  secondCt: Float64Array,
  thirdCt: Float64Array,
): boolean {
  refreshTopThree(cp, avail, k, bestDev, bestCt, secondDev, secondCt, thirdCt);
  const d = bestDev[k]!;
  const at = k * cp.m + d;
  witDev[k] = d;
  witCost[k] = cp.transfer[at]! + cp.exec[at]!;
  return bestCt[k]! < Infinity;
}

/**
 * Whether some device's time for task k, avail[j] + c[k][j], falls strictly
 * below `L` (device `first` tried first, then every device from 0 up); the
 * first found becomes k's witness (`witDev`, `witCost`). O(m) at worst, no
 * allocation. @internal
 */
function belowOnSome(
  transfer: Float64Array,
  exec: Float64Array,
  avail: Float64Array,
  k: number,
  m: number,
  first: number,
  L: number,
  witDev: Int32Array,
  witCost: Float64Array,
): boolean {
  const at = k * m;
  if (first >= 0) {
    const c = transfer[at + first]! + exec[at + first]!;
    if (avail[first]! + c < L) {
      witDev[k] = first;
      witCost[k] = c;
      return true;
    }
  }
  for (let j = 0; j < m; j++) {
    const c = transfer[at + j]! + exec[at + j]!;
    if (avail[j]! + c < L) {
      witDev[k] = j;
      witCost[k] = c;
      return true;
    }
  }
  return false;
}

/**
 * Max-Min when releases never wait, so ct(i, j) = avail[j] + c[i][j]: the
 * threshold algorithm "TA" (Fagin, Lotem and Naor 2003, "Optimal
 * aggregation algorithms for middleware") over one sorted column per step.
 * Every task's best time is at most its time on any device j, so the tasks
 * below position p of column j (the {@link sortedColumns}, ascending) have
 * best times at most avail[j] + cost(p): reading column j from its largest
 * unmapped cost down (skip links pass over mapped tasks), the read stops at
 * the first position whose sum falls strictly below the largest exact best
 * time found so far, L. Each task keeps its best device b and time from its
 * last timing (with the second device and a bound on the others,
 * `refreshTopThree`) and a witness device w, b after a timing: any
 * device's time bounds the best time from above, so a read task with
 * avail[w] + c[i][w] below L is passed over in O(1). If b was loaded since
 * its timing, a device whose time falls strictly below L (the second
 * first, then from device 0 up) also passes it over and becomes its
 * witness; if there is none it is re-timed (O(1) usually); it is exact
 * otherwise.
 *
 * The column: L starts at the exact best time of the top task of the column
 * with the smallest frontier avail[j] + (largest unmapped cost); then the
 * column with the fewest positions whose sum reaches L (a binary search per
 * column, from the previous step's column on, cut short once it cannot
 * beat the best so far) is read. Ties as
 * in the plain loop: reading goes on while the sum equals L, and an equal
 * best time replaces the candidate only with a lower task index; the best
 * device is the lowest index reaching the minimum. Returns `undefined` (the
 * caller falls back to the incremental loop from scratch) if a best time
 * overflows to `Infinity` (which `compileProblem`'s guard rules out).
 *
 * `columns`: the sorted columns of `ctx.cp` if already built (Duplex shares
 * Min-Min's); never modified. `stopAt`: returns `null` as soon as the task
 * to place completes at or after it, or a volume bound on the makespan
 * reaches it: the smallest ready time plus the devices' mean work
 * (counting the cheapest costs of the unmapped tasks; their sum is
 * `ctx.rowMinSum` when given), or plus their speed-weighted mean work
 * (when the median costs differ by more than 2×, see
 * `WEIGHTED_MIN_SPREAD` (volumeCut.ts); each device weighted by 1 / its median cost;
 * any weights give a bound, these cut Braun's consistent and
 * semi-consistent instances after 30-74 steps instead of 64-223): the
 * makespan can then not fall below it (Duplex's cut, see `maxMinUnless`).
 *
 * Tasks are timed when first read (a whole row scan), not all up front:
 * Duplex's cut often comes before most are read.
 *
 * Complexity: O(m·n log n) to sort the columns, O(n·m) to time every task
 * once, O(n·m log n) for the column choices, plus the reads, each O(1)
 * unless re-timed (O(m) at worst): about 10 to 60 per step on the 512×16
 * Braun instances, about n/10 per step on generated 10 000×16 matrices, so
 * O(n²) reads over a large run; O(n·m) memory.
 * @internal
 */
export function lazyMaxMin(ctx: StrategyContext, columns?: SortedColumns, stopAt = Infinity): StrategyResult | undefined | null {
  const { cp } = ctx;
  const { n, m, exec, transfer } = cp;
  const { task, cost } = columns ?? sortedColumns(cp);
  const link = new Int32Array(n * m); // skip links, see unmappedAtOrBelow: all zeros = each position links to the one below
  const top = new Int32Array(m).fill(n - 1); // per column: its highest unmapped position
  const mapped = new Uint8Array(n);
  const avail = initialAvailability(cp);
  const bestDev = new Int32Array(n);
  const bestCt = new Float64Array(n);
  const witDev = new Int32Array(n); // a device whose time bounds the task's best time from above
  const witCost = new Float64Array(n); // c[i][witDev[i]]
  const secondDev = new Int32Array(n);
  const secondCt = new Float64Array(n);
  const thirdCt = new Float64Array(n);
  const stamp = new Int32Array(n); // step of each task's last timing
  const loaded = new Int32Array(m).fill(-1); // step of each device's last placement
  const assignment = new Int32Array(n);
  const order = new Int32Array(n);
  const trace: TaskDecision[] = [];
  const row = ctx.trace ? new Float64Array(m) : undefined;

  // Tasks are timed when first read: until then device 0 is their witness
  // and they count as stale (stamp −1: every `loaded` ≥ −1), with no second
  // device and a third-best bound of −∞, so that re-timing them
  // (`refreshTopThree`) scans their whole row.
  secondDev.fill(-1);
  thirdCt.fill(-Infinity);
  stamp.fill(-1);
  for (let i = 0; i < n; i++) witCost[i] = transfer[i * m]! + exec[i * m]!;
  // Duplex's cut (stopAt finite): stop once a volume bound on the makespan reaches stopAt (VolumeCut).
  const cut = stopAt < Infinity ? new VolumeCut(cp, cost, ctx.rowMinSum) : undefined;
  let prevCol = 0;
  for (let step = 0; step < n; step++) {
    if (cut !== undefined && cut.reaches(stopAt)) return null;
    // The column with the smallest frontier; L from its top task.
    let js = 0;
    let frontier = Infinity;
    for (let j = 0; j < m; j++) {
      const base = j * n;
      const p = unmappedAtOrBelow(link, task, mapped, base, top[j]!);
      top[j] = p;
      const f = avail[j]! + cost[base + p]!;
      if (j === 0 || f < frontier) {
        js = j;
        frontier = f;
      }
    }
    let t = task[js * n + top[js]!]!;
    if (loaded[bestDev[t]!]! >= stamp[t]!) {
      stamp[t] = step;
      if (!retime(cp, avail, t, bestDev, bestCt, witDev, witCost, secondDev, secondCt, thirdCt)) return undefined;
    }
    let L = bestCt[t]!;
    // The column with the fewest positions whose sum reaches L: a column
    // is searched only if its position `fewest` below the top falls short.
    let jc = js;
    let fewest = n + 1;
    // From the previous step's column (usually the answer again): others are then cut sooner.
    for (let i = 0, j = prevCol; i < m && fewest > 0; i++, j = j + 1 === m ? 0 : j + 1) {
      const base = j * n;
      const a = avail[j]!;
      const tp = top[j]!;
      let lo = tp + 1 - fewest;
      if (lo < 0) lo = 0;
      else if (lo > 0 && a + cost[base + lo]! >= L) continue;
      let hi = tp + 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (a + cost[base + mid]! >= L) hi = mid;
        else lo = mid + 1;
      }
      if (tp + 1 - lo < fewest) {
        fewest = tp + 1 - lo;
        jc = j;
      }
    }
    prevCol = jc;
    // Read column jc down while its sum reaches L.
    const base = jc * n;
    const a = avail[jc]!;
    for (let p = top[jc]!; p >= 0 && a + cost[base + p]! >= L; p--) {
      const k = task[base + p]!;
      if (mapped[k] === 1) {
        p = unmappedAtOrBelow(link, task, mapped, base, p) + 1;
        continue;
      }
      if (avail[witDev[k]!]! + witCost[k]! < L) continue;
      if (loaded[bestDev[k]!]! >= stamp[k]!) {
        // Stale: a device whose time falls strictly below L (its second
        // device first) proves its best time does too, and becomes its witness.
        if (belowOnSome(transfer, exec, avail, k, m, secondDev[k]!, L, witDev, witCost)) continue;
        stamp[k] = step;
        if (!retime(cp, avail, k, bestDev, bestCt, witDev, witCost, secondDev, secondCt, thirdCt)) return undefined;
      }
      const b = bestCt[k]!;
      if (b > L || (b === L && k < t)) {
        L = b;
        t = k;
      }
    }
    if (L >= stopAt) return null;
    const g = bestDev[t]!;
    if (row !== undefined) {
      completionRow(cp, avail, t, row);
      trace.push(decision(cp, t, step, row, g));
    }
    assignment[t] = g;
    order[step] = t;
    avail[g] = L;
    loaded[g] = step;
    mapped[t] = 1;
    cut?.place(t, g);
  }
  return heuristicResult(assignment, order, trace);
}
