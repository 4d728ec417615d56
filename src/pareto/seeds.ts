/**
 * NSGA-II's starting schedules (also the exact method's fallback): the list
 * heuristics, their critical-descent polish, the local search, the
 * objective-aware heuristics and per-task greedy assignments, each stage cut
 * by the call's deadline. No validation here.
 * @internal
 * @module
 */
import { InfeasibleError } from '../errors.js';
import type { CompiledProblem, Problem } from '../problem/types.js';
import { taskEnergy } from '../schedule/energy.js';
import { Loads, makespanOf } from '../solvers/search/makespanLoads.js';
import { descend } from '../solvers/search/makespanMoves.js';
import { solve } from '../solvers/solve.js';
import type { StrategyName } from '../solvers/strategies.js';
import type { Deadline } from '../internal/deadline.js';
import type { ParetoObjective } from './types.js';

/** Move budget of the local-search seed of NSGA-II. */
const LOCAL_SEARCH_MOVES = 20_000;
/** Work budget of that seed: moves × n·m (about a second on 20 × 4 with 20 000 moves). */
const LOCAL_SEARCH_WORK = 1_600_000;
/** Heuristic schedules whose load makespan is at most this factor times the shortest are also seeded after the critical descent. */
const DESCENT_START_SLACK = 1.1;
/** The heuristics whose schedules seed NSGA-II's first population. @internal */
export const SEED_STRATEGIES: readonly StrategyName[] = ['min-min', 'mct', 'met', 'olb', 'max-min', 'sufferage', 'seed', 'duplex', 'sufferage-greedy'];

/** The seeds, and whether the deadline cut their computation short. @internal */
export interface Seeds {
  readonly assignments: Int32Array[];
  /** True when the deadline passed before every seed was computed. */
  readonly cut: boolean;
  /** How many of {@link SEED_STRATEGIES} were run. */
  readonly heuristics: number;
}

/**
 * The starting schedules, in a fixed order: the list heuristics of
 * {@link SEED_STRATEGIES}; those within 10 % of the shortest load makespan
 * among them after the local search's critical descent (moves and swaps off
 * the most loaded device); the makespan local search (min(20 000,
 * 1.6e6 / (n·m)) moves, skipped below 200); Min-Min and MCT with
 * `objective` 'energy' or 'cost' for those objectives; per-task energy- and
 * cost-greedy assignments.
 *
 * The deadline is checked before each schedule; the critical descent and the
 * local search also check it inside (every step). When it passes the seeds so
 * far are returned (`cut: true`). A list heuristic, once started, runs to its
 * end (tens of ms at 1000 × 16, seconds for the O(n²·m) ones at 20 000 × 64).
 * When no heuristic could start in time, the one seed is MCT's schedule (one
 * O(n·m) pass), so there is always at least one. Without a deadline that
 * passes, no clock and no randomness: the same input gives the same seeds.
 *
 * Complexity: the heuristics' (O(n²·m) for Min-Min and the batch ones), plus
 * the descents and the local search within their budgets, plus O(n·m).
 * @internal
 */
