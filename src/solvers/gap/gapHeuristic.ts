/**
 * The GAP heuristic behind `solveGap(…, {method: 'heuristic'})`: regret-greedy
 * construction, then tabu search with shift and swap moves on a penalized
 * objective with adaptive per-device weights. No validation (the instance is compiled).
 * @internal
 * @module
 */
import { createRng, randomIndex } from '../../internal/random.js';
import type { CompiledGap } from './gap.js';
import { regretGreedy } from './gapGreedy.js';
import { descend, perturb, polish } from './gapMoves.js';
import { ElitePool, distance, relink } from './gapRelink.js';
import { TabuSearch } from './gapTabu.js';
import { costOf, everyTaskAtItsMinimum, exactlyFeasible, taskMinima } from './gapExactCheck.js';
import { scaleForSearch } from './gapScale.js';
import { State } from './gapSearchState.js';

/** Iterations without a new best before the search counts as converged: 500 per task, at least 20 000. */
const STALL_MIN = 20_000;
const STALL_PER_TASK = 500;
/** Tabu tenure: t = TENURE_MIN + ⌊n / TENURE_PER⌋, plus a random 0..t (short: tuned on gapc/gapd, where longer tenures did worse). */
const TENURE_MIN = 1;
const TENURE_PER = 100;
/** Iterations without a new best before a restart (path relinking): 10 per task, at least 500. */
const RESTART_MIN = 500;
const RESTART_PER_TASK = 10;
/** Penalty weights: × ALPHA_UP on an overloaded device, × ALPHA_DOWN on the others, every iteration. */
const ALPHA_UP = 1.1;
const ALPHA_DOWN = 0.95;
/** Elite pool of path relinking: the best distinct feasible solutions of the search phases. */
const ELITE_SIZE = 10;
/**
 * Longest ejection chain a step considers, in tasks (grown greedily from the step's best two-move chain). 8: at
 * 20 000 iterations, seeds 0-3, d20200 ended at 12343-12356 (two-move chains only: 12359-12371) and d10100-d20100
 * equal or lower on average; 16 was no better on d20100 and costs about 10% more time per step on d20200 (bench/GAP.md).
 */
