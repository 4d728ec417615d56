/**
 * NSGA-II (Deb, Pratap, Agarwal, Meyarivan 2002, IEEE TEC 6(2)) on
 * assignments: the search behind `paretoFront(…, {method: 'nsga2'})`. No
 * validation here.
 * @internal
 * @module
 */
import type { CompiledProblem } from '../problem/types.js';
import { createRng, randomIndex, type Rng } from '../internal/random.js';
import type { CostModel } from '../schedule/types.js';
import { Archive } from './archive.js';
import type { Deadline } from '../internal/deadline.js';
import { totalOverrun } from './budgets.js';
import { allowedDevices, dominanceDescent, type Allowed } from './memetic.js';
import { ObjectiveEvaluator } from './objectiveEvaluator.js';
import { crowdingDistance, fastNonDominatedSort } from './ranking.js';
import type { ParetoObjective } from './types.js';

/** Tuning of {@link nsga2Compiled}. @internal */
export interface Nsga2Settings {
  readonly populationSize: number;
  readonly maxGenerations: number;
  /** The call's deadline: every stage stops where it is when it passes. */
  readonly deadline: Deadline;
  /**
   * The caller's work per returned assignment afterwards (its exact
   * evaluation; pure, its result unused here): timed now and then, so that
   * the time it will take on the archive is kept back from the deadline.
   */
  readonly finish: (asg: Int32Array) => void;
  readonly seed: number;
  /** Probability that a child is a uniform crossover of its two parents (else a copy of the first). */
  readonly crossoverRate: number;
  /** Whether device budgets bind: constrained domination in the ranking, and only within-budget assignments in the archive. */
  readonly budgets?: boolean;
}

/** Where the deadline stopped {@link nsga2Compiled}. @internal */
export type Nsga2Stage = 'first population' | 'memetic start' | 'generation' | 'memetic end' | 'Pareto local search';

/** Outcome of {@link nsga2Compiled}: the non-dominated assignments found, in no particular order. @internal */
export interface Nsga2Outcome {
  readonly assignments: Int32Array[];
  /** Generations completed. */
  readonly generations: number;
  readonly stoppedEarly: boolean;
  /** The stage the deadline stopped, when it did. */
  readonly stoppedIn: Nsga2Stage | undefined;
}

/** Evaluation work (evaluations × n·(m + 1)) of one dominance descent: about 1200 evaluations on 1000 × 16. */
const DESCENT_WORK = 2e7;
/** At least this many evaluations per descent (small instances converge far sooner). */
const MIN_DESCENT_EVALUATIONS = 1000;
/** Evaluation work (evaluations × n·(m + 1)) between two clock reads: about 0.1 ms, whatever the size. */
const CLOCK_WORK = 1 << 16;
/** `finish` is timed on the seeds, then on one archive point every this many generations, */
const FINISH_SAMPLE_GENERATIONS = 5;
/** the estimate per point being the median of the last this many timings, */
const FINISH_SAMPLES = 9;
/** times this margin (the final pass allocates every point's arrays, so it also pays for garbage collection: measured 1.4× the median on a loaded 1000 × 16 run). */
const FINISH_MARGIN = 2.5;

/**
 * Runs NSGA-II from `initial` assignments (valid and allowed; extra ones
 * beyond the population size are ignored, duplicates skipped), filling the
 * rest of the first population at random. Each generation: N children by
 * binary tournament (lower rank, then larger crowding distance, then lower
 * index), uniform crossover with probability `crossoverRate`, and one
 * mutation (a random task moved to a random allowed device); then the best
 * N of parents ∪ children by rank and crowding. Memetic steps (not part of
 * Deb et al. 2002): before the first generation the population's best member
 * on each objective, and after the last the archive's best point on each,
 * are improved by `dominanceDescent` (memetic.ts) within a fixed evaluation
 * budget. Then a Pareto local search:
 * the single-task moves of up to 2N archive points (in archive order, each
 * point once, at most G·N evaluations in all) are offered to the archive.
 * Returns the non-dominated set of every assignment evaluated (an archive),
 * not only the last population.
 *
 * The deadline is read about every 2^16 / (n·(m + 1)) evaluations (about
 * 0.1 ms of work) in every stage: the first population's random members
 * (the `initial` ones are always evaluated), the descents, each child of a
 * generation, the Pareto local search. It keeps back, per archive point, the
 * time `finish` took (median of its recent timings, × 2.5) for the caller's
 * final evaluation. When it passes, the
 * search stops where it is and returns the archive so far; the clock only
 * cuts, so a run that finishes first gives the same output as with no
 * limit.
 *
 * Complexity: O(G · (N·c + M·N²)) for G generations, population N, M
 * objectives and c the cost of one evaluation (O(n) or O(n·m)).
 * @internal
 */
