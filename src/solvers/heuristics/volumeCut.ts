/**
 * Duplex's cut of its Max-Min half: volume lower bounds on the makespan of
 * whatever the Max-Min run would still place, so that `lazyMaxMin` stops as
 * soon as it cannot beat Min-Min's makespan (Min-Min wins ties). Private to
 * `solvers/`.
 *
 * @internal
 * @module
 */
import type { CompiledProblem } from '../../problem/types.js';

/**
 * 1 − 2^−20: the float sums of the volume bounds in `lazyMaxMin` err
 * by at most about (7n + 2m)·2^−53 relative (non-negative terms, each
 * weighted one rounded once more; the one subtraction errs by that much of
 * the total, at most twice the bound),
 * and a device's float finish time (n additions at most) falls at most
 * n·2^−53 below the real one, so the bound times this stays at or below
 * the float makespan for n up to about 10^9 tasks. @internal
 */
export const VOLUME_SLACK = 1 - 2 ** -20;

/**
 * The weighted volume bound of `lazyMaxMin` is computed (one O(n·m)
 * pass) only when the speed weights y differ by more than this factor (or
 * some is 0): with nearly equal weights it cuts where the mean bound does,
 * which needs no pass (Braun inconsistent instances: weight spread 1.15-1.3,
 * cut after 23-30 steps with either bound; consistent 6.7-31.5 and
 * semi-consistent 5.0-14.9, where only the weighted bound cuts early).
 * Either way the cut is sound, so the choice changes only the time.
 * @internal
 */
export const WEIGHTED_MIN_SPREAD = 2;

/**
 * The costs of Duplex's volume bounds in `lazyMaxMin`: y[j] = 1 /
 * (device j's median cost, read from the sorted columns `cost`), or 0 if
 * that median is 0 or `Infinity`, and `ySum` = Σ y; `leastAll` = Σ_i min_j
 * c[i][j] (`rowMinSum` when given, compile's row scan); `leastW`, each
 * task's cheapest speed-weighted cost min_j y[j]·c[i][j] over its allowed
 * devices, only when the weights differ by more than
 * {@link WEIGHTED_MIN_SPREAD} (else undefined: the weighted bound is then
 * not used). At most one O(n·m) pass, none when `rowMinSum` is given and the
 * weights are close. @internal
 */
export function volumeCosts(cp: CompiledProblem, cost: Float64Array, rowMinSum: number | undefined): { readonly leastAll: number; readonly leastW: Float64Array | undefined; readonly y: Float64Array; readonly ySum: number } {
  const { n, m, exec, transfer } = cp;
  const y = new Float64Array(m);
  let ySum = 0;
  let yMin = Infinity;
  let yMax = 0;
  for (let j = 0; j < m; j++) {
    const med = cost[j * n + (n >> 1)]!;
    const v = med > 0 && med < Infinity ? 1 / med : 0;
    y[j] = v;
    ySum += v;
    if (v < yMin) yMin = v;
    if (v > yMax) yMax = v;
  }
  const weighted = ySum > 0 && (yMin === 0 || yMax > WEIGHTED_MIN_SPREAD * yMin);
  if (!weighted && rowMinSum !== undefined) return { leastAll: rowMinSum, leastW: undefined, y, ySum };
  const leastW = weighted ? new Float64Array(n) : undefined;
  let leastAll = 0;
  for (let i = 0, k = 0; i < n; i++) {
    let l = Infinity;
    let w = Infinity;
    for (let j = 0; j < m; j++, k++) {
      const c = transfer[k]! + exec[k]!;
      if (c < l) l = c;
      if (c < Infinity) {
        const v = y[j]! * c;
        if (v < w) w = v;
      }
    }
    leastAll += l;
    if (leastW !== undefined) leastW[i] = w;
  }
  return { leastAll: rowMinSum ?? leastAll, leastW, y, ySum };
}

/** Task k's cheapest transfer + exec over the devices. O(m). @internal */
function rowLeast(transfer: Float64Array, exec: Float64Array, k: number, m: number): number {
  let l = Infinity;
  for (let at = k * m, end = at + m; at < end; at++) {
    const c = transfer[at]! + exec[at]!;
    if (c < l) l = c;
  }
  return l;
}

/**
 * The running volume bounds of one Max-Min run. Some device runs at least
 * the mean work, (costs placed + Σ cheapest costs of the unmapped tasks) / m,
 * after its ready time, so the makespan is at least the smallest ready time
 * plus that mean; {@link VOLUME_SLACK} keeps the float bound below the float
 * makespan. The same with the devices weighted by their speeds y[j] (any
 * y ≥ 0, not all 0, works: a device j with work w[j] > 0 finishes a task at
 * ready[j] + w[j], so makespan − minReady ≥ max_j w[j] ≥ Σ_j y[j]·w[j] / Σ y,
 * and Σ_j y[j]·w[j] ≥ (y-weighted work placed) + Σ_unmapped min_j
 * y[j]·c[i][j]); it cuts far sooner when the devices' speeds differ (Braun
 * consistent and semi-consistent matrices: after 30-74 steps, not 64-223).
 * Σ cheapest costs: compile's row scan when the caller passes it
 * (`rowMinSum`). Set-up: {@link volumeCosts}; each placement O(m). @internal
 */
export class VolumeCut {
  private readonly transfer: Float64Array;
  private readonly exec: Float64Array;
  private readonly m: number;
  private readonly minReady: number;
  private readonly leastAll: number;
  private readonly leastW: Float64Array | undefined;
  private readonly y: Float64Array;
  private readonly ySum: number;
  private readonly wAll: number;
  private spent = 0;
  private leastPlaced = 0;
  /** Σ_j y[j]·(work placed on j). */
  private wSpent = 0;
  private wPlaced = 0;

  constructor(cp: CompiledProblem, cost: Float64Array, rowMinSum: number | undefined) {
    const { n, m } = cp;
    this.transfer = cp.transfer;
    this.exec = cp.exec;
    this.m = m;
    const v = volumeCosts(cp, cost, rowMinSum);
    this.leastAll = v.leastAll;
    this.leastW = v.leastW;
    this.y = v.y;
    this.ySum = v.leastW === undefined ? 0 : v.ySum;
    let minReady = Infinity;
    for (let j = 0; j < m; j++) if (cp.ready[j]! < minReady) minReady = cp.ready[j]!;
    this.minReady = minReady;
    let wAll = 0;
    if (v.leastW !== undefined) for (let i = 0; i < n; i++) wAll += v.leastW[i]!;
    this.wAll = wAll;
  }

  /** Whether a bound on every completion of the run has reached `stopAt`. O(1). */
  reaches(stopAt: number): boolean {
    if ((this.minReady + (this.spent + (this.leastAll - this.leastPlaced)) / this.m) * VOLUME_SLACK >= stopAt) return true;
    return this.ySum > 0 && (this.minReady + (this.wSpent + (this.wAll - this.wPlaced)) / this.ySum) * VOLUME_SLACK >= stopAt;
  }

  /** Records task t placed on device g. O(m). */
  place(t: number, g: number): void {
    const { transfer, exec, m } = this;
    const c = transfer[t * m + g]! + exec[t * m + g]!;
    this.spent += c;
    this.leastPlaced += rowLeast(transfer, exec, t, m);
    if (this.leastW !== undefined) {
      this.wSpent += this.y[g]! * c;
      this.wPlaced += this.leastW[t]!;
    }
  }
}
