/**
 * Max-Min by branch and bound over a k-d tree of the cost rows, for
 * instances whose releases never wait: what `'max-min'` and `'duplex'` run
 * on large ones. Private to `solvers/`.
 *
 * @internal
 * @module
 */
import { completionRow, decision, heuristicResult, initialAvailability } from './completion.js';
import { buildKdTree, pull, refreshLeaf } from './kdMaxMinTree.js';
import type { StrategyContext, StrategyResult, TaskDecision } from '../registry.js';

/**
 * Node k's bound min_j (avail[j] + box[k·m + j]): the cached value while
 * the device reaching it was not loaded since it was computed (the other
 * terms only grow), else recomputed (lowest device on ties) and cached
 * with the current step. @internal
 */
function nodeBound(
  k: number,
  box: Float64Array,
  avail: Float64Array,
  loaded: Int32Array,
  nodeB: Float64Array,
  nodeD: Int32Array,
  nodeS: Int32Array,
  m: number,
  step: number,
): number {
  if (loaded[nodeD[k]!]! < nodeS[k]!) return nodeB[k]!;
  const o = k * m;
  let u = Infinity;
  let d = 0;
  for (let j = 0; j < m; j++) {
    const v = avail[j]! + box[o + j]!;
    if (v < u) {
      u = v;
      d = j;
    }
  }
  nodeB[k] = u;
  nodeD[k] = d;
  nodeS[k] = step;
  return u;
}

/** Counters of the last {@link kdMaxMin} run (nodes visited, leaves read), for the benchmarks. @internal */
export const kdMaxMinStats = { visited: 0, leaves: 0 };

/**
 * Max-Min when releases never wait, so ct(i, j) = avail[j] + c[i][j]: the
 * rows c[i] are points of a k-d tree. The tasks are first grouped by their
 * cheapest device (a binary tree over the devices' groups); within the
 * group of device g, every third level (GROUP_PERIOD in kdMaxMinTree.ts) splits at the
 * median of c[·][g] (so the cheap half is cut as soon as avail[g] plus its
 * largest cost falls below the best found), the others at the median of
 * the widest cost column, down to at most 16 tasks per leaf (LEAF). Every
 * node keeps the largest unmapped cost of its tasks on each device, box[j],
 * so min_j (avail[j] + box[j]) bounds from above the best time of every task
 * below it (avail[j] + c is monotone in c). Each step is a depth-first branch
 * and bound for the largest best time (the child with the larger bound
 * first): a node is cut when some device gives avail[j] + box[j] strictly
 * below the best time found so far, a task as soon as one device's time falls
 * strictly below it; otherwise its best time is computed as the plain loop
 * computes it (ascending devices, strict comparison: lowest index on ties),
 * and it replaces the best when larger, or equal with a lower task index.
 * The search starts from the incumbent the previous search replaced last
 * (its time recomputed exactly: a strong first best cuts more). A node's
 * bound is cached with the device reaching it and reused until that device
 * is loaded (the other terms only grow) or a task below it is mapped.
 * Nothing equal to the best is cut, so the choice is the plain loop's. The
 * mapped task's leaf box is recomputed and the boxes above it updated.
 * Returns `undefined` (the caller falls back) if a best time overflows to
 * `Infinity` (which `compileProblem`'s guard rules out).
 *
 * Complexity: O(n·m log² n) to build, then per step O(m) per node visited
 * plus O(m log n) for the update; the visits per step grow like about √n
 * on generated matrices (0.4% of n at 16 384×16 consistent, 1.5%
 * inconsistent), so O(n^1.5·m) in practice, O(n²·m) at worst; O(n·m)
 * memory.
 * @internal
 */
export function kdMaxMin(ctx: StrategyContext): StrategyResult | undefined {
  const { cp } = ctx;
  const { n, m } = cp;
  const { idx, lo, hi, left, parent, nodes, cost, leafOf, box, mapped } = buildKdTree(cp);
  const avail = initialAvailability(cp);
  const assignment = new Int32Array(n);
  const order = new Int32Array(n);
  const trace: TaskDecision[] = [];
  const row = ctx.trace ? new Float64Array(m) : undefined;
  const stack = new Int32Array(nodes);
  const bound = new Float64Array(nodes);
  // Each node's bound as last computed, the device reaching it and the step
  // it was computed at: still exact while that device was not loaded since.
  const nodeB = new Float64Array(nodes);
  const nodeD = new Int32Array(nodes);
  const nodeS = new Int32Array(nodes).fill(-1);
  const loaded = new Int32Array(m).fill(-1); // step of each device's last placement
  let visited = 0;
  let leaves = 0;
  let runnerUp = -1; // leaf position of the last incumbent the previous search replaced
  for (let step = 0; step < n; step++) {
    let best = -Infinity;
    let bestPos = -1;
    let bestTask = n;
    let bestDev = -1;
    // Start from the previous step's runner-up (its time now, exact): a
    // strong incumbent cuts more from the first node on.
    if (runnerUp >= 0 && mapped[runnerUp] === 0) {
      const at = runnerUp * m;
      for (let j = 0; j < m; j++) {
        const v = avail[j]! + cost[at + j]!;
        if (v < best || bestDev < 0) {
          best = v;
          bestDev = j;
        }
      }
      bestPos = runnerUp;
      bestTask = idx[runnerUp]!;
    }
    runnerUp = -1;
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
          if (d === -1) return undefined; // every time overflowed to Infinity
          if (d < 0) continue;
          const t = idx[p]!;
          if (f > best || t < bestTask) {
            runnerUp = bestPos;
            best = f;
            bestTask = t;
            bestPos = p;
            bestDev = d;
          }
        }
        continue;
      }
      // The child with the larger bound is searched first (pushed last).
      const ul = nodeBound(l, box, avail, loaded, nodeB, nodeD, nodeS, m, step);
      const ur = nodeBound(l + 1, box, avail, loaded, nodeB, nodeD, nodeS, m, step);
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
    if (!(best < Infinity) || bestPos < 0) return undefined;
    const t = bestTask;
    if (row !== undefined) {
      completionRow(cp, avail, t, row);
      trace.push(decision(cp, t, step, row, bestDev));
    }
    assignment[t] = bestDev;
    order[step] = t;
    avail[bestDev] = best;
    loaded[bestDev] = step;
    mapped[bestPos] = 1;
    let k = leafOf[bestPos]!;
    refreshLeaf(box, cost, mapped, lo[k]!, hi[k]!, k, m);
    nodeS[k] = -1;
    for (k = parent[k]!; k >= 0; k = parent[k]!) {
      pull(box, left[k]!, k, m);
      nodeS[k] = -1;
    }
  }
  kdMaxMinStats.visited = visited;
  kdMaxMinStats.leaves = leaves;
  return heuristicResult(assignment, order, trace);
}
