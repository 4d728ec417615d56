/**
 * Makespan local search from Min-Min: strategy `'local-search'`.
 * @module
 */
import { Deadline } from '../../internal/deadline.js';
import { createRng } from '../../internal/random.js';
import { evaluateCompiled } from '../../schedule/evaluate.js';
import { lowerBoundCompiled } from '../../schedule/lowerBound.js';
import { Loads, makespanOf, restore } from './makespanLoads.js';
import { anneal, descend, descendOverflow } from './makespanMoves.js';
import { nearestDevices, pricedStart } from './pricedStart.js';
import { mct } from '../heuristics/mct.js';
import { minMinUntil } from '../heuristics/min-min.js';
import { budgetsMatter } from '../heuristics/capacityAware.js';
import { budgetSearch, enumerable } from './budgetSearch.js';
import type { CompiledProblem } from '../../problem/types.js';
import type { BoundKind, Strategy, StrategyContext, StrategyResult } from '../registry.js';

/** Price rounds of the LP-like start (`pricedStart`): 40 per task, within [100, 20 000]. */
const priceRounds = (n: number): number => Math.min(20_000, Math.max(100, 40 * n));
/** μ: weight of total work next to the overflow (tuned on the Braun instances). */
const WORK_WEIGHT = 0.05;
/** Annealing proposals per target attempt: 400 per task, within [20 000, 200 000]. */
const annealSteps = (n: number): number => Math.min(200_000, Math.max(20_000, 400 * n));
/** Devices per task that annealing may send it to (its nearest by LP-priced time; tuned on the Braun instances). */
const NEAR = 4;
/** Failed attempts before the target step δ is halved. */
const PATIENCE = 3;
/** Times δ may run from 1% down to 1e-5 without success before the search stops (converged). */
const MAX_CYCLES = 4;

/**
 * Makespan search for R‖Cmax (sequential model), in three stages:
 * 1. start: Min-Min (MCT if the clock cuts Min-Min: the limit covers the
 *    start), polished by the critical descent; replaced by a priced start
 *    (`pricedStart`, 40 price rounds per task, within [100, 20 000]) when
 *    that is better. The priced start always has its full round count,
 *    whatever `maxIterations` (0 included: the start and its Lagrangian
 *    bound, no search);
 * 2. target search, one iteration per attempt: ask for a makespan t = δ below
 *    the best (δ = 1% at first), push the overflow Σ_j max(0, load_j − t) to
 *    0 by the overflow descent, then by simulated annealing (400 random
 *    moves and swaps per task, 20 000 to 200 000; a move sends a task only
 *    to one of its 4 devices of least LP-priced time w_j·p_ij, the size
 *    reduction of Fanjul-Peyro & Ruiz 2011, "Size-reduction heuristics for
 *    the unrelated parallel machines scheduling problem", Section 3, with
 *    the priced start's prices w); on success the critical
 *    descent polishes the new best and the next target is lower; after 3
 *    failures δ halves (back to 1% below 1e-5); every attempt starts from
 *    the best;
 * 3. stop at the lower bound (the larger of the combinatorial bound and the
 *    Lagrangian bound the priced start proves), after 4 unsuccessful runs of δ down to 1e-5
 *    (converged: `stoppedEarly` false), or at `maxIterations` attempts
 *    (`stoppedEarly` true).
 * Every phase is bounded by its own work count (Min-Min, the descents,
 * the price rounds, the attempts and their annealing steps), so the
 * answer depends on the input and the seed only. `timeLimitMs` is a safety
 * net over the whole run, one deadline read by every phase: if it cuts any
 * phase (even one whose failure then ends the search as converged),
 * `stoppedEarly` is true and the answer may depend on the machine's load;
 * if it cuts none, the answer is the same on every run.
 * Problems with at most 2^15 assignments (m^n) are enumerated instead; with
 * no release times that proves the optimum (bound kind `'exhaustive'`, gap 0).
 * Loads are ready_j + Σ (transfer + exec): the sequential makespan when
 * every release is 0 (with releases the search optimizes that release-free
 * makespan and keeps its start if that evaluates better). Under the
 * `'independent'` model each task takes its fastest device (exact).
 * When some budget is finite and some demand positive, `budgetSearch`
 * runs instead (budgets kept throughout).
 */
