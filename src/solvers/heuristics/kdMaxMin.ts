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
const LEAF = 16;
/** In a group, every GROUP_PERIOD-th level splits on the group's own device. */
const GROUP_PERIOD = 3;

/** Sets leaf k's box to the largest unmapped cost per device of its positions [a, b). @internal */
function refreshLeaf(box: Float64Array, cost: Float64Array, mapped: Uint8Array, a: number, b: number, k: number, m: number): void {
  const o = k * m;
  box.fill(-Infinity, o, o + m);
  for (let p = a; p < b; p++) {
    if (mapped[p] === 1) continue;
    for (let j = 0; j < m; j++) {
      const v = cost[p * m + j]!;
      if (v > box[o + j]!) box[o + j] = v;
    }
  }
}

/** Sets node k's box to the larger of its children's (l and l + 1), device by device. @internal */
function pull(box: Float64Array, l: number, k: number, m: number): void {
  const o = k * m;
  const lo = l * m;
  for (let j = 0; j < m; j++) {
    const x = box[lo + j]!;
    const y = box[lo + m + j]!;
    box[o + j] = x > y ? x : y;
  }
}

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
 * group of device g, every {@link GROUP_PERIOD}-th level splits at the
 * median of c[·][g] (so the cheap half is cut as soon as avail[g] plus its
 * largest cost falls below the best found), the others at the median of
 * the widest cost column, down to at most {@link LEAF} tasks per leaf. Every
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
  const { n, m, exec, transfer } = cp;
  // Tasks in leaf order, and their costs row by row in that order.
  // Tasks grouped by their cheapest device (lowest index on ties), in index order.
  const met = new Int32Array(n);
  const gstart = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) {
    let d = 0;
    let c = Infinity;
    for (let j = 0; j < m; j++) {
      const v = transfer[i * m + j]! + exec[i * m + j]!;
      if (v < c) {
        c = v;
        d = j;
      }
    }
    met[i] = d;
    gstart[d + 1]!++;
  }
  for (let j = 0; j < m; j++) gstart[j + 1]! += gstart[j]!;
  const idx = new Int32Array(n);
  {
    const fillAt = gstart.slice(0, m);
    for (let i = 0; i < n; i++) idx[fillAt[met[i]!]!++] = i;
  }
  const cap = 4 * (Math.ceil(n / LEAF) + m) + 2;
  const lo = new Int32Array(cap);
  const hi = new Int32Array(cap);
  const left = new Int32Array(cap).fill(-1); // right child = left + 1
  const parent = new Int32Array(cap).fill(-1);
  const glo = new Int32Array(cap); // devices [glo, ghi) whose groups the node covers
  const ghi = new Int32Array(cap);
  const depth = new Int32Array(cap); // depth below its group's node
  const key = new Float64Array(n);
  const tmpKey = new Float64Array(n);
  const tmpIdx = new Int32Array(n);
  let nodes = 1;
  lo[0] = 0;
  hi[0] = n;
  glo[0] = 0;
  ghi[0] = m;
  const work = new Int32Array(cap);
  let top = 0;
  work[top++] = 0;
  while (top > 0) {
    const k = work[--top]!;
    const a = lo[k]!;
    const b = hi[k]!;
    const g0 = glo[k]!;
    const g1 = ghi[k]!;
    let mid: number;
    let gm = g0;
    if (g1 - g0 > 1) {
      // Above the groups: split the devices in two halves.
      gm = (g0 + g1) >> 1;
      mid = gstart[gm]!;
    } else {
      if (b - a <= LEAF) continue;
      // In a group: alternately its own device's cost and the widest cost column.
      let dim = g0;
      if (depth[k]! % GROUP_PERIOD !== 0) {
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
      }
      for (let p = a; p < b; p++) {
        const at = idx[p]! * m + dim;
        key[p] = transfer[at]! + exec[at]!;
      }
      stableSortPairs(key, idx, a, b, tmpKey, tmpIdx);
      mid = (a + b) >> 1;
    }
    const l = nodes;
    nodes += 2;
    left[k] = l;
    parent[l] = k;
    parent[l + 1] = k;
    lo[l] = a;
    hi[l] = mid;
    lo[l + 1] = mid;
    hi[l + 1] = b;
    if (g1 - g0 > 1) {
      glo[l] = g0;
      ghi[l] = gm;
      glo[l + 1] = gm;
      ghi[l + 1] = g1;
    } else {
      glo[l] = glo[l + 1] = g0;
      ghi[l] = ghi[l + 1] = g1;
      depth[l] = depth[l + 1] = depth[k]! + 1;
    }
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
  // Children come after their parent: fill from the last node back.
  for (let k = nodes - 1; k >= 0; k--) {
    if (left[k]! < 0) {
      refreshLeaf(box, cost, mapped, lo[k]!, hi[k]!, k, m);
      for (let p = lo[k]!; p < hi[k]!; p++) leafOf[p] = k;
    } else pull(box, left[k]!, k, m);
  }

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
