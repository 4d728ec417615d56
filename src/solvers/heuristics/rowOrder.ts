/**
 * Each task's devices sorted by cost once, for the sufferage heuristics on
 * matrices whose rows are not sorted by device index: task i's devices in
 * ascending (transfer + exec, device index) order with the costs beside
 * them, so that its best and second-best completion times ct(i, j) =
 * max(avail[j], release[i]) + cost[i][j] are found by visiting its devices
 * cheapest first and stopping as soon as max(smallest availability,
 * release) + cost, a lower bound on every device not yet visited
 * (fl(x + c) is monotone in x and in c), exceeds the current second best.
 * Devices are met out of index order, so ties compare the device index:
 * the result is the one `scanTopTwo` gives (lowest index on ties). Typed
 * arrays only; no allocation after construction. Private to `solvers/`.
 *
 * @internal
 * @module
 */
import type { CompiledProblem } from '../../problem/types.js';
import { stableSortPairs } from './sortedColumns.js';

/** The cost-sorted devices of every task (task-major). O(n·m) memory. @internal */
export class RowOrder {
  /** `cost[i·m + q]`: the q-th smallest transfer + exec of task i (computed as the heuristics compute it). */
  private readonly cost: Float64Array;
  /** `dev[i·m + q]`: the device of `cost[i·m + q]` (lower index first among equal costs). */
  private readonly dev: Int32Array;
  private readonly m: number;
  private readonly release: Float64Array;
  /** The smallest availability (see {@link prepare}). */
  private low = 0;
  /** How many devices were visited (for tests and benchmarks). */
  visits = 0;

  constructor(cp: CompiledProblem) {
    const { n, m, exec, transfer } = cp;
    this.m = m;
    this.release = cp.release;
    const cost = new Float64Array(n * m);
    const dev = new Int32Array(n * m);
    const key = new Float64Array(m);
    const idx = new Int32Array(m);
    const tmpKey = new Float64Array(m);
    const tmpIdx = new Int32Array(m);
    for (let i = 0, base = 0; i < n; i++, base += m) {
      for (let j = 0; j < m; j++) {
        key[j] = transfer[base + j]! + exec[base + j]!;
        idx[j] = j;
      }
      stableSortPairs(key, idx, 0, m, tmpKey, tmpIdx);
      cost.set(key, base);
      dev.set(idx, base);
    }
    this.cost = cost;
    this.dev = dev;
  }

  /** Records the smallest availability. Call after every change of `avail`. O(m). */
  prepare(avail: Float64Array): void {
    let lo = Infinity;
    for (let j = 0; j < this.m; j++) if (avail[j]! < lo) lo = avail[j]!;
    this.low = lo;
  }

  /**
   * Task i's best and second-best device and completion time against
   * `avail` (with {@link prepare} called since `avail` last changed), written
   * to the four arrays at index i exactly as `scanTopTwo` writes them (-1
   * with `Infinity` for a missing device). O(visited devices) ≤ O(m).
   */
  topTwo(avail: Float64Array, i: number, bestDev: Int32Array, bestCt: Float64Array, secondDev: Int32Array, secondCt: Float64Array): void {
    const { m, cost, dev } = this;
    const r = this.release[i]!;
    const l = this.low;
    const lr = l > r ? l : r;
    const base = i * m;
    let bd = -1;
    let bc = Infinity;
    let sd = -1;
    let sc = Infinity;
    let q = 0;
    for (; q < m; q++) {
      const c = cost[base + q]!;
      // Every device left has a time of at least lr + c; one equal to the
      // second best may still displace it with a lower index.
      if (lr + c > sc) break;
      const j = dev[base + q]!;
      const a = avail[j]!;
      const ct = (a > r ? a : r) + c;
      if (ct < bc || (ct === bc && j < bd)) {
        sd = bd;
        sc = bc;
        bd = j;
        bc = ct;
      } else if (ct < sc || (ct === sc && j < sd)) {
        sd = j;
        sc = ct;
      }
    }
    this.visits += q;
    bestDev[i] = bd;
    bestCt[i] = bc;
    secondDev[i] = sd;
    secondCt[i] = sc;
  }
}