function run(ctx: StrategyContext): StrategyResult {
  const { cp } = ctx;
  const { n, m, exec, transfer, ready } = cp;
  // Budgets that can bind: the search that keeps them (capacity-aware start, no move or swap over a budget).
  if (budgetsMatter(cp)) return budgetSearch(ctx);
  if (ctx.costModel === 'independent') return fastestDevices(ctx);
  // One deadline for every phase; the clock only cuts (a safety net): each phase is bounded by
  // its own work count, and `clock.expired` records whether the clock cut any of them.
  const clock = Deadline.after(ctx.timeLimitMs);
  // The limit covers the start too: Min-Min, or MCT's one pass if the clock cuts Min-Min.
  const quiet = { ...ctx, trace: false };
  const minMin = minMinUntil(quiet, clock.at);
  const minMinCut = minMin === undefined;
  const init = minMin ?? mct.run(quiet);
  let lowerBound = lowerBoundCompiled(cp, 'sequential');
  if (n === 0 || m === 1) {
    return { assignment: init.assignment, order: init.order, trace: [], stoppedEarly: minMinCut, lowerBound, iterations: 0 };
  }
  const p = new Float64Array(n * m);
  for (let q = 0; q < n * m; q++) p[q] = (transfer[q] as number) + (exec[q] as number);
  if (enumerable(n, m)) {
    // Tiny: enumerate every assignment (exact for the load makespan, instant, no randomness).
    const best = exhaustive(n, m, p, ready);
    const out = finish(ctx, init.assignment, init.order, best, minMinCut, lowerBound, 0);
    // Without release times the load makespan is the sequential makespan: the enumeration proves the optimum.
    return cp.release.every((r) => r === 0) ? { ...out, lowerBound: evaluateCompiled(cp, out.assignment, 'sequential', out.order).metrics.makespan, boundKind: 'exhaustive' } : out;
  }
  const rng = createRng(ctx.seed);
  const cur = new Loads(n, m, p, ready, init.assignment);
  descend(cur, clock);
  let curSpan = makespanOf(cur);
  // Its own fixed round count whatever maxIterations says (0 included): the start and its bound.
  const priced = pricedStart(n, m, p, ready, priceRounds(n), clock);
  // The prices also give a Lagrangian (LP-dual) bound, usually far above the combinatorial one.
  let boundKind: BoundKind = 'combinatorial';
  if (priced.bound > lowerBound) {
    lowerBound = priced.bound;
    boundKind = 'lagrangian';
  }
  if (priced.span < curSpan) {
    restore(cur, priced.asg);
    curSpan = priced.span;
  }
  const best = Int32Array.from(cur.asg);
  let bestSpan = curSpan;
  let iterations = 0;
  let stoppedEarly = false;
  // Target search: ask for a makespan δ below the best and push the overflow
  // to 0 (descent, then annealing); on success lower the target again, after
  // PATIENCE failures halve δ; every attempt starts from the best.
  let delta = 0.01;
  let fails = 0;
  let cycles = 0;
  const steps = annealSteps(n);
  // Size reduction (Fanjul-Peyro & Ruiz 2011): annealing sends a task only to its NEAR devices of least priced time.
  const near = nearestDevices(n, m, p, priced.prices, NEAR);
  let meanP = 0;
  for (let i = 0; i < n; i++) meanP += p[i * m + (cur.asg[i] as number)] as number;
  meanP /= n;
  while (bestSpan > lowerBound) {
    if (iterations >= ctx.maxIterations || clock.passed()) {
      stoppedEarly = true;
      break;
    }
    iterations++;
    const target = Math.max(lowerBound, bestSpan * (1 - delta));
    let left = descendOverflow(cur, target, WORK_WEIGHT, clock);
    if (left > 0) left = anneal(cur, target, WORK_WEIGHT, rng, steps, meanP * 0.05, clock, near);
    if (left <= 0) {
      descend(cur, clock);
      bestSpan = makespanOf(cur);
      best.set(cur.asg);
      fails = 0;
      cycles = 0;
      continue;
    }
    fails++;
    if (fails >= PATIENCE) {
      delta /= 2;
      fails = 0;
      if (delta < 1e-5) {
        delta = 0.01;
        if (++cycles >= MAX_CYCLES) break; // converged: no target below the best is reachable
      }
    }
    restore(cur, best);
  }
  // A phase the clock cut (even one whose failure then ended the search as converged) makes the run clock-dependent.
  if (minMinCut || clock.expired) stoppedEarly = true;
  return { ...finish(ctx, init.assignment, init.order, best, stoppedEarly, lowerBound, iterations), boundKind };
}

