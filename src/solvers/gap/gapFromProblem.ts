/**
 * A scheduling problem with demands and budgets as a generalized assignment
 * instance, so capacity-constrained assignment goes through `solveGap`.
 * @module
 */
import { compileFor } from '../../problem/compile.js';
import type { Problem } from '../../problem/types.js';
import type { GapInstance } from './gap.js';

/**
 * Turns a {@link Problem} into a {@link GapInstance}: minimize the total
 * transfer + execution time Σ_i (transferTime[i][x(i)] + execTime[i][x(i)])
 * subject to every device's budget: Σ_{i on j} demand_i ≤ budget_j.
 *
 * cost[i][j] = transferTime[i][j] + execTime[i][j] (`Infinity` stays
 * forbidden), demand[i][j] = task i's `demand` on every device (0 when
 * absent), budget[j] = device j's `budget` (`Infinity` when absent). Solve
 * it with `solveGap(instance, {sense: 'min'})` and evaluate the assignment
 * with `evaluate`: the GAP objective is total busy time, not the makespan.
 *
 * Complexity: O(n·m).
 *
 * @param problem - The problem (validated by `compileProblem`; never mutated).
 * @returns A new plain instance (task-major).
 * @throws the errors of `compileProblem`.
 * @example
 * ```ts
 * gapFromProblem({
 *   tasks: [{ id: 'a', demand: 2 }, { id: 'b', demand: 3 }],
 *   devices: [{ id: 'e', tier: 'edge', budget: 4 }, { id: 'c', tier: 'cloud' }],
 *   execTime: [[1, 5], [2, 6]],
 *   transferTime: [[0, 1], [0, 1]],
 * });
 * // { cost: [[1, 6], [2, 7]], demand: [[2, 2], [3, 3]], budget: [4, Infinity] }
 * ```
 */
export function gapFromProblem(problem: Problem): GapInstance {
  const cp = compileFor('gapFromProblem', problem);
  const { n, m, exec, transfer, demand, budget } = cp;
  const cost: number[][] = [];
  const dem: number[][] = [];
  for (let i = 0; i < n; i++) {
    const c: number[] = [];
    for (let j = 0; j < m; j++) c.push((transfer[i * m + j] as number) + (exec[i * m + j] as number));
    cost.push(c);
    dem.push(new Array<number>(m).fill(demand[i] as number));
  }
  return { cost, demand: dem, budget: Array.from(budget) };
}
