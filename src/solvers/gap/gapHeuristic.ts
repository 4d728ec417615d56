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
import { State } from './gapSearchState.js';

/** Iterations without a new best before the search counts as converged: 50 per task, at least 5000. */
const STALL_MIN = 5000;
const STALL_PER_TASK = 50;

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
  /** Its cost (minimization form); Infinity when none. */
  readonly cost: number;
  readonly iterations: number;
  readonly stoppedEarly: boolean;
  /** True when some task has no allowed device (then no assignment exists). */
  readonly provedInfeasible: boolean;
  /** True when the assignment meets the capacity-free bound (so it is optimal). */
  readonly optimal: boolean;
}

/**
 * Regret-greedy under four desirability measures (cost, demand, demand /
 * budget, shifted cost × demand), then iterated local search from the best
 * start: perturb, descend, keep the best feasible, accept the new local
 * optimum when its penalized value is no worse (else return to the previous
 * one); λ grows while the search sits in infeasible space and decays
 * otherwise. Stops at the capacity-free bound (optimal), after
 * max(5000, 50n) iterations without a new best (converged), or at the
 * budgets (`stoppedEarly`).
 * @internal
 */
export function gapHeuristic(g: CompiledGap, limits: GapHeuristicLimits): GapHeuristicResult {
  const { n, m, cost, demand, budget, allowed } = g;
  for (let i = 0; i < n; i++) {
    let any = false;
    for (let j = 0; j < m; j++) if (allowed[i * m + j] === 1) any = true;
    if (!any) return { assignment: undefined, cost: Infinity, iterations: 0, stoppedEarly: false, provedInfeasible: true, optimal: false };
  }
  if (n === 0) return { assignment: new Int32Array(0), cost: 0, iterations: 0, stoppedEarly: false, provedInfeasible: false, optimal: true };
  const rng = createRng(limits.seed);
  // Scales: λ starts at (mean |cost|) / (mean demand), the cost of one unit of resource.
  let sumC = 0;
  let sumA = 0;
  let cnt = 0;
  let minC = Infinity;
  let maxC = -Infinity;
  for (let k = 0; k < n * m; k++) {
    if (allowed[k] === 0) continue;
    sumC += Math.abs(cost[k] as number);
    sumA += demand[k] as number;
    cnt++;
    minC = Math.min(minC, cost[k] as number);
    maxC = Math.max(maxC, cost[k] as number);
  }
  const lambda0 = Math.max(1e-9, sumC / cnt) / Math.max(1e-9, sumA / cnt);
  const eps = 1e-9 * Math.max(1, maxC - minC);
  const measures: Float64Array[] = [Float64Array.from(cost), Float64Array.from(demand), new Float64Array(n * m), new Float64Array(n * m)];
  for (let k = 0; k < n * m; k++) {
    const j = k % m;
    (measures[2] as Float64Array)[k] = (demand[k] as number) / Math.max(1e-12, budget[j] === Infinity ? 1 : (budget[j] as number));
    (measures[3] as Float64Array)[k] = ((cost[k] as number) - minC + 1) * ((demand[k] as number) + 1e-9);
  }
  let start: State | undefined;
  for (const f of measures) {
    const s = new State(g, regretGreedy(g, f));
    if (start === undefined || s.over < start.over || (s.over === start.over && s.cost < start.cost)) start = s;
  }
  const cur = start as State;
  const prev = new State(g, cur.asg);
  let lambda = lambda0;
  descend(g, cur, lambda, rng, eps);
  const best = new State(g, cur.asg);
  let found = best.over <= 0;
  // Σ_i min_j cost: reaching it proves optimality.
  let floor = 0;
  for (let i = 0; i < n; i++) {
    let lo = Infinity;
    for (let k = i * m; k < (i + 1) * m; k++) if (allowed[k] === 1 && (cost[k] as number) < lo) lo = cost[k] as number;
    floor += lo;
  }
  let iterations = 0;
  let stoppedEarly = false;
  // Converged: this many iterations in a row without a new best (found or not) end the search.
  const stall = Math.max(STALL_MIN, STALL_PER_TASK * n);
  let sinceBest = 0;
  while (!(found && best.cost <= floor + eps) && sinceBest < stall) {
    if (iterations >= limits.maxIterations) {
      stoppedEarly = true;
      break;
    }
    if (performance.now() >= limits.deadline) {
      stoppedEarly = true;
      break;
    }
    iterations++;
    sinceBest++;
    prev.copyFrom(cur);
    perturb(g, cur, rng, 2 + randomIndex(rng, Math.max(1, Math.min(n, 10))));
    descend(g, cur, lambda, rng, eps);
    if (cur.over <= 0 && (!found || cur.cost < best.cost - eps)) {
      const exact = new State(g, cur.asg); // exact sums: incremental updates may drift by an ulp
      if (exact.over <= 0 && (!found || exact.cost < best.cost)) {
        best.copyFrom(exact);
        found = true;
        sinceBest = 0;
      }
    }
    lambda = cur.over > 0 ? lambda * 1.1 : Math.max(lambda0 * 0.1, lambda * 0.98);
    if (cur.cost + lambda * cur.over > prev.cost + lambda * prev.over + eps && rng() > 0.02) cur.copyFrom(prev);
  }
  if (!found) return { assignment: undefined, cost: Infinity, iterations, stoppedEarly, provedInfeasible: false, optimal: false };
  return { assignment: best.asg, cost: best.cost, iterations, stoppedEarly, provedInfeasible: false, optimal: best.cost <= floor + eps };
}
