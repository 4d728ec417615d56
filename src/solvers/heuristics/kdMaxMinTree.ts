/**
 * The k-d tree behind {@link kdMaxMin}: tasks grouped by their cheapest
 * device, then split alternately on the group's device and the widest cost
 * column, with each node's largest unmapped cost per device (its box).
 * Private to `solvers/`.
 *
 * @internal
 * @module
 */
import type { CompiledProblem } from '../../problem/types.js';
import { stableSortPairs } from './sortedColumns.js';

/** At most this many tasks per leaf. */
const LEAF = 16;
/** In a group, every GROUP_PERIOD-th level splits on the group's own device. */
const GROUP_PERIOD = 3;

/** Sets leaf k's box to the largest unmapped cost per device of its positions [a, b). @internal */
export function refreshLeaf(box: Float64Array, cost: Float64Array, mapped: Uint8Array, a: number, b: number, k: number, m: number): void {
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
export function pull(box: Float64Array, l: number, k: number, m: number): void {
  const o = k * m;
  const lo = l * m;
  for (let j = 0; j < m; j++) {
    const x = box[lo + j]!;
    const y = box[lo + m + j]!;
    box[o + j] = x > y ? x : y;
  }
}

/** A built tree: node ranges over leaf positions, links, the costs in leaf order and the boxes. @internal */
export interface KdTree {
  /** Task at each leaf position. */
  readonly idx: Int32Array;
  /** Node k covers leaf positions [lo[k], hi[k]). */
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** Left child (the right one is left + 1), or -1 for a leaf. */
  readonly left: Int32Array;
  /** Parent, or -1 for the root (node 0). */
  readonly parent: Int32Array;
  /** Number of nodes; children come after their parent. */
  readonly nodes: number;
  /** cost[p·m + j]: transfer + exec of the task at leaf position p on device j. */
  readonly cost: Float64Array;
  /** Leaf holding each leaf position. */
  readonly leafOf: Int32Array;
  /** box[k·m + j]: the largest unmapped cost on device j below node k. */
  readonly box: Float64Array;
  /** Mapped flag per leaf position (all 0 when built). */
  readonly mapped: Uint8Array;
}

/**
 * Builds the tree over all tasks (none mapped). Complexity O(n·m log² n)
 * time, O(n·m) memory. @internal
 */
export function buildKdTree(cp: CompiledProblem): KdTree {
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

  return { idx, lo, hi, left, parent, nodes, cost, leafOf, box, mapped };
}
