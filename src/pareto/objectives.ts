/**
 * The objective vector of an assignment: makespan, flowtime, energy and cost
 * of its schedule, in the order asked for.
 * @module
 */
import { at, checkArray, checkInteger, checkOneOf, checkOptions, infeasible, rangeReason, typeReason } from '../internal/errors.js';
import { compileFor } from '../problem/compile.js';
import type { CompiledProblem, Problem } from '../problem/types.js';
import { costTotalCompiled } from '../schedule/cost.js';
import { energyTotalCompiled } from '../schedule/energy.js';
import { evaluateCompiled } from '../schedule/evaluate.js';
import type { CostModel } from '../schedule/types.js';
import type { ParetoObjective } from './types.js';

/** Options of {@link objectiveVector}. */
export interface ObjectiveVectorOptions {
  /** Which objectives, in order: two or three distinct names of `'makespan'`, `'flowtime'`, `'energy'`, `'cost'`. */
  readonly objectives: readonly ParetoObjective[];
  /**
   * The cost model the schedule is timed with (see `evaluate`).
   * @defaultValue `'sequential'`
   */
  readonly costModel?: CostModel;
}

/** The objective names, in a fixed order. */
export const PARETO_OBJECTIVES: readonly ParetoObjective[] = Object.freeze(['makespan', 'flowtime', 'energy', 'cost'] as ParetoObjective[]);
const COST_MODELS: readonly CostModel[] = ['independent', 'sequential'];

/** Validates an objective list: an array of 2 or 3 distinct known names. @internal */
export function checkObjectives(fn: string, field: string, value: unknown): ParetoObjective[] {
  checkArray(fn, field, value);
  if (value.length < 2 || value.length > 3) typeReason(fn, field, `must name two or three objectives, got ${value.length}`);
  const out: ParetoObjective[] = [];
  value.forEach((v, k) => {
    const name = checkOneOf(fn, at(field, k), v, PARETO_OBJECTIVES);
    const first = out.indexOf(name);
    if (first >= 0) rangeReason(fn, at(field, k), `repeats '${name}' (already ${field}[${first}])`);
    out.push(name);
  });
  return out;
}

/** Validates a cost model option (default sequential). @internal */
export function checkCostModel(fn: string, value: unknown): CostModel {
  return value === undefined ? 'sequential' : checkOneOf(fn, 'options.costModel', value, COST_MODELS);
}

/**
 * The run order used for every objective: the tasks sorted by their
 * processing time on their device, p_i = transfer + exec, ties by the lowest
 * index. On each device this is shortest processing time first (Smith's
 * rule), which minimizes its flowtime when no task has a release time; the
 * makespan, energy and cost do not depend on it then. O(n log n). @internal
 */
export function sptOrder(cp: CompiledProblem, assignment: ArrayLike<number>): number[] {
  const { n, m, exec, transfer } = cp;
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = assignment[i]!;
    p[i] = transfer[i * m + j]! + exec[i * m + j]!;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => p[a]! - p[b]! || a - b);
  return order;
}

/**
 * The exact objective vector of a valid assignment on a compiled problem,
 * through the library's evaluator (no validation). Returns the vector and
 * the run order. O(n log n + m). @internal
 */
export function objectiveVectorCompiled(cp: CompiledProblem, assignment: ArrayLike<number>, objectives: readonly ParetoObjective[], costModel: CostModel): { objectives: number[]; order: number[] } {
  const order = sptOrder(cp, assignment);
  const s = evaluateCompiled(cp, assignment, costModel, order);
  const makespan = s.metrics.makespan;
  const values = objectives.map((name) => {
    switch (name) {
      case 'makespan':
        return makespan;
      case 'flowtime':
        return s.metrics.flowtime;
      case 'energy':
        return energyTotalCompiled(cp, assignment, makespan);
      case 'cost':
        return costTotalCompiled(cp, assignment);
    }
  });
  return { objectives: values, order };
}

/**
 * The objective vector of an assignment: its schedule's values of the chosen
 * objectives, in the order given.
 *
 * The schedule is timed by `evaluate` under `costModel`, with each device
 * running its tasks shortest processing time first (p_i = transferTime +
 * execTime on its device, ties by the lowest task index; Smith 1956, the
 * order that minimizes each device's flowtime when tasks have no release
 * time). Then: makespan = max finish; flowtime = Σ finish (seconds);
 * energy = Σ_j execution_j + transfer_j + idle_j (joules, `power` fields,
 * idle up to the makespan); cost = Σ_j perSecond_j · max(minimum_j,
 * ⌈busy_j / g_j⌉ · g_j) over used devices (currency units). Devices
 * without `power` or `price` contribute 0.
 *
 * Complexity: O(n·m) to validate the problem, O(n log n + m) to evaluate.
 *
 * @param problem - The problem (validated, never mutated).
 * @param assignment - `assignment[i]`: device index of task i.
 * @param options - {@link ObjectiveVectorOptions}.
 * @returns The objective values, one per name in `options.objectives`.
 * @throws {@link InputTypeError} for a malformed problem, options or assignment (wrong length), an unknown objective.
 * @throws {@link InputRangeError} for a repeated objective, a device index out of range, a bad number in the problem.
 * @throws {@link InfeasibleError} for a task on a device where it cannot run.
 *
 * @example
 * ```ts
 * const problem = {
 *   tasks: [{ id: 'a' }, { id: 'b' }],
 *   devices: [
 *     { id: 'edge', tier: 'edge', power: { busy: 5 } },
 *     { id: 'cloud', tier: 'cloud', price: { perSecond: 0.5 } },
 *   ],
 *   execTime: [[4, 1], [6, 2]],
 * };
 * objectiveVector(problem, [0, 1], { objectives: ['makespan', 'energy', 'cost'] }); // [4, 20, 1]
 * ```
 */
export function objectiveVector(problem: Problem, assignment: readonly number[], options: ObjectiveVectorOptions): number[] {
  const fn = 'objectiveVector';
  const o = checkOptions(fn, options, ['objectives', 'costModel']);
  const objectives = checkObjectives(fn, 'options.objectives', o.objectives);
  const costModel = checkCostModel(fn, o.costModel);
  const cp = compileFor(fn, problem);
  checkAssignment(fn, cp, assignment);
  const { objectives: values } = objectiveVectorCompiled(cp, assignment, objectives, costModel);
  if (values.some((v) => !Number.isFinite(v))) rangeReason(fn, 'problem', 'has values whose sums overflow the range of a double; rescale the times, watts or prices');
  return values;
}

/** Validates an assignment against a compiled problem. @internal */
export function checkAssignment(fn: string, cp: CompiledProblem, assignment: unknown): asserts assignment is readonly number[] {
  checkArray(fn, 'assignment', assignment);
  if (assignment.length !== cp.n) typeReason(fn, 'assignment', `has length ${assignment.length}, expected ${cp.n} (one device index per task)`);
  for (let i = 0; i < cp.n; i++) {
    const j = checkInteger(fn, `assignment[${i}]`, assignment[i], 0, cp.m - 1);
    if (!(cp.exec[i * cp.m + j]! + cp.transfer[i * cp.m + j]! < Infinity)) {
      infeasible(fn, `assignment[${i}]`, `puts task ${i} on device ${j}, where it cannot run (its time there is Infinity)`);
    }
  }
}