/**
 * The `'sequential'` makespan of an assignment run in `order`, with the same
 * floating-point operations as `evaluateCompiled` but no schedule objects.
 * O(n + m).
 */
function sequentialMakespan(cp: CompiledProblem, assignment: Int32Array, order: Int32Array): number {
  const { m, exec, transfer, release } = cp;
  const free = cp.ready.slice();
  let makespan = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const j = assignment[i]!;
    const p = transfer[i * m + j]! + exec[i * m + j]!;
    const r = release[i]!;
    const s = free[j]! > r ? free[j]! : r;
    const f = s + p;
    free[j] = f;
    if (f > makespan) makespan = f;
  }
  return makespan;
}

/**
 * The result, in the start's mapping order (any per-device order gives the
 * same loads). With release times the loads are only an estimate: the start
 * is kept when it evaluates better, so the search never returns worse than
 * its start.
 */
function finish(
  ctx: StrategyContext, start: Int32Array, order: Int32Array, best: Int32Array, stoppedEarly: boolean, lowerBound: number, iterations: number,
): StrategyResult {
  const before = sequentialMakespan(ctx.cp, start, order);
  const after = sequentialMakespan(ctx.cp, best, order);
  const assignment = after <= before ? best : start;
  return { assignment, order, trace: [], stoppedEarly, lowerBound, iterations };
}

/**
 * The assignment of least load makespan (max over used devices of ready +
 * Σ p) among all m^n, by depth-first enumeration with incremental loads;
 * the first in lexicographic order on ties. Forbidden pairs are skipped.
 */
function exhaustive(n: number, m: number, p: Float64Array, ready: Float64Array): Int32Array {
  const asg = new Int32Array(n);
  const best = new Int32Array(n);
  const load = Float64Array.from(ready);
  const count = new Int32Array(m);
  let bestSpan = Infinity;
  const rec = (i: number): void => {
    if (i === n) {
      let span = 0;
      for (let j = 0; j < m; j++) if ((count[j] as number) > 0 && (load[j] as number) > span) span = load[j] as number;
      if (span < bestSpan) {
        bestSpan = span;
        best.set(asg);
      }
      return;
    }
    for (let j = 0; j < m; j++) {
      const pij = p[i * m + j] as number;
      if (pij === Infinity) continue;
      const before = load[j] as number;
      load[j] = before + pij;
      count[j] = (count[j] as number) + 1;
      asg[i] = j;
      rec(i + 1);
      load[j] = before;
      count[j] = (count[j] as number) - 1;
    }
  };
  rec(0);
  return best;
}

/**
 * Under the `'independent'` model tasks never wait, so the makespan
 * max_i (release_i + p_ij) is minimized exactly by giving each task its
 * fastest device (lowest index on ties); the bound is then met.
 */
function fastestDevices(ctx: StrategyContext): StrategyResult {
  const { n, m, exec, transfer } = ctx.cp;
  const assignment = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let bp = Infinity;
    for (let j = 0; j < m; j++) {
      const p = (transfer[i * m + j] as number) + (exec[i * m + j] as number);
      if (p < bp) {
        bp = p;
        assignment[i] = j;
      }
    }
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  return { assignment, order, trace: [], stoppedEarly: false, lowerBound: lowerBoundCompiled(ctx.cp, 'independent'), iterations: 0 };
}


/**
 * Strategy `'local-search'`: makespan search from Min-Min and an LP-priced
 * start, by descent and annealing toward ever lower target makespans, the
 * annealing restricted to each task's 4 devices of least LP-priced time
 * (Fanjul-Peyro & Ruiz 2011, Section 3; see `run`); seeded, bounded by work counts and
 * `maxIterations` (search attempts), with `timeLimitMs` as a safety net that sets `stoppedEarly`; reports its
 * own bound: the optimum on enumerated tiny instances (`'exhaustive'`), else
 * the larger of the combinatorial bound and the Lagrangian bound of its
 * prices (`'lagrangian'`, at most the LP bound, which `makespanLpBound`
 * computes asynchronously when `highs` is installed). Optimizes the makespan;
 * `solve` sends the other objectives to the objective-aware search
 * (`runObjectiveStrategy`). With budgets that can bind it keeps them
 * (`budgetSearch`).
 * @internal
 */
export const localSearch: Strategy = {
  name: 'local-search',
  summary: 'Makespan search from Min-Min and an LP-priced start: descent and annealing toward ever lower target makespans; seeded, bounded by timeLimitMs and maxIterations.',
  run,
};
