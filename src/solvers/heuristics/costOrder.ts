/**
 * Best and second-best devices on consistent matrices, for the sufferage
 * heuristics. When every row of transfer + exec is non-decreasing in the
 * device index (device 0 fastest for every task, Braun's "consistent"
 * class), a device j with two devices l < j no busier (avail[l] ≤
 * avail[j]) is beaten by both of them for every task, since
 * fl(max(a, r) + c) is monotone in a and in c and the lower index wins ties:
 * it can be neither best nor second best. {@link CostOrder.prepare} lists
 * the other devices once per change of the availabilities, with the suffix
 * minima of their availabilities, and {@link CostOrder.topTwo} visits a
 * task's listed devices in index order (= cost order) and stops as soon as
 * max(suffix minimum, release) + cost reaches the current second best (a
 * lower bound on every device left). The result is the one `scanTopTwo`
 * gives (lowest index on ties). Typed arrays only; no allocation after
 * construction. Private to `solvers/`.
 *
 * @internal
 * @module
 */
import type { CompiledProblem } from '../../problem/types.js';

/**
 * From this many devices on, the sufferage heuristics use {@link CostOrder}
 * on matrices whose rows are sorted by device index; with 16 devices a
 * plain scan of the row was as fast (same-run A/B, 5000×16 consistent).
 * @internal
 */
export const ORDERED_FROM = 32;

/**
 * Whether every row of transfer + exec is non-decreasing in the device
 * index (computed as the heuristics compute the sums). O(n·m), stops at the
 * first row out of order. @internal
 */
export function rowsSortedByIndex(cp: CompiledProblem): boolean {
  const { n, m, exec, transfer } = cp;
  for (let i = 0, q = 0; i < n; i++) {
    let prev = -Infinity;
    for (let j = 0; j < m; j++, q++) {
      const c = transfer[q]! + exec[q]!;
      if (c < prev) return false;
      prev = c;
    }
  }
  return true;
}

/** The top-two search on a matrix whose rows are sorted by device index. O(n·m) memory. @internal */
export class CostOrder {
  /** `cost[i·m + j]`: transfer + exec of task i on device j (computed as the heuristics compute it). */
  private readonly cost: Float64Array;
  /** `low[q]`: the smallest availability of the listed devices from position q on. */
  private readonly low: Float64Array;
  /** The devices that can still be best or second best, ascending. */
  private readonly cand: Int32Array;
  private count: number;
  private readonly m: number;
  private readonly release: Float64Array;
  /** Whether no release time exceeds the smallest ready time (then no task ever waits for its release). */
  private readonly noWait: boolean;
  /** How many devices were visited (for tests and benchmarks). */
  visits = 0;

  /** `cp` must satisfy {@link rowsSortedByIndex}. */
  constructor(cp: CompiledProblem) {
    const { n, m, exec, transfer } = cp;
    this.m = m;
    this.release = cp.release;
    let minReady = Infinity;
    for (let j = 0; j < m; j++) if (cp.ready[j]! < minReady) minReady = cp.ready[j]!;
    let maxRelease = -Infinity;
    for (let i = 0; i < n; i++) if (cp.release[i]! > maxRelease) maxRelease = cp.release[i]!;
    this.noWait = maxRelease <= minReady;
    this.cost = new Float64Array(n * m);
    for (let q = 0; q < n * m; q++) this.cost[q] = transfer[q]! + exec[q]!;
    this.low = new Float64Array(m);
    this.cand = new Int32Array(m);
    for (let j = 0; j < m; j++) this.cand[j] = j;
    this.count = m;
  }

  /**
   * Lists the devices that can still be best or second best (fewer than two
   * devices l < j with avail[l] ≤ avail[j]) and the suffix minima of their
   * availabilities. Call after every change of `avail`. O(m).
   */
  prepare(avail: Float64Array): void {
    const { m, low, cand } = this;
    let count = 0;
    // Fewer than two l < j with avail[l] ≤ avail[j] ⟺ avail[j] is below the
    // second smallest of avail[0..j) (with multiplicity).
    let min1 = Infinity;
    let min2 = Infinity;
    for (let j = 0; j < m; j++) {
      const a = avail[j]!;
      if (j < 2 || a < min2) cand[count++] = j;
      if (a < min1) {
        min2 = min1;
        min1 = a;
      } else if (a < min2) min2 = a;
    }
    this.count = count;
    let lo = Infinity;
    for (let q = count - 1; q >= 0; q--) {
      const a = avail[cand[q]!]!;
      if (a < lo) lo = a;
      low[q] = lo;
    }
  }

  /**
   * Task i's best and second-best device and completion time against
   * `avail` (with {@link prepare} called since `avail` last changed), written
   * to the four arrays at index i exactly as `scanTopTwo` writes them (-1
   * with `Infinity` for a missing device). O(listed devices) ≤ O(m).
   */
  topTwo(avail: Float64Array, i: number, bestDev: Int32Array, bestCt: Float64Array, secondDev: Int32Array, secondCt: Float64Array): void {
    const { cost, low, cand, count } = this;
    const r = this.release[i]!;
    const base = i * this.m;
    let bd = -1;
    let bc = Infinity;
    let sd = -1;
    let sc = Infinity;
    let q = 0;
    if (this.noWait) {
      // No release exceeds any availability: ct = avail + cost.
      for (; q < count; q++) {
        const j = cand[q]!;
        const c = cost[base + j]!;
        if (low[q]! + c >= sc) break;
        const ct = avail[j]! + c;
        if (ct < bc) {
          sd = bd;
          sc = bc;
          bd = j;
          bc = ct;
        } else if (ct < sc) {
          sd = j;
          sc = ct;
        }
      }
    } else {
      for (; q < count; q++) {
        const j = cand[q]!;
        const c = cost[base + j]!;
        const l = low[q]!;
        // Every device left has a time of at least max(l, r) + c and a higher
        // index than the two kept, so a tie with the second cannot displace it.
        if ((l > r ? l : r) + c >= sc) break;
        const a = avail[j]!;
        const ct = (a > r ? a : r) + c;
        // Ascending index: strict comparisons keep the lowest index on ties.
        if (ct < bc) {
          sd = bd;
          sc = bc;
          bd = j;
          bc = ct;
        } else if (ct < sc) {
          sd = j;
          sc = ct;
        }
      }
    }
    this.visits += q;
    bestDev[i] = bd;
    bestCt[i] = bc;
    secondDev[i] = sd;
    secondCt[i] = sc;
  }
}
