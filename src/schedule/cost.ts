/**
 * The money a schedule costs: each device bills its busy time, rounded up to
 * whole billing units, with a minimum charge once used.
 * @module
 */
import type { CompiledProblem } from '../problem/types.js';
import { allZero } from './energy.js';
import type { CostMetrics } from './types.js';

/**
 * Relative tolerance of the rounding up to whole billing units: a busy time
 * within `BILLING_TOLERANCE · k` of exactly k units is billed as k units, so a
 * busy time that is an exact multiple of the granularity but carries float
 * noise from summing (3600.0000000000005 s for an hour) is not billed an extra
 * unit. 1e-9 of an hour is 3.6 µs. @internal
 */
export const BILLING_TOLERANCE = 1e-9;

/**
 * Billed seconds of a device busy for `busy` seconds.
 *
 * Formula: 0 when busy ≤ 0; else max(minimum, k · granularity) with
 * k = ⌈busy / granularity⌉, except that a quotient within a relative 1e-9 of
 * a whole number k is taken as k (see {@link BILLING_TOLERANCE}); from 2^53
 * units on (a granularity below the precision of busy) billed = busy.
 * Source: per-second and per-hour billing with a minimum charge as cloud
 * providers publish it (e.g. AWS EC2 on-demand: per second with a 60 s
 * minimum for Linux, per hour for some images).
 *
 * Complexity: O(1).
 *
 * @param busy - Busy seconds, ≥ 0.
 * @param granularity - Billing unit in seconds, > 0.
 * @param minimum - Minimum billed seconds once used, ≥ 0.
 * @returns Billed seconds.
 *
 * @example
 * ```ts
 * billedSeconds(3600, 3600, 0);      // 3600 (exactly one hour)
 * billedSeconds(3600.5, 3600, 0);    // 7200
 * billedSeconds(10, 1, 60);          // 60 (minimum charge)
 * billedSeconds(0, 3600, 60);        // 0 (unused device)
 * ```
 * @internal
 */
export function billedSeconds(busy: number, granularity: number, minimum: number): number {
  if (!(busy > 0)) return 0;
  const q = busy / granularity;
  let billed: number;
  if (!(q < 2 ** 53)) {
    // So many units that rounding up adds less than the precision of busy itself.
    billed = busy;
  } else {
    const k = Math.round(q);
    // A used device pays at least one unit, even when busy / granularity underflows to 0.
    const units = k >= 1 && Math.abs(q - k) <= BILLING_TOLERANCE * k ? k : Math.max(1, Math.ceil(q));
    billed = units * granularity;
  }
  return billed > minimum ? billed : minimum;
}

/**
 * Cost of device j busy for `busy` seconds: perSecond_j · billedSeconds(busy,
 * granularity_j, minimum_j), and 0 for a device with no price (never
 * 0 · Infinity). Reads only the price arrays, which a compiled workflow
 * has too. O(1). @internal
 */
export function deviceCost(cp: Pick<CompiledProblem, 'pricePerSecond' | 'priceGranularity' | 'priceMinimum'>, j: number, busy: number): number {
  const rate = cp.pricePerSecond[j]!;
  if (rate === 0) return 0;
  return rate * billedSeconds(busy, cp.priceGranularity[j]!, cp.priceMinimum[j]!);
}

/**
 * Busy seconds per device, busy_j = Σ_{i on j} (transfer[i][j] + exec[i][j]),
 * summed in task index order (so the result depends on the assignment only,
 * not on the run order). Writes into `out` (length m) when given. O(n + m).
 * @internal
 */
export function busyTimes(cp: CompiledProblem, assignment: ArrayLike<number>, out: Float64Array = new Float64Array(cp.m)): Float64Array {
  const { n, m, exec, transfer } = cp;
  out.fill(0);
  for (let i = 0; i < n; i++) {
    const j = assignment[i]!;
    out[j] = out[j]! + (transfer[i * m + j]! + exec[i * m + j]!);
  }
  return out;
}

/**
 * The money cost of an assignment.
 *
 * Formula: busy_j = Σ_{i on j} (transfer[i][j] + exec[i][j]);
 * cost_j = busy_j > 0 ? perSecond_j · max(minimum_j, ⌈busy_j / g_j⌉ · g_j) : 0;
 * cost = Σ_j cost_j (currency units). It depends on the assignment only (not
 * on the cost model or the run order). Devices without `price` cost 0.
 *
 * Complexity: O(n + m).
 *
 * @param cp - A compiled problem.
 * @param assignment - `assignment[i]`: device of task i (valid, allowed; not checked).
 * @returns {@link CostMetrics}: total and per device.
 * @internal
 */
export function costCompiled(cp: CompiledProblem, assignment: ArrayLike<number>): CostMetrics {
  // No prices: every device costs 0 (deviceCost), so skip the pass over the tasks.
  if (allZero(cp.pricePerSecond)) return noCost(cp.m);
  const busy = busyTimes(cp, assignment);
  const perDevice = new Array<number>(cp.m);
  let total = 0;
  for (let j = 0; j < cp.m; j++) {
    const c = deviceCost(cp, j, busy[j]!);
    perDevice[j] = c;
    total += c;
  }
  return { total, perDevice };
}

/**
 * {@link costCompiled}'s total without allocating (pass a length-m scratch
 * array). For search loops. O(n + m). @internal
 */
export function costTotalCompiled(cp: CompiledProblem, assignment: ArrayLike<number>, scratch: Float64Array = new Float64Array(cp.m)): number {
  const busy = busyTimes(cp, assignment, scratch);
  let total = 0;
  for (let j = 0; j < cp.m; j++) total += deviceCost(cp, j, busy[j]!);
  return total;
}

/** The cost of a schedule on m devices that carry no price: 0 everywhere. O(m). @internal */
export function noCost(m: number): CostMetrics {
  return { total: 0, perDevice: new Array<number>(m).fill(0) };
}