const CHAIN_DEPTH = 8;
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
 * budget, shifted cost × demand), one penalized descent (cost + λ0 ·
 * overload) from the best start, then tabu search (Díaz & Fernández, EJOR
 * 132, 2001, §3; per-device weights as in Yagiura, Ibaraki & Glover,
 * INFORMS J. Comput. 16(2), 2004, §3.2): every iteration applies the best
 * admissible shift, swap or ejection chain on cost + Σ_j α_j ·
 * overload_j ({@link TabuSearch}; chains of two moves, or up to 8 tasks
 * grown greedily from the best two-move chain as in Yagiura, Ibaraki &
 * Glover 2004 §3.3), then grows the weights of overloaded
 * devices (the most overloaded × 1.1, the others in proportion to their
 * overload) or, when nothing is overloaded, shrinks all of them
 * (× 0.95). After max(500, 10n) iterations without a new best it restarts
 * by path relinking (Yagiura, Ibaraki & Glover, EJOR 169, 2006): the best
 * feasible state of the phase joins an elite pool (10 distinct feasible
 * solutions), and the search resumes halfway along the walk from one random
 * elite solution toward another ({@link relink}); while the pool holds
 * fewer than two, from the best, kicked by a few random shifts and swaps.
 * The memory and weights are reset at each restart. Every feasible state
 * cheaper than the best is polished by feasible descent before it is kept,
 * so no single feasible shift or swap improves the result. Stops when every
 * task sits on one of its cheapest devices (optimal, an exact proof), after
 * max(20 000, 500n) iterations without a new best (converged), or at the
 * budgets (`stoppedEarly`, with the reason; the clock is read every 16
 * iterations, every iteration above 4096 pairs, and only stops the run).
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
  const minima = taskMinima(g);
  let best: Int32Array | undefined;
  let bestCost = Infinity;
  let bestScaled = Infinity;
  let atMinimum = false;
  let sinceBest = 0;
  const scratch = new State(s, cur.asg);
  const pool = new ElitePool(ELITE_SIZE);
  /** Keeps `st` (polished by feasible descent) when it is exactly feasible and strictly cheaper on the input itself. */
  const consider = (st: State): void => {
    if (!(st.over <= OVER_SLACK)) return;
    if (best !== undefined && !(st.cost < bestScaled - 1e-12 * Math.abs(bestScaled))) return;
    scratch.copyFrom(st);
    polish(s, scratch);
    const cand = exactlyFeasible(g, scratch.asg) ? scratch : st;
    if (!exactlyFeasible(g, cand.asg)) return;
    const c = costOf(g, cand.asg);
    if (best !== undefined && !(c < bestCost)) return;
    best = Int32Array.from(cand.asg);
    bestCost = c;
    bestScaled = cand.cost;
    pool.offer(best, bestScaled);
    atMinimum = everyTaskAtItsMinimum(g, best, minima);
    sinceBest = 0;
  };
  consider(cur); // the greedy start itself, before the descent may trade feasibility for cost
  descend(s, cur, lambda0, rng);
  consider(cur);
  const tabu = new TabuSearch(s, lambda0, CHAIN_DEPTH);
  // The best feasible state of the current phase (between restarts), offered to the pool at the restart.
  const phaseBest = new Int32Array(n);
  let phaseBestCost = Infinity;
  const bestState = new State(s, cur.asg);
  const tenureBase = TENURE_MIN + Math.floor(n / TENURE_PER);
  const restartAfter = Math.max(RESTART_MIN, RESTART_PER_TASK * n);
  let sinceRestart = 0;
  const clockMask = n * m > 4096 ? 0 : 15;
  let iterations = 0;
  let stoppedBy: 'time' | 'iterations' | undefined;
  // Converged: this many iterations in a row without a new best (found or not) end the search.
  const stall = Math.max(STALL_MIN, STALL_PER_TASK * n);
  while (!atMinimum && sinceBest < stall) {
    if (iterations >= limits.maxIterations) {
      stoppedBy = 'iterations';
      break;
    }
    // The clock is read every 16 iterations on small instances, every iteration above 4096 pairs (and before the first): it can only stop the run, never steer it.
    if ((iterations & clockMask) === 0 && performance.now() >= limits.deadline) {
      stoppedBy = 'time';
      break;
    }
    iterations++;
    sinceBest++;
    sinceRestart++;
    const before = bestCost;
    if (!tabu.step(cur, iterations, tenureBase + randomIndex(rng, tenureBase + 1), bestScaled)) tabu.reset();
    tabu.adapt(cur, ALPHA_UP, ALPHA_DOWN);
    consider(cur);
    if (cur.over <= OVER_SLACK && cur.cost < phaseBestCost) {
      phaseBest.set(cur.asg);
      phaseBestCost = cur.cost;
    }
    if (bestCost < before) sinceRestart = 0;
    else if (sinceRestart >= restartAfter && best !== undefined) {
      // Diversify: path relinking between two elite solutions (the midpoint of the walk from one toward the other),
      // or, while the pool holds fewer than two, the best solution kicked; then a fresh memory.
      sinceRestart = 0;
      if (phaseBestCost < Infinity) pool.offer(phaseBest, phaseBestCost);
      phaseBestCost = Infinity;
      const size = pool.members.length;
      if (size >= 2) {
        const a = randomIndex(rng, size);
        let b = randomIndex(rng, size - 1);
        if (b >= a) b++;
        const from = pool.members[a] as Int32Array;
        const to = pool.members[b] as Int32Array;
        bestState.asg.set(from);
        bestState.recompute();
        cur.copyFrom(bestState);
        relink(s, cur, to, tabu.alpha, Math.floor(distance(from, to) / 2));
      } else {
        bestState.asg.set(best);
        bestState.recompute();
        cur.copyFrom(bestState);
        perturb(s, cur, rng, 2 + randomIndex(rng, Math.max(1, Math.ceil(n / 10))));
      }
      tabu.reset();
    }
  }
  const stoppedEarly = stoppedBy !== undefined;
  if (best === undefined) return { assignment: undefined, cost: Infinity, iterations, stoppedEarly, stoppedBy, provedInfeasible: false, optimal: false };
  return { assignment: best, cost: bestCost, iterations, stoppedEarly, stoppedBy, provedInfeasible: false, optimal: atMinimum };
}
