/**
 * Makespan local search that keeps device budgets (strategy `'local-search'`
 * when some budget is finite and some demand positive).
 * @internal
 * @module
 */
import { InfeasibleError } from '../../errors.js';
import { infeasible } from '../../internal/errors.js';
import { runCapacityAware } from '../heuristics/capacityAware.js';
import { createMeasure, measure } from '../objective.js';
import type { StrategyContext, StrategyResult } from '../registry.js';
import { fitsBudget } from './budgetFit.js';

/** Problems with at most this many assignments (m^n) are enumerated. @internal */
export const EXHAUSTIVE_LIMIT = 1 << 15;

/**
 * Makespan search within device budgets:
 * - at most 2^15 assignments (m^n): every assignment is enumerated (depth
 *   first, tasks in index order, run order the index order; a branch stops
 *   as soon as a device's demands, summed in that order, exceed its budget)
 *   and the first of least evaluated makespan is returned. Without release
 *   times (or under `'independent'`) the run order cannot change the
 *   makespan, so this proves the optimum among the assignments that keep
 *   every budget (bound kind `'exhaustive'`); when none keeps them, an
 *   `InfeasibleError` says so. With release times the capacity-aware
 *   Min-Min start is kept when it evaluates better.
 * - larger: the capacity-aware Min-Min start (its `InfeasibleError` when a
 *   task fits nowhere), then a first-improvement descent over moves and
 *   swaps of the tasks on a device that finishes at the makespan, each
 *   evaluated exactly under the cost model in the start's run order and
 *   accepted when it keeps every budget and lowers (makespan, flowtime)
 *   lexicographically; it stops at a local optimum (`stoppedEarly` false) or
 *   after `maxIterations` evaluations or `timeLimitMs` (`stoppedEarly` true;
 *   the limit counts the start, which always runs to its end, O(n²·m)).
 * No move or swap that breaks a budget is ever taken, so the result keeps
 * every budget (`metrics.budgetOverruns` empty).
 *
 * Complexity: O(m^n) for the enumeration; O(n + m) per evaluated move or
 * swap, O((n/m)·(m + n)) evaluations per pass. @internal
 */
export function budgetSearch(ctx: StrategyContext): StrategyResult {
  const { cp } = ctx;
  const { n, m } = cp;
  if (enumerable(n, m)) return enumerate(ctx);
  // The time limit covers the start (which runs to its end: O(n²·m)).
  const t0 = performance.now();
  return descendWithin(ctx, capacityStart(ctx), t0);
}

/** Whether {@link budgetSearch} enumerates (1 ≤ n and m^n ≤ {@link EXHAUSTIVE_LIMIT}). @internal */
export function enumerable(n: number, m: number): boolean {
  return n > 0 && m ** n <= EXHAUSTIVE_LIMIT;
}

/**
 * A start within every budget for the objective-aware `'local-search'`: the
 * enumeration's within-budget makespan optimum when {@link enumerable} (so
 * its `InfeasibleError` proves that none fits), else {@link capacityStart}.
 * @internal
 */
export function budgetStart(ctx: StrategyContext): StrategyResult {
  return enumerable(ctx.cp.n, ctx.cp.m) ? enumerate(ctx) : capacityStart(ctx);
}

/**
 * The capacity-aware Min-Min start of `'local-search'` under budgets; when a
 * task fits nowhere, its `InfeasibleError` (same field, same message, saying
 * whether infeasibility is proved) with a note that it is local search's
 * start. @internal
 */
export function capacityStart(ctx: StrategyContext): StrategyResult {
  try {
    return runCapacityAware({ ...ctx, trace: false }, 'min-min');
  } catch (e) {
    if (e instanceof InfeasibleError) throw new InfeasibleError(e.fn, e.field, `${e.message} (strategy 'local-search' starts from this capacity-aware Min-Min)`);
    throw e;
  }
}

