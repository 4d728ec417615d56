/**
 * The LP relaxation lower bound of R‖Cmax, through HiGHS (optional).
 * @module
 */
import { loadHighs, lpLines, lpTerm } from '../../internal/highs.js';
import { compileFor } from '../../problem/compile.js';
import type { CompiledProblem, Problem } from '../../problem/types.js';
import { lowerBoundCompiled } from '../../schedule/lowerBound.js';

/**
 * A lower bound on the makespan of every assignment of `problem` (sequential
 * model): the optimum of the linear relaxation of R‖Cmax, raised to the
 * combinatorial bound `makespanLowerBound` when that is larger.
 *
 * LP (with p_ij = transferTime[i][j] + execTime[i][j], r_j = ready time):
 *   minimize T subject to Σ_j x_ij = 1 for every task i,
 *   r_j·z_j + Σ_i p_ij x_ij ≤ T for every device j, x_ij ≥ 0,
 *   x_ij ≤ z_j ≤ 1 (z_j: the device is in use; only for r_j > 0),
 * over the allowed pairs (finite p_ij). An unused device does not count
 * towards the makespan, so its ready time only applies through z_j. Tasks may be split across devices,
 * so T never exceeds the best makespan; with m devices at most m − 1 tasks
 * are split in a basic optimum (Lenstra, Shmoys & Tardos 1990), which is why
 * the bound is tight on many-task instances. Release times are ignored (a
 * bound without them is still a bound).
 *
 * Needs the optional `highs` package (loaded on first use); the LP is solved
 * synchronously and blocks the thread (about a second for 512 × 16).
 *
 * Complexity: one LP with n·m + 1 columns and n + m rows.
 *
 * @param problem - The problem (validated, never mutated).
 * @returns A promise of the bound (0 for no tasks).
 * @throws (rejects with) the errors of `compileProblem`, and an {@link InputRangeError}
 *   telling to `npm install highs` when the package is missing.
 * @example
 * ```ts
 * await makespanLpBound({
 *   tasks: [{ id: 'a' }, { id: 'b' }],
 *   devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'edge' }],
 *   execTime: [[2, 4], [2, 4]],
 * }); // 8 / 3 ≈ 2.667 (a on x, b split 2/3 on x, 1/3 on y); the combinatorial bound is 2
 * ```
 */
export async function makespanLpBound(problem: Problem): Promise<number> {
  const fn = 'makespanLpBound';
  const cp = compileFor(fn, problem);
  return lpBoundCompiled(fn, cp);
}

/**
 * {@link makespanLpBound} on a compiled problem. @internal
 */
export async function lpBoundCompiled(fn: string, cp: CompiledProblem): Promise<number> {
  const highs = await loadHighs(fn);
  const { n, m, exec, transfer, ready } = cp;
  const combinatorial = lowerBoundCompiled(cp, 'sequential');
  if (n === 0) return 0;
  const rows: string[] = [];
  const cols: string[][] = Array.from({ length: m }, () => []);
  for (let i = 0; i < n; i++) {
    const terms: string[] = [];
    for (let j = 0; j < m; j++) {
      const p = (transfer[i * m + j] as number) + (exec[i * m + j] as number);
      if (p === Infinity) continue;
      terms.push(`+ x${i}_${j}`);
      (cols[j] as string[]).push(lpTerm(p, `x${i}_${j}`));
    }
    rows.push(` t${i}:\n${lpLines(terms)} = 1`);
  }
  const bounds: string[] = [];
  for (let j = 0; j < m; j++) {
    const terms = cols[j] as string[];
    if (terms.length === 0) continue;
    const r = ready[j] as number;
    if (r > 0) {
      // z_j ≥ x_ij: the device is (fractionally) in use, and only then waits r_j.
      bounds.push(` z${j} <= 1`);
      for (let i = 0; i < n; i++) if ((transfer[i * m + j] as number) + (exec[i * m + j] as number) !== Infinity) rows.push(` u${i}_${j}: + x${i}_${j} - z${j} <= 0`);
    }
    rows.push(` d${j}:\n${lpLines([...terms, ...(r > 0 ? [lpTerm(r, `z${j}`)] : []), '- T'])} <= 0`);
  }
  const text = ['Minimize', ' obj: + T', 'Subject To', ...rows, ...(bounds.length > 0 ? ['Bounds', ...bounds] : []), 'End', ''].join('\n');
  const value = highs.withModel({ format: 'lp', data: text }, (model) => {
    model.options.set({ output_flag: false });
    model.run();
    return model.getModelStatus() === highs.constants.modelStatus.optimal ? model.getObjectiveValue() : -Infinity;
  });
  // The LP optimum is exact only up to HiGHS's tolerances: shave a relative
  // 1e-9 so the bound stays below every integral makespan.
  const lp = value - 1e-9 * Math.abs(value);
  return Math.max(combinatorial, lp);
}
