/**
 * Local search over a weighted objective (makespan, flowtime, weighted
 * flowtime, energy, cost) under limits on makespan, cost and energy.
 * @internal
 * @module
 */
import type { CompiledProblem } from '../../problem/types.js';
import type { CostModel } from '../../schedule/types.js';
import { createMeasure, measure, violationOf } from '../objective.js';
import type { StrategyResult } from '../registry.js';
import { fitsBudget } from './budgetFit.js';

/** Budgets and settings of {@link objectiveSearch}. @internal */
export interface ObjectiveSearchSettings {
  readonly costModel: CostModel;
  readonly weights: Float64Array;
  readonly limits: Float64Array | undefined;
  readonly maxIterations: number;
  readonly timeLimitMs: number;
  /** Reject every move that breaks a device budget (`fitsBudget`); the start must keep them. @defaultValue false */
  readonly keepBudgets?: boolean;
}

/** Relative improvement needed to accept a move (stops cycling on rounding noise). */
const EPS = 1e-12;

/**
 * First-improvement descent from `start`: moves one task to another allowed
 * device, keeping the start's run order, and accepts the move when it
 * lowers (violation, objective) lexicographically, where violation is the
 * relative excess over the limits and objective = Σ weight · value, both
 * measured exactly (the same arithmetic as `evaluate`) under the requested
 * cost model. With `keepBudgets`, a move that would break the receiving
 * device's budget is never accepted (each check counts as an evaluation). Passes run over tasks then devices in index order until a
 * pass finds no improving move or a budget (`maxIterations` evaluations,
 * `timeLimitMs`) runs out. Deterministic apart from the time limit. Like
 * `'local-search'`, it records no decision trace.
 *
 * Complexity: O(n + m) per evaluated move, O(n·m·(n + m)) per pass. @internal
 */
export function objectiveSearch(cp: CompiledProblem, start: StrategyResult, s: ObjectiveSearchSettings): StrategyResult {
  const { n, m, exec, transfer } = cp;
  const a = Int32Array.from(start.assignment);
  const order = start.order;
  const ms = createMeasure(cp, s.costModel);
  const w = s.weights;
  const keep = s.keepBudgets === true;
  const value = (v: Float64Array): number => {
    let x = 0;
    for (let k = 0; k < 5; k++) if (w[k]! > 0) x += w[k]! * v[k]!;
    return x;
  };
  let v = measure(ms, a, order);
  let curObj = value(v);
  let curViol = violationOf(v[0]!, v[4]!, v[3]!, s.limits);
  const t0 = performance.now();
  let iterations = 0;
  let stoppedEarly = false;
  let improved = true;
  search: while (improved) {
    improved = false;
    for (let i = 0; i < n; i++) {
      const from = a[i]!;
      for (let j = 0; j < m; j++) {
        if (j === from || exec[i * m + j]! + transfer[i * m + j]! === Infinity) continue;
        if (iterations >= s.maxIterations || ((iterations & 63) === 0 && performance.now() - t0 >= s.timeLimitMs)) {
          stoppedEarly = true;
          break search;
        }
        iterations++;
        a[i] = j;
        if (keep && !fitsBudget(cp, a, order, j)) {
          a[i] = from;
          continue;
        }
        v = measure(ms, a, order);
        const obj = value(v);
        const viol = violationOf(v[0]!, v[4]!, v[3]!, s.limits);
        const better = viol < curViol * (1 - EPS) || (viol <= curViol && obj < curObj - EPS * Math.abs(curObj));
        if (better) {
          curObj = obj;
          curViol = viol;
          improved = true;
          break; // task i moved: go on with the next task
        }
        a[i] = from;
      }
    }
  }
  return { assignment: a, order, trace: [], stoppedEarly, iterations };
}