/** The enumeration of {@link budgetSearch}. */
function enumerate(ctx: StrategyContext): StrategyResult {
  const { cp, costModel } = ctx;
  const { n, m, exec, transfer, release, ready, demand, budget } = cp;
  const sequential = costModel === 'sequential';
  const asg = new Int32Array(n);
  const best = new Int32Array(n);
  const free = Float64Array.from(ready);
  const used = new Float64Array(m);
  let bestSpan = Infinity;
  let found = false;
  const rec = (i: number, span: number): void => {
    if (i === n) {
      if (!found || span < bestSpan) {
        found = true;
        bestSpan = span;
        best.set(asg);
      }
      return;
    }
    for (let j = 0; j < m; j++) {
      const p = transfer[i * m + j]! + exec[i * m + j]!;
      if (p === Infinity) continue;
      const u = used[j]!;
      const after = u + demand[i]!;
      if (budget[j]! < Infinity && !(after <= budget[j]!)) continue;
      const f0 = free[j]!;
      let s = release[i]!;
      if (sequential && f0 > s) s = f0;
      const f = s + p;
      const next = f > span ? f : span;
      if (found && next >= bestSpan) continue; // cannot beat the best (ties keep the first)
      used[j] = after;
      if (sequential) free[j] = f;
      asg[i] = j;
      rec(i + 1, next);
      used[j] = u;
      free[j] = f0;
    }
  };
  rec(0, 0);
  if (!found) return noFit(ctx);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const proof = !sequential || release.every((r) => r === 0);
  if (proof) return { assignment: best, order, trace: [], stoppedEarly: false, lowerBound: bestSpan, boundKind: 'exhaustive', iterations: 0 };
  // Release times: the run order matters; keep the capacity-aware start if it evaluates better.
  const ms = createMeasure(cp, costModel);
  const mine = measure(ms, best, order)[0]!;
  let start: StrategyResult | undefined;
  try {
    start = runCapacityAware({ ...ctx, trace: false }, 'min-min');
  } catch (e) {
    if (!(e instanceof InfeasibleError)) throw e;
    start = undefined; // the greedy start can fail where the enumeration found a fit
  }
  if (start !== undefined && measure(ms, start.assignment, start.order)[0]! < mine) return { ...start, trace: [], iterations: 0 };
  return { assignment: best, order, trace: [], stoppedEarly: false, iterations: 0 };
}

/**
 * No assignment keeps the budgets (the enumeration proved it): the
 * `InfeasibleError` names the task the capacity-aware Min-Min could not
 * place (`problem.tasks[i].demand`, as the list heuristics do) and says
 * that infeasibility is proved. Should that greedy succeed after all (its
 * budget sums run in another order, so rounding can differ), its result is
 * returned.
 */
function noFit(ctx: StrategyContext): StrategyResult {
  const { cp } = ctx;
  let start: StrategyResult;
  try {
    start = runCapacityAware({ ...ctx, trace: false }, 'min-min');
  } catch (e) {
    const k = e instanceof InfeasibleError ? /^problem\.tasks\[(\d+)\]\.demand$/.exec(e.field) : null;
    if (k === null) throw e;
    const i = Number(k[1]);
    return infeasible('solve', `problem.tasks[${i}].demand`, `(${cp.demand[i]!}) of task ${JSON.stringify(cp.taskIds[i]!)} cannot be placed within the device budgets: strategy 'local-search' enumerated all ${cp.m ** cp.n} assignments of the ${cp.n} tasks and none keeps every budget (the problem is infeasible)`);
  }
  return { ...start, trace: [], iterations: 0 };
}

/** The descent of {@link budgetSearch} from a start that keeps every budget. */
function descendWithin(ctx: StrategyContext, start: StrategyResult, t0: number): StrategyResult {
  const { cp } = ctx;
  const { n, m } = cp;
  const a = Int32Array.from(start.assignment);
  const order = start.order;
  const ms = createMeasure(cp, ctx.costModel);
  const critical = new Uint8Array(m);
  let v = measure(ms, a, order);
  let span = v[0]!;
  let flow = v[1]!;
  let iterations = 0;
  let stoppedEarly = false;
  const allowed = (i: number, j: number): boolean => cp.transfer[i * m + j]! + cp.exec[i * m + j]! < Infinity;
  // One evaluation: true when the current `a` keeps the changed devices' budgets and lowers (makespan, flowtime).
  const better = (j: number, k: number): boolean => {
    if (!fitsBudget(cp, a, order, j) || (k >= 0 && !fitsBudget(cp, a, order, k))) return false;
    v = measure(ms, a, order);
    if (v[0]! < span || (v[0]! === span && v[1]! < flow)) {
      span = v[0]!;
      flow = v[1]!;
      return true;
    }
    return false;
  };
  const spent = (): boolean => {
    if (iterations >= ctx.maxIterations || ((iterations & 63) === 0 && performance.now() - t0 >= ctx.timeLimitMs)) stoppedEarly = true;
    iterations++;
    return stoppedEarly;
  };
  search: for (;;) {
    // Devices holding a task that finishes at the makespan (the measure's finish times).
    critical.fill(0);
    v = measure(ms, a, order);
    for (let i = 0; i < n; i++) if (ms.finish[i] === span) critical[a[i]!] = 1;
    for (let i = 0; i < n; i++) {
      const from = a[i]!;
      if (critical[from] === 0) continue;
      for (let k = 0; k < m; k++) {
        if (k === from || !allowed(i, k)) continue;
        if (spent()) break search;
        a[i] = k;
        if (better(k, -1)) continue search;
        a[i] = from;
      }
    }
    for (let i = 0; i < n; i++) {
      const from = a[i]!;
      if (critical[from] === 0) continue;
      for (let q = 0; q < n; q++) {
        const to = a[q]!;
        if (to === from || !allowed(i, to) || !allowed(q, from)) continue;
        if (spent()) break search;
        a[i] = to;
        a[q] = from;
        if (better(to, from)) continue search;
        a[i] = from;
        a[q] = to;
      }
    }
    break; // local optimum: no move or swap improves
  }
  return { assignment: a, order, trace: [], stoppedEarly, iterations };
}