export function seedAssignments(problem: Problem, cp: CompiledProblem, objectives: readonly ParetoObjective[], deadline: Deadline): Seeds {
  // With budgets the list heuristics are capacity-aware (budget-feasible starts) and throw when
  // their greedy placement gets stuck, which proves nothing: that seed is skipped.
  const run = (strategy: StrategyName): Int32Array | undefined => {
    try {
      return Int32Array.from(solve(problem, { strategy, trace: false }).assignment);
    } catch (e) {
      if (e instanceof InfeasibleError) return undefined;
      throw e;
    }
  };
  const out: Int32Array[] = [];
  let heuristics = 0;
  for (const strategy of SEED_STRATEGIES) {
    if (deadline.passed()) break;
    const a = run(strategy);
    if (a !== undefined) out.push(a);
    heuristics++;
  }
  if (out.length === 0) out.push(run('mct') ?? fastest(cp));
  const cut = (): Seeds => ({ assignments: out, cut: true, heuristics });
  if (heuristics < SEED_STRATEGIES.length) return cut();
  // The heuristic schedules within 10 % of the shortest load makespan among them, after the local
  // search's critical descent (moves and swaps off the most loaded device; no randomness, the
  // deadline checked every step): shorter makespans for NSGA-II's makespan end. Farther starts cost many steps.
  const p = new Float64Array(cp.n * cp.m);
  for (let q = 0; q < p.length; q++) p[q] = cp.transfer[q]! + cp.exec[q]!;
  const starts = out.map((a) => new Loads(cp.n, cp.m, p, cp.ready, a));
  const shortest = Math.min(...starts.map(makespanOf));
  for (const loads of starts) {
    if (makespanOf(loads) > DESCENT_START_SLACK * shortest) continue;
    if (deadline.passed()) return cut();
    descend(loads, deadline);
    out.push(loads.asg);
  }
  // The local search (makespan search from Min-Min), bounded by moves (20 000 moves on 1000 × 16
  // take minutes, so the budget shrinks with n·m) and by the time left.
  const moves = Math.min(LOCAL_SEARCH_MOVES, Math.floor(LOCAL_SEARCH_WORK / Math.max(1, cp.n * cp.m)));
  if (moves >= 200) {
    if (deadline.passed()) return cut();
    const timeLimitMs = Math.min(1e9, deadline.remaining());
    // Under budgets local search keeps them and throws when its capacity-aware start gets stuck: that seed is skipped too.
    try {
      out.push(Int32Array.from(solve(problem, { strategy: 'local-search', maxIterations: moves, timeLimitMs, trace: false }).assignment));
    } catch (e) {
      if (!(e instanceof InfeasibleError)) throw e;
    }
  }
  // The objective-aware list heuristics, one per non-time objective asked for.
  for (const objective of objectives) {
    if (objective !== 'energy' && objective !== 'cost') continue;
    for (const strategy of ['min-min', 'mct'] as const) {
      if (deadline.passed()) return cut();
      const a = run2(strategy, objective);
      if (a !== undefined) out.push(a);
    }
  }
  const { n, m, exec, transfer } = cp;
  function run2(strategy: 'min-min' | 'mct', objective: 'energy' | 'cost'): Int32Array | undefined {
    try {
      return Int32Array.from(solve(problem, { strategy, objective, trace: false }).assignment);
    } catch (e) {
      if (e instanceof InfeasibleError) return undefined;
      throw e;
    }
  }
  const greedy = (score: (i: number, j: number) => number): Int32Array => {
    const a = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let best = -1;
      let bestScore = Infinity;
      let bestTime = Infinity;
      for (let j = 0; j < m; j++) {
        const t = exec[i * m + j]! + transfer[i * m + j]!;
        if (!(t < Infinity)) continue;
        const s = score(i, j);
        if (best < 0 || s < bestScore || (s === bestScore && t < bestTime)) {
          best = j;
          bestScore = s;
          bestTime = t;
        }
      }
      a[i] = best;
    }
    return a;
  };
  if (objectives.includes('energy')) {
    if (deadline.passed()) return cut();
    out.push(greedy((i, j) => taskEnergy(cp, i, j)));
  }
  if (objectives.includes('cost')) {
    if (deadline.passed()) return cut();
    out.push(greedy((i, j) => cp.pricePerSecond[j]! * (exec[i * m + j]! + transfer[i * m + j]!)));
  }
  return { assignments: out, cut: false, heuristics };
}

/** Each task on its fastest allowed device (lowest index on ties), budgets ignored: the last-resort seed. O(n·m). */
function fastest(cp: CompiledProblem): Int32Array {
  const { n, m, exec, transfer } = cp;
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bt = Infinity;
    for (let j = 0; j < m; j++) {
      const t = exec[i * m + j]! + transfer[i * m + j]!;
      if (t < bt) {
        bt = t;
        best = j;
      }
    }
    a[i] = best;
  }
  return a;
}
