/**
 * Max-Min by branch and bound over a k-d tree of the cost rows, for
 * instances whose releases never wait: what `'max-min'` and `'duplex'` run
 * on large ones. Private to `solvers/`.
 *
 * @internal
 * @module
 */
import { completionRow, decision, heuristicResult, initialAvailability } from './completion.js';
import { stableSortPairs } from './sortedColumns.js';
import type { StrategyContext, StrategyResult, TaskDecision } from '../registry.js';

/** At most this many tasks per leaf. */
const LEAF = 8;

/** Counters of the last {@link kdMaxMin} run (nodes visited, leaves read), for the benchmarks. @internal */
export const kdMaxMinStats = { visited: 0, leaves: 0 };

/**
 * Max-Min when releases never wait, so ct(i, j) = avail[j] + c[i][j]: the
 * rows c[i] are points of a k-d tree (each node split at the median of its
 * widest cost column, at most {@link LEAF} tasks per leaf); every node keeps
 * the largest unmapped cost of its tasks on each device, box[j], so
 * min_j (avail[j] + box[j]) bounds from above the best time of every task
 * below it (avail[j] + c is monotone in c). Each step is a depth-first branch
 * and bound for the largest best time (the child with the larger bound
 * first): a node is cut when some device gives avail[j] + box[j] strictly
 * below the best time found so far, a task as soon as one device's time falls
 * strictly below it; otherwise its best time is computed as the plain loop
 * computes it (ascending devices, strict comparison: lowest index on ties),
 * and it replaces the best when larger, or equal with a lower task index.
 * Nothing equal to the best is cut, so the choice is the plain loop's. The
 * mapped task's leaf box is recomputed and the boxes above it updated.
 * Returns `undefined` (the caller falls back) if a best time overflows to
 * `Infinity` (which `compileProblem`'s guard rules out).
 *
 * Complexity: O(n·m log² n) to build, then per step O(m) per node visited
 * plus O(m log n) for the update; the visits grow slowly with n on
 * generated matrices (about 120 per step at 30 000×16 consistent, 730
 * inconsistent); O(n·m) memory.
 * @internal
 */
