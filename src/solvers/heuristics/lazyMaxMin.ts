/**
 * Max-Min with lazy upper bounds, for instances whose releases never wait
 * (`releasesNeverWait`): the loop `'max-min'` and `'duplex'` run there.
 * Private to `solvers/`.
 *
 * @internal
 * @module
 */
import { completionRow, decision, heuristicResult, initialAvailability, refreshTopThree, scanTopThree } from './completion.js';
import { sortedColumns } from './sortedColumns.js';
import type { CompiledProblem } from '../../problem/types.js';
import type { StrategyContext, StrategyResult, TaskDecision } from '../registry.js';

/**
 * Every column of the cost matrix ordered by (cost descending, task index
 * ascending), device-major (device j at [j·n, (j+1)·n)): `task` and `cost`
 * per rank, `runEnd` the first later rank with a different cost (n if
 * none), and `rank[j·n + i]` the rank of task i in column j. Built from
 * {@link sortedColumns} by reversing the order of its runs of equal costs.
 * O(m·n log n) time at worst, O(n·m) memory. @internal
 */
export interface DescendingColumns {
  readonly task: Int32Array;
  readonly cost: Float64Array;
  readonly runEnd: Int32Array;
  readonly rank: Int32Array;
}

/** Builds the {@link DescendingColumns} of `cp`. @internal */
export function descendingColumns(cp: CompiledProblem): DescendingColumns {
  const { n, m } = cp;
  const { task, cost, runEnd } = sortedColumns(cp);
  const tmpTask = new Int32Array(n);
  const tmpCost = new Float64Array(n);
  const rank = new Int32Array(n * m);
  for (let j = 0; j < m; j++) {
    const base = j * n;
    tmpTask.set(task.subarray(base, base + n));
    tmpCost.set(cost.subarray(base, base + n));
    // Ascending run [s, e) goes to ranks [n − e, n − s), its order kept.
    for (let s = 0; s < n; ) {
      const e = runEnd[base + s]!;
      for (let p = s, r = n - e; p < e; p++, r++) {
        task[base + r] = tmpTask[p]!;
        cost[base + r] = tmpCost[p]!;
        rank[base + tmpTask[p]!] = r;
      }
      s = e;
    }
    let end = n;
    for (let r = n - 1; r >= 0; r--) {
      runEnd[base + r] = end;
      if (r > 0 && cost[base + r - 1] !== cost[base + r]) end = r;
    }
  }
  return { task, cost, runEnd, rank };
}

/**
 * The first rank ≥ p of the column at `base` whose task is unmapped (n if
 * none), following `link` (each mapped rank points past itself) and
 * compressing the path it walks. A module-level function, so that V8
 * compiles it once. @internal
 */
function firstUnmapped(link: Int32Array, base: number, p: number, n: number): number {
  let q = p;
  while (q < n && link[base + q] !== q) q = link[base + q]!;
  while (p < q) {
    const next = link[base + p]!;
    link[base + p] = q;
    p = next;
  }
  return q;
}

/**
 * Max-Min when releases never wait, so ct(i, j) = avail[j] + c[i][j]: the
 * threshold algorithm (Fagin et al. 2003) over one sorted column per step.
 * Every task's best time is at most its time on any device j, so the tasks
 * below rank p of column j (costs sorted in descending order) have best
 * times at most avail[j] + cost(p): reading column j from its largest
 * unmapped cost down, the read can stop at the first rank whose sum falls
 * strictly below the largest exact best time found so far, L. Each task
 * keeps its best device b and time from its last timing (with the second
 * device and a bound on the others, `refreshTopThree`): avail[b] + c[i][b]
 * bounds its best time from above at any moment, so a read task below L is
 * passed over in O(1); otherwise it is re-timed (O(1) usually) when b was
 * loaded since its timing, and is exact otherwise.
 *
 * The column: L starts at the exact best time of the top task of the column
 * with the smallest frontier avail[j] + (largest unmapped cost); then the
 * column with the fewest ranks whose sum reaches L (a binary search per
 * column) is read. Ties as in the plain loop: reading goes on while the sum
 * equals L, and an equal best time replaces the candidate only with a lower
 * task index; the best device is the lowest index reaching the minimum.
 * Returns `undefined` (the caller falls back to the incremental loop from
 * scratch) if a best time overflows to `Infinity`.
 *
 * Complexity: O(m·n log n) to sort the columns, O(n·m) to time every task
 * once, O(n·m log n) for the column choices, plus the reads (from about 10
 * to a few hundred per step on the Braun instances, each O(1) unless
 * re-timed, O(m) at worst); O(n·m) memory.
 * @internal
 */
