/**
 * Local search for flowtime and weighted flowtime (strategy `'local-search'`
 * with those objectives): moves and swaps, each tried in the current run
 * order and in Smith's order.
 * @internal
 * @module
 */
import type { CompiledProblem } from '../../problem/types.js';
import { createMeasure, measure, violationOf } from '../objective.js';
import type { StrategyResult } from '../registry.js';
import { fitsAllBudgets, fitsBudget } from './budgetFit.js';
import type { ObjectiveSearchSettings } from './objectiveSearch.js';

/**
 * The weight of each task in Σ weight_i · finish_i when `weights` (in
 * `OBJECTIVE_NAMES` order) weigh only flowtime and weighted flowtime:
 * weight_i = w_flowtime + w_weighted · priority_i; `undefined` when another
 * objective has a weight (the run order then is not chosen by Smith's rule).
 * O(n). @internal
 */
export function finishWeights(cp: CompiledProblem, weights: Float64Array): Float64Array | undefined {
  if (weights[0]! > 0 || weights[3]! > 0 || weights[4]! > 0) return undefined;
  const out = new Float64Array(cp.n);
  for (let i = 0; i < cp.n; i++) out[i] = weights[1]! + (weights[2]! > 0 ? weights[2]! * cp.priority[i]! : 0);
  return out;
}

/**
 * Smith's rule (Smith 1956, "Various optimizers for single-stage
 * production", the WSPT order): the tasks sorted by p_i,a(i) / weight_i
 * ascending (weight 0 last; ties to the lowest index), so that every device
 * runs its tasks in WSPT order, which minimizes its Σ weight · finish when
 * tasks have no release times. O(n log n). @internal
 */
export function smithOrder(cp: CompiledProblem, assignment: ArrayLike<number>, weight: Float64Array): Int32Array {
  const { n, m, exec, transfer } = cp;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = assignment[i]!;
    const p = transfer[i * m + j]! + exec[i * m + j]!;
    key[i] = weight[i]! > 0 ? p / weight[i]! : Infinity;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (key[a]! < key[b]! ? -1 : key[a]! > key[b]! ? 1 : a - b));
  return Int32Array.from(order);
}

/**
 * First-improvement descent for Σ weight · finish: moves (one task to
 * another allowed device) and then swaps (two tasks on different devices,
 * each allowed on the other's), in index order. Each candidate assignment
 * is measured exactly (as `evaluate` does) twice: in the current run order
 * and in Smith's order of the candidate ({@link smithOrder}), and taken with
 * the better of the two when that lowers (violation, objective) strictly.
 * A pass restarts after every accepted change and the search ends when a
 * pass changes nothing (a local optimum: `stoppedEarly` false) or after
 * `maxIterations` candidates or `timeLimitMs` (`stoppedEarly` true). With
 * `keepBudgets` a candidate is taken only in an order whose budget sums
 * (`fitsBudget`) keep every budget. Never worse than `start` (also tried in
 * Smith's order first); each change lowers the key strictly, so it ends.
 *
 * Complexity: O(n log n + m) per candidate; O(n·m) moves and O(n²) swaps per
 * pass. @internal
 */
export function flowtimeSearch(cp: CompiledProblem, start: StrategyResult, s: ObjectiveSearchSettings, weight: Float64Array): StrategyResult {
  const { n, m, exec, transfer } = cp;
  const t0 = performance.now();
  const ms = createMeasure(cp, s.costModel);
  const keep = s.keepBudgets === true;
  const a = Int32Array.from(start.assignment);
  let order = start.order;
  let viol = 0;
  let obj = 0;
  const measured = (o: ArrayLike<number>): void => {
    const v = measure(ms, a, o);
    obj = 0;
    for (let k = 0; k < 5; k++) if (s.weights[k]! > 0) obj += s.weights[k]! * v[k]!;
    viol = violationOf(v[0]!, v[4]!, v[3]!, s.limits);
  };
  measured(order);
  let curViol = viol;
  let curObj = obj;
  // The candidate `a` in the current order or in its Smith order, whichever is better; true (and taken) when it beats the current key.
  const tryHere = (touched: readonly number[]): boolean => {
    let bestOrder: Int32Array | undefined;
    let bv = curViol;
    let bo = curObj;
    const smith = smithOrder(cp, a, weight);
    for (const o of [order, smith]) {
      if (keep && !touched.every((j) => fitsBudget(cp, a, o, j))) continue;
      measured(o);
      if (viol < bv || (viol <= bv && obj < bo)) {
        bestOrder = o;
        bv = viol;
        bo = obj;
      }
    }
    if (bestOrder === undefined) return false;
    order = bestOrder;
    curViol = bv;
    curObj = bo;
    return true;
  };
  if (!keep || fitsAllBudgets(cp, a, smithOrder(cp, a, weight))) tryHere([]);
  const allowed = (i: number, j: number): boolean => exec[i * m + j]! + transfer[i * m + j]! < Infinity;
  let iterations = 0;
  let stoppedEarly = false;
  const spent = (): boolean => {
    if (iterations >= s.maxIterations || ((iterations & 63) === 0 && performance.now() - t0 >= s.timeLimitMs)) stoppedEarly = true;
    iterations++;
    return stoppedEarly;
  };
  search: for (;;) {
    for (let i = 0; i < n; i++) {
      const from = a[i]!;
      for (let k = 0; k < m; k++) {
        if (k === from || !allowed(i, k)) continue;
        if (spent()) break search;
        a[i] = k;
        if (tryHere([k])) continue search;
        a[i] = from;
      }
    }
    for (let i = 0; i < n; i++) {
      for (let q = i + 1; q < n; q++) {
        const ji = a[i]!;
        const jq = a[q]!;
        if (ji === jq || !allowed(i, jq) || !allowed(q, ji)) continue;
        if (spent()) break search;
        a[i] = jq;
        a[q] = ji;
        if (tryHere([ji, jq])) continue search;
        a[i] = ji;
        a[q] = jq;
      }
    }
    break;
  }
  return { assignment: a, order: Int32Array.from(order), trace: [], stoppedEarly, iterations };
}
