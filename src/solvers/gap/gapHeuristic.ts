/**
 * The GAP heuristic behind `solveGap(…, {method: 'heuristic'})`: regret-greedy
 * construction, then iterated local search with shift and swap moves on a
 * penalized objective. No validation (the instance is compiled).
 * @internal
 * @module
 */
import { createRng, randomIndex } from '../../internal/random.js';
import type { CompiledGap } from './gap.js';
import { regretGreedy } from './gapGreedy.js';
import { descend, perturb } from './gapMoves.js';
import { costOf, everyTaskAtItsMinimum, exactlyFeasible, taskMinima } from './gapExactCheck.js';
import { scaleForSearch } from './gapScale.js';
import { State } from './gapSearchState.js';

/** Iterations without a new best before the search counts as converged: 50 per task, at least 5000. */
const STALL_MIN = 5000;
const STALL_PER_TASK = 50;
/** Overload (in budget units: budgets are scaled to [1/2, 1)) below which a state is re-checked exactly. */
const OVER_SLACK = 1e-12;

/** Budgets of {@link gapHeuristic}. @internal */
export interface GapHeuristicLimits {
  readonly seed: number;
  /** `performance.now()` value at which to stop. */
  readonly deadline: number;
  readonly maxIterations: number;
}

/** What {@link gapHeuristic} found. @internal */
export interface GapHeuristicResult {
  /** Best feasible assignment, or undefined when none was found. */
  readonly assignment: Int32Array | undefined;
  /** Its cost on the input (minimization form, summed in task order); Infinity when none. */
  readonly cost: number;
  readonly iterations: number;
  readonly stoppedEarly: boolean;
  /** What stopped it early, if anything. */
  readonly stoppedBy: 'time' | 'iterations' | undefined;
  /** True when some task has no allowed device (then no assignment exists). */
  readonly provedInfeasible: boolean;
  /** True when every task sits on one of its cheapest devices (so the assignment is optimal: an exact proof). */
  readonly optimal: boolean;
}

/**
 * Regret-greedy under four desirability measures (cost, demand, demand /
 * budget, shifted cost × demand), then iterated local search from the best
 * start: perturb, descend, keep the best feasible, accept the new local
 * optimum when its penalized value is no worse (else return to the previous
 * one); λ grows while the search sits in infeasible space and decays
 * otherwise (within [λ0/10, λ0·10^9]). Stops when every task sits on one of
 * its cheapest devices (optimal, an exact proof), after max(5000, 50n)
 * iterations without a new best (converged), or at the budgets
 * (`stoppedEarly`, with the reason).
 *
 * The search runs on `scaleForSearch(g)` (powers of two: costs within
 * [−1, 1], each budget in [1/2, 1)), so no magnitude of the input can
 * overflow its penalties; every candidate best is re-checked on `g` itself
 * with exact budget sums and compared by its exact-input cost. Moves are
 * taken when they improve by more than 1e-12 of the magnitudes they compare
 * (never by a tolerance scaled to the range of all costs).
 * @internal
 */
export function gapHeuristic(g: CompiledGap, limits: GapHeuristicLimits): GapHeuristicResult {
  const { n, m, allowed } = g;
  for (let i = 0; i < n; i++) {
    let any = false;
    for (let j = 0; j < m; j++) if (allowed[i * m + j] === 1) any = true;
    if (!any) return { assignment: undefined, cost: Infinity, iterations: 0, stoppedEarly: false, stoppedBy: undefined, provedInfeasible: true, optimal: false };
  }
  if (n === 0) return { assignment: new Int32Array(0), cost: 0, iterations: 0, stoppedEarly: false, stoppedBy: undefined, provedInfeasible: false, optimal: true };
  const s = scaleForSearch(g);
  const { cost, demand, budget } = s;
  const rng = createRng(limits.seed);
  // Scales: λ starts at (mean |cost|) / (mean demand), the cost of one unit of resource.
  let sumC = 0;
  let sumA = 0;
  let cnt = 0;
  let minC = Infinity;
  for (let k = 0; k < n * m; k++) {
    if (allowed[k] === 0) continue;
    sumC += Math.abs(cost[k] as number);
    sumA += demand[k] as number;
    cnt++;
    minC = Math.min(minC, cost[k] as number);
  }
  const lambda0 = Math.max(1e-9, sumC / cnt) / Math.max(1e-9, sumA / cnt);
  const measures: Float64Array[] = [Float64Array.from(cost), Float64Array.from(demand), new Float64Array(n * m), new Float64Array(n * m)];
  for (let k = 0; k < n * m; k++) {
    const j = k % m;
    (measures[2] as Float64Array)[k] = (demand[k] as number) / Math.max(1e-12, budget[j] === Infinity ? 1 : (budget[j] as number));
    (measures[3] as Float64Array)[k] = ((cost[k] as number) - minC + 1) * ((demand[k] as number) + 1e-9);
  }
  let start: State | undefined;
  for (const f of measures) {
    const st = new State(s, regretGreedy(s, f));
    if (start === undefined || st.over < start.over || (st.over === start.over && st.cost < start.cost)) start = st;
  }
  const cur = start as State;
  const prev = new State(s, cur.asg);
  let lambda = lambda0;
  descend(s, cur, lambda, rng);
  const minima = taskMinima(g);
  let best: Int32Array | undefined;
  let bestCost = Infinity;
  let atMinimum = false;
  /** Keeps `cur` when it is exactly feasible and strictly cheaper on the input itself. */
  const consider = (): void => {
    if (!(cur.over <= OVER_SLACK)) return;
    if (best !== undefined && !(cur.cost <= bestScaled + 1e-12 * Math.abs(bestScaled) + 1e-300)) return;
    if (!exactlyFeasible(g, cur.asg)) return;
    const c = costOf(g, cur.asg);
    if (best !== undefined && !(c < bestCost)) return;
    best = Int32Array.from(cur.asg);
    bestCost = c;
    bestScaled = cur.cost;
    atMinimum = everyTaskAtItsMinimum(g, best, minima);
    sinceBest = 0;
  };
  let bestScaled = Infinity;
  let sinceBest = 0;
  consider();
  let iterations = 0;
  let stoppedBy: 'time' | 'iterations' | undefined;
  // Converged: this many iterations in a row without a new best (found or not) end the search.
  const stall = Math.max(STALL_MIN, STALL_PER_TASK * n);
  while (!atMinimum && sinceBest < stall) {
    if (iterations >= limits.maxIterations) {
      stoppedBy = 'iterations';
      break;
    }
    if (performance.now() >= limits.deadline) {
      stoppedBy = 'time';
      break;
    }
    iterations++;
    sinceBest++;
    prev.copyFrom(cur);
    perturb(s, cur, rng, 2 + randomIndex(rng, Math.max(1, Math.min(n, 10))));
    descend(s, cur, lambda, rng);
    consider();
    lambda = cur.over > 0 ? Math.min(lambda0 * 1e9, lambda * 1.1) : Math.max(lambda0 * 0.1, lambda * 0.98);
    const a = cur.cost + lambda * cur.over;
    const b = prev.cost + lambda * prev.over;
    if (a > b + 1e-12 * (Math.abs(a) + Math.abs(b)) && rng() > 0.02) cur.copyFrom(prev);
  }
  const stoppedEarly = stoppedBy !== undefined;
  if (best === undefined) return { assignment: undefined, cost: Infinity, iterations, stoppedEarly, stoppedBy, provedInfeasible: false, optimal: false };
  return { assignment: best, cost: bestCost, iterations, stoppedEarly, stoppedBy, provedInfeasible: false, optimal: atMinimum };
}