export function lazyMaxMin(ctx: StrategyContext): StrategyResult | undefined {
  const { cp } = ctx;
  const { n, m, exec, transfer } = cp;
  const { task, cost, rank } = descendingColumns(cp);
  const link = new Int32Array(n * m);
  for (let j = 0; j < m; j++) for (let p = 0, base = j * n; p < n; p++) link[base + p] = p;
  const top = new Int32Array(m); // per column: its first unmapped rank
  const avail = initialAvailability(cp);
  const bestDev = new Int32Array(n);
  const bestCt = new Float64Array(n);
  const bestCost = new Float64Array(n); // c[i][bestDev[i]]
  const secondDev = new Int32Array(n);
  const secondCt = new Float64Array(n);
  const thirdCt = new Float64Array(n);
  const stamp = new Int32Array(n); // step of each task's last timing
  const loaded = new Int32Array(m).fill(-1); // step of each device's last placement
  const assignment = new Int32Array(n);
  const order = new Int32Array(n);
  const trace: TaskDecision[] = [];
  const row = ctx.trace ? new Float64Array(m) : undefined;

  for (let i = 0; i < n; i++) {
    scanTopThree(cp, avail, i, bestDev, bestCt, secondDev, secondCt, thirdCt);
    if (!(bestCt[i]! < Infinity)) return undefined;
    const k = i * m + bestDev[i]!;
    bestCost[i] = transfer[k]! + exec[k]!;
  }
  for (let step = 0; step < n; step++) {
    // The column with the smallest frontier; L from its top task.
    let js = 0;
    let frontier = Infinity;
    for (let j = 0; j < m; j++) {
      const base = j * n;
      const p = firstUnmapped(link, base, top[j]!, n);
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
      refreshTopThree(cp, avail, t, bestDev, bestCt, secondDev, secondCt, thirdCt);
      if (!(bestCt[t]! < Infinity)) return undefined;
      const k = t * m + bestDev[t]!;
      bestCost[t] = transfer[k]! + exec[k]!;
    }
    let L = bestCt[t]!;
    // The column with the fewest ranks whose sum reaches L.
    let jc = js;
    let fewest = n + 1;
    for (let j = 0; j < m; j++) {
      const base = j * n;
      const a = avail[j]!;
      let lo = top[j]!;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (a + cost[base + mid]! >= L) lo = mid + 1;
        else hi = mid;
      }
      if (lo - top[j]! < fewest) {
        fewest = lo - top[j]!;
        jc = j;
      }
    }
    // Read column jc while its sum reaches L.
    const base = jc * n;
    const a = avail[jc]!;
    for (let p = firstUnmapped(link, base, top[jc]!, n); p < n && a + cost[base + p]! >= L; p = firstUnmapped(link, base, p + 1, n)) {
      const k = task[base + p]!;
      if (avail[bestDev[k]!]! + bestCost[k]! < L) continue;
      if (loaded[bestDev[k]!]! >= stamp[k]!) {
        stamp[k] = step;
        refreshTopThree(cp, avail, k, bestDev, bestCt, secondDev, secondCt, thirdCt);
        if (!(bestCt[k]! < Infinity)) return undefined;
        const kk = k * m + bestDev[k]!;
        bestCost[k] = transfer[kk]! + exec[kk]!;
      }
      const b = bestCt[k]!;
      if (b > L || (b === L && k < t)) {
        L = b;
        t = k;
      }
    }
    const g = bestDev[t]!;
    if (row !== undefined) {
      completionRow(cp, avail, t, row);
      trace.push(decision(cp, t, step, row, g));
    }
    assignment[t] = g;
    order[step] = t;
    avail[g] = L;
    loaded[g] = step;
    for (let j = 0; j < m; j++) {
      const r = rank[j * n + t]!;
      link[j * n + r] = r + 1;
    }
  }
  return heuristicResult(assignment, order, trace);
}