export function nsga2Compiled(cp: CompiledProblem, objectives: readonly ParetoObjective[], costModel: CostModel, initial: readonly ArrayLike<number>[], s: Nsga2Settings): Nsga2Outcome {
  const { n } = cp;
  const N = s.populationSize;
  const M = objectives.length;
  const evaluator = new ObjectiveEvaluator(cp, objectives, costModel);
  const rng = createRng(s.seed);
  const allowed = allowedDevices(cp);
  const archive = new Archive();
  // Budgets: each pool member's total overrun (0 = within budgets exactly); only feasible
  // assignments enter the archive, so every point returned is within budgets.
  const budgets = s.budgets === true;
  const loadScratch = new Float64Array(cp.m);
  const overrun = (asg: Int32Array): number => (budgets ? totalOverrun(cp, asg, loadScratch) : 0);
  const offer = (v: Float64Array, asg: Int32Array, over = overrun(asg)): void => {
    if (over === 0) archive.offer(v, asg);
  };
  const stride = Math.max(1, Math.floor(CLOCK_WORK / Math.max(1, n * (cp.m + 1))));
  // The time the caller's final pass will take, kept back from the deadline: timed under the
  // same load and compiler state as that pass will run in (the timings never steer the search).
  const samples: number[] = [];
  let finishMsPerPoint = 0;
  const sampleFinish = (asg: Int32Array): void => {
    const t = performance.now();
    s.finish(asg);
    samples.push(performance.now() - t);
    if (samples.length > FINISH_SAMPLES) samples.shift();
    const sorted = samples.slice().sort((x, y) => x - y);
    finishMsPerPoint = FINISH_MARGIN * sorted[sorted.length >> 1]!;
  };
  const late = (): boolean => s.deadline.tick(stride, finishMsPerPoint * archive.vectors.length);
  const stop = (stage: Nsga2Stage, generations: number): Nsga2Outcome => ({ assignments: archive.assignments.slice(), generations, stoppedEarly: true, stoppedIn: stage });

  // Population: parents at 0..N−1, children at N..2N−1 of `pool` and `values`.
  const pool: Int32Array[] = [];
  const seen = new Set<string>();
  for (const a of initial) {
    if (pool.length >= N) break;
    const asg = Int32Array.from(a);
    const key = asg.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    pool.push(asg);
  }
  const seeded = pool.length;
  for (const asg of pool.slice(0, FINISH_SAMPLES)) sampleFinish(asg);
  while (pool.length < N) pool.push(randomAssignment(rng, n, allowed));
  for (let c = 0; c < N; c++) pool.push(new Int32Array(n));
  const values = new Float64Array(2 * N * M);
  const rank = new Int32Array(2 * N);
  const viol = new Float64Array(2 * N);
  const violation = budgets ? viol : undefined;
  const crowd = new Float64Array(2 * N);
  const vec = new Float64Array(M);
  const record = (k: number): void => {
    evaluator.evaluate(pool[k]!, values, k * M);
    vec.set(values.subarray(k * M, k * M + M));
    viol[k] = overrun(pool[k]!);
    offer(vec, pool[k]!, viol[k]);
  };
  for (let k = 0; k < N; k++) {
    if (k >= seeded && late()) return stop('first population', 0);
    record(k);
  }
  // Memetic start (not part of Deb et al. 2002): the population's best member on each objective
  // (lowest index on ties) improved in place by the dominance descent.
  const descentBudget = Math.max(MIN_DESCENT_EVALUATIONS, Math.floor(DESCENT_WORK / Math.max(1, n * (cp.m + 1))));
  for (let d = 0; d < M; d++) {
    // With budgets: the least overrun first (a feasible member when there is one), then the objective.
    let best = 0;
    for (let k = 1; k < N; k++) if (viol[k]! < viol[best]! || (viol[k] === viol[best] && values[k * M + d]! < values[best * M + d]!)) best = k;
    const v = values.subarray(best * M, best * M + M);
    const before = budgets ? pool[best]!.slice() : undefined;
    const vBefore = v.slice();
    dominanceDescent(cp, evaluator, objectives, costModel, allowed, pool[best]!, v, descentBudget, late, budgets ? overrun : undefined);
    const after = overrun(pool[best]!);
    if (before !== undefined && after > viol[best]!) {
      // The descent ignores budgets: a result with more overrun is undone.
      pool[best]!.set(before);
      v.set(vBefore);
    } else {
      viol[best] = after;
      offer(v, pool[best]!, after);
    }
    if (late()) return stop('memetic start', 0);
  }
  {
    const { rank: r, fronts } = fastNonDominatedSort(values, N, M, violation);
    rank.set(r);
    for (const front of fronts) crowdingDistance(values, M, front, crowd);
  }

  let generations = 0;
  const better = (a: number, b: number): number => (rank[a]! !== rank[b]! ? (rank[a]! < rank[b]! ? a : b) : crowd[a]! !== crowd[b]! ? (crowd[a]! > crowd[b]! ? a : b) : Math.min(a, b));
  const tournament = (): number => better(randomIndex(rng, N), randomIndex(rng, N));
  for (; generations < s.maxGenerations; generations++) {
    if (generations % FINISH_SAMPLE_GENERATIONS === 0 && archive.assignments.length > 0) sampleFinish(archive.assignments[(generations / FINISH_SAMPLE_GENERATIONS) % archive.assignments.length]!);
    for (let c = 0; c < N; c++) {
      if (late()) return stop('generation', generations);
      const child = pool[N + c]!;
      const p1 = pool[tournament()]!;
      const p2 = pool[tournament()]!;
      if (rng() < s.crossoverRate) {
        for (let i = 0; i < n; i++) child[i] = rng() < 0.5 ? p1[i]! : p2[i]!;
      } else {
        child.set(p1);
      }
      if (n > 0) {
        const i = randomIndex(rng, n);
        const from = allowed.start[i]!;
        child[i] = allowed.devices[from + randomIndex(rng, allowed.start[i + 1]! - from)]!;
      }
      record(N + c);
    }
    // Environmental selection over parents ∪ children.
    const { rank: r, fronts } = fastNonDominatedSort(values, 2 * N, M, violation);
    const chosen: number[] = [];
    const dist = new Float64Array(2 * N);
    for (const front of fronts) {
      crowdingDistance(values, M, front, dist);
      if (chosen.length + front.length <= N) {
        chosen.push(...front);
      } else {
        const rest = front.slice().sort((x, y) => (dist[y]! > dist[x]! ? 1 : dist[y]! < dist[x]! ? -1 : x - y));
        chosen.push(...rest.slice(0, N - chosen.length));
      }
      if (chosen.length >= N) break;
    }
    chosen.sort((x, y) => x - y);
    const nextPool = chosen.map((k) => pool[k]!);
    const nextValues = new Float64Array(2 * N * M);
    const nextViol = new Float64Array(2 * N);
    chosen.forEach((k, t) => {
      nextViol[t] = viol[k]!;
      nextValues.set(values.subarray(k * M, k * M + M), t * M);
      rank[t] = r[k]!;
      crowd[t] = dist[k]!;
    });
    const isChosen = new Uint8Array(2 * N);
    for (const k of chosen) isChosen[k] = 1;
    const spare = pool.filter((_, k) => isChosen[k] === 0);
    pool.length = 0;
    pool.push(...nextPool, ...spare);
    values.set(nextValues);
    viol.set(nextViol);
  }
  // Memetic end: the archive's best point on each objective improved by the dominance descent.
  for (let d = 0; d < M; d++) {
    if (late()) return stop('memetic end', generations);
    const vs = archive.vectors;
    if (vs.length === 0) break;
    let best = 0;
    for (let k = 1; k < vs.length; k++) if (vs[k]![d]! < vs[best]![d]!) best = k;
    const asg = archive.assignments[best]!.slice();
    const v = vs[best]!.slice();
    dominanceDescent(cp, evaluator, objectives, costModel, allowed, asg, v, descentBudget, late, budgets ? overrun : undefined);
    offer(v, asg);
  }
  // Pareto local search (Paquete, Chiarandini, Stützle 2004) from the archive: each point's
  // single-task moves are offered to the archive, points taken in archive order, at most 2·N
  // points and at most as many evaluations as the generations made (G·N), so the result does
  // not depend on the clock unless the deadline stops it.
  const explored = new WeakSet<Int32Array>();
  let steps = 0;
  let evaluations = 0;
  const evaluationBudget = generations * N;
  while (steps < 2 * N && evaluations < evaluationBudget) {
    const entry = archive.assignments.find((a) => !explored.has(a));
    if (entry === undefined) break;
    explored.add(entry);
    steps++;
    const cand = entry.slice();
    for (let i = 0; i < n; i++) {
      const own = cand[i]!;
      for (let q = allowed.start[i]!; q < allowed.start[i + 1]!; q++) {
        const j = allowed.devices[q]!;
        if (j === own) continue;
        if (late()) return stop('Pareto local search', generations);
        cand[i] = j;
        evaluations++;
        evaluator.evaluate(cand, vec, 0);
        offer(vec, cand);
      }
      cand[i] = own;
    }
  }
  return { assignments: archive.assignments.slice(), generations, stoppedEarly: false, stoppedIn: undefined };
}

function randomAssignment(rng: Rng, n: number, allowed: Allowed): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const from = allowed.start[i]!;
    a[i] = allowed.devices[from + randomIndex(rng, allowed.start[i + 1]! - from)]!;
  }
  return a;
}