export function kdMaxMin(ctx: StrategyContext, probe = 0, budget = Infinity): StrategyResult | undefined {
  const { cp } = ctx;
  const { n, m, exec, transfer } = cp;
  // Tasks in leaf order, and their costs row by row in that order.
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const cap = 2 * Math.ceil(n / LEAF) * 2 + 2;
  const lo = new Int32Array(cap);
  const hi = new Int32Array(cap);
  const left = new Int32Array(cap).fill(-1); // right child = left + 1
  const parent = new Int32Array(cap).fill(-1);
  const key = new Float64Array(n);
  const tmpKey = new Float64Array(n);
  const tmpIdx = new Int32Array(n);
  let nodes = 1;
  lo[0] = 0;
  hi[0] = n;
  const work = new Int32Array(cap);
  let top = 0;
  work[top++] = 0;
  while (top > 0) {
    const k = work[--top]!;
    const a = lo[k]!;
    const b = hi[k]!;
    if (b - a <= LEAF) continue;
    let dim = 0;
    let spread = -1;
    for (let j = 0; j < m; j++) {
      let mn = Infinity;
      let mx = -Infinity;
      for (let p = a; p < b; p++) {
        const at = idx[p]! * m + j;
        const v = transfer[at]! + exec[at]!;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      if (mx - mn > spread) {
        spread = mx - mn;
        dim = j;
      }
    }
    for (let p = a; p < b; p++) {
      const at = idx[p]! * m + dim;
      key[p] = transfer[at]! + exec[at]!;
    }
    stableSortPairs(key, idx, a, b, tmpKey, tmpIdx);
    const mid = (a + b) >> 1;
    const l = nodes;
    nodes += 2;
    left[k] = l;
    parent[l] = k;
    parent[l + 1] = k;
    lo[l] = a;
    hi[l] = mid;
    lo[l + 1] = mid;
    hi[l + 1] = b;
    work[top++] = l;
    work[top++] = l + 1;
  }
  const cost = new Float64Array(n * m); // cost[p·m + j]: the task at leaf position p on device j
  const leafOf = new Int32Array(n); // by leaf position
  for (let p = 0; p < n; p++) {
    const base = idx[p]! * m;
    for (let j = 0; j < m; j++) cost[p * m + j] = transfer[base + j]! + exec[base + j]!;
  }
  const mapped = new Uint8Array(n); // by leaf position
  const box = new Float64Array(nodes * m);
  const refreshLeaf = (k: number): void => {
    const o = k * m;
    box.fill(-Infinity, o, o + m);
    for (let p = lo[k]!; p < hi[k]!; p++) {
      if (mapped[p] === 1) continue;
      for (let j = 0; j < m; j++) {
        const v = cost[p * m + j]!;
        if (v > box[o + j]!) box[o + j] = v;
      }
    }
  };
  const pull = (k: number): void => {
    const o = k * m;
    const l = left[k]! * m;
    for (let j = 0; j < m; j++) {
      const x = box[l + j]!;
      const y = box[l + m + j]!;
      box[o + j] = x > y ? x : y;
    }
  };
  // Children come after their parent: fill from the last node back.
  for (let k = nodes - 1; k >= 0; k--) {
    if (left[k]! < 0) {
      refreshLeaf(k);
      for (let p = lo[k]!; p < hi[k]!; p++) leafOf[p] = k;
    } else pull(k);
  }

  const avail = initialAvailability(cp);
  const assignment = new Int32Array(n);
  const order = new Int32Array(n);
  const trace: TaskDecision[] = [];
  const row = ctx.trace ? new Float64Array(m) : undefined;
  const stack = new Int32Array(nodes);
  const bound = new Float64Array(nodes);
  let visited = 0;
  let leaves = 0;
  for (let step = 0; step < n; step++) {
    let best = -Infinity;
    let bestPos = -1;
    let bestTask = n;
    let bestDev = -1;
    let sp = 0;
    stack[sp] = 0;
    bound[sp++] = Infinity;
    while (sp > 0) {
      // A node is pushed with its bound: cut if the best has passed it since.
      if (bound[--sp]! < best) continue;
      const k = stack[sp]!;
      visited++;
      const l = left[k]!;
      if (l < 0) {
        leaves++;
        for (let p = lo[k]!; p < hi[k]!; p++) {
          if (mapped[p] === 1) continue;
          const at = p * m;
          let f = Infinity;
          let d = -1;
          for (let j = 0; j < m; j++) {
            const v = avail[j]! + cost[at + j]!;
            if (v < best) {
              d = -2;
              break;
            }
            if (v < f) {
              f = v;
              d = j;
            }
          }
          if (d < 0) continue;
          const t = idx[p]!;
          if (f > best || t < bestTask) {
            best = f;
            bestTask = t;
            bestPos = p;
            bestDev = d;
          }
        }
        continue;
      }
      // The child with the larger bound is searched first (pushed last).
      let ul = Infinity;
      let ur = Infinity;
      const ol = l * m;
      for (let j = 0; j < m; j++) {
        const a = avail[j]!;
        const x = a + box[ol + j]!;
        const y = a + box[ol + m + j]!;
        if (x < ul) ul = x;
        if (y < ur) ur = y;
      }
      const first = ul >= ur ? l + 1 : l;
      const second = ul >= ur ? l : l + 1;
      const uf = ul >= ur ? ur : ul;
      const us = ul >= ur ? ul : ur;
      if (uf >= best) {
        stack[sp] = first;
        bound[sp++] = uf;
      }
      if (us >= best) {
        stack[sp] = second;
        bound[sp++] = us;
      }
    }
    if (step <= probe && visited > budget) return undefined;
    if (!(best < Infinity) || bestPos < 0) return undefined;
    const t = bestTask;
    if (row !== undefined) {
      completionRow(cp, avail, t, row);
      trace.push(decision(cp, t, step, row, bestDev));
    }
    assignment[t] = bestDev;
    order[step] = t;
    avail[bestDev] = best;
    mapped[bestPos] = 1;
    let k = leafOf[bestPos]!;
    refreshLeaf(k);
    for (k = parent[k]!; k >= 0; k = parent[k]!) pull(k);
  }
  kdMaxMinStats.visited = visited;
  kdMaxMinStats.leaves = leaves;
  return heuristicResult(assignment, order, trace);
}
