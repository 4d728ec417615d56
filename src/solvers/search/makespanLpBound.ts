/**
 * The LP relaxation lower bound of R‖Cmax, through HiGHS (optional).
 * @module
 */
import { checkNonNegative, checkOptions, rangeError } from '../../internal/errors.js';
import { guardHighs, loadHighs, lpLines, lpTerm } from '../../internal/highs.js';
import { compileFor } from '../../problem/compile.js';
import type { CompiledProblem, Problem } from '../../problem/types.js';
import { lowerBoundCompiled } from '../../schedule/lowerBound.js';
import { exponentToUnit, mulPow2 } from '../gap/gapScale.js';
import { makespanLpCertificate } from './makespanLpCertificate.js';

/** Options of {@link makespanLpBound}. */
export interface MakespanLpBoundOptions {
  /**
   * HiGHS's primal and dual feasibility tolerance, in [1e-10, 1e-3]. The
   * bound returned does not rest on it: it is recomputed from the LP's
   * dual values (any multipliers ≥ 0 give a bound), see
   * {@link makespanLpBound}.
   * @defaultValue 1e-7
   */
  readonly feasibilityTolerance?: number;
  /**
   * Wall-clock budget of the LP in milliseconds (finite, ≥ 0). When it
   * runs out, the combinatorial bound `makespanLowerBound` is returned
   * (still a valid bound, weaker).
   * @defaultValue 60000
   */
  readonly timeLimitMs?: number;
}

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
 * HiGHS has no relative-gap option for an LP, and its WebAssembly build no
 * threads, so neither is offered.
 *
 * Exactness: the value returned is not HiGHS's objective but a
 * certificate recomputed from its duals (one LP run, no trust in its
 * claims): with w_j = |dual of device row j| and μ_ij = |dual of
 * x_ij ≤ z_j| (0 without ready times), every assignment has makespan ≥
 * [Σ_i min_j (w_j·p_ij + μ_ij) + Σ_j min(0, w_j·r_j − Σ_i μ_ij)] / Σ_j w_j
 * (Lagrangian relaxation; any w, μ ≥ 0 give a bound, the LP's optimal
 * duals give the LP optimum). It is evaluated with outward rounding (each
 * operation stepped one double to the safe side), then lowered by
 * (n + m + 4)·2^-52 of itself for the rounding of the makespan's own sums.
 * Inaccurate duals can only weaken it, never make it exceed the optimum.
 * Cost: O(n·m) after the LP, no extra solve.
 *
 * Complexity: one LP with n·m + 1 columns and n + m rows (with ready
 * times up to m more columns and n·m more rows), then O(n·m).
 *
 * @param problem - The problem (validated, never mutated).
 * @param options - {@link MakespanLpBoundOptions}.
 * @returns A promise of the bound (0 for no tasks).
 * @throws (rejects with) the errors of `compileProblem`, an {@link InputTypeError} or
 *   {@link InputRangeError} for bad options, an {@link InputRangeError}
 *   telling to `npm install highs` when the package is missing, and an
 *   {@link InputRangeError} naming `problem` when HiGHS itself fails (out of memory, a solver error).
 * @example
 * ```ts
 * await makespanLpBound({
 *   tasks: [{ id: 'a' }, { id: 'b' }],
 *   devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'edge' }],
 *   execTime: [[2, 4], [2, 4]],
 * }); // 8 / 3 ≈ 2.667 (a on x, b split 2/3 on x, 1/3 on y); the combinatorial bound is 2
 * ```
 */
export async function makespanLpBound(problem: Problem, options?: MakespanLpBoundOptions): Promise<number> {
  const fn = 'makespanLpBound';
  const o = checkOptions(fn, options, ['feasibilityTolerance', 'timeLimitMs']);
  const feasibilityTolerance = o.feasibilityTolerance === undefined ? 1e-7 : checkNonNegative(fn, 'options.feasibilityTolerance', o.feasibilityTolerance);
  if (!(feasibilityTolerance >= 1e-10 && feasibilityTolerance <= 1e-3)) rangeError(fn, 'options.feasibilityTolerance', 'a number in [1e-10, 1e-3]', feasibilityTolerance);
  const timeLimitMs = o.timeLimitMs === undefined ? 60_000 : checkNonNegative(fn, 'options.timeLimitMs', o.timeLimitMs);
  const cp = compileFor(fn, problem);
  return lpBoundCompiled(fn, cp, { feasibilityTolerance, timeLimitMs });
}

/**
 * {@link makespanLpBound} on a compiled problem. @internal
 */
export async function lpBoundCompiled(fn: string, cp: CompiledProblem, settings: { readonly feasibilityTolerance: number; readonly timeLimitMs: number } = { feasibilityTolerance: 1e-7, timeLimitMs: 60_000 }): Promise<number> {
  const highs = await loadHighs(fn);
  const { n, m, exec, transfer, ready } = cp;
  const combinatorial = lowerBoundCompiled(cp, 'sequential');
  if (n === 0) return 0;
  // Hand HiGHS times divided by a power of two (exact) so the largest is in [1/2, 1): its reader refuses
  // coefficients ≥ 1e15 and its tolerances are absolute. T scales by the same power.
  let maxP = 0;
  for (let k = 0; k < n * m; k++) {
    const p = (transfer[k] as number) + (exec[k] as number);
    if (p !== Infinity) maxP = Math.max(maxP, p);
  }
  for (let j = 0; j < m; j++) maxP = Math.max(maxP, ready[j] as number);
  const ks = exponentToUnit(maxP);
  const rows: string[] = [];
  const cols: string[][] = Array.from({ length: m }, () => []);
  for (let i = 0; i < n; i++) {
    const terms: string[] = [];
    for (let j = 0; j < m; j++) {
      const p = (transfer[i * m + j] as number) + (exec[i * m + j] as number);
      if (p === Infinity) continue;
      terms.push(`+ x${i}_${j}`);
      (cols[j] as string[]).push(lpTerm(mulPow2(p, ks), `x${i}_${j}`));
    }
    rows.push(` t${i}:\n${lpLines(terms)} = 1`);
  }
  const bounds: string[] = [];
  const deviceRow = new Int32Array(m).fill(-1);
  const linkRow = new Int32Array(n * m).fill(-1);
  let anyReady = false;
  for (let j = 0; j < m; j++) {
    const terms = cols[j] as string[];
    if (terms.length === 0) continue;
    const r = ready[j] as number;
    if (r > 0) {
      anyReady = true;
      // z_j ≥ x_ij: the device is (fractionally) in use, and only then waits r_j.
      bounds.push(` z${j} <= 1`);
      for (let i = 0; i < n; i++) {
        if ((transfer[i * m + j] as number) + (exec[i * m + j] as number) === Infinity) continue;
        linkRow[i * m + j] = rows.length;
        rows.push(` u${i}_${j}: + x${i}_${j} - z${j} <= 0`);
      }
    }
    deviceRow[j] = rows.length;
    rows.push(` d${j}:\n${lpLines([...terms, ...(r > 0 ? [lpTerm(mulPow2(r, ks), `z${j}`)] : []), '- T'])} <= 0`);
  }
  const text = ['Minimize', ' obj: + T', 'Subject To', ...rows, ...(bounds.length > 0 ? ['Bounds', ...bounds] : []), 'End', ''].join('\n');
  const solved = guardHighs(fn, 'problem', () =>
    highs.withModel({ format: 'lp', data: text }, (model) => {
      model.options.set({
        output_flag: false,
        time_limit: Math.max(0.001, settings.timeLimitMs / 1000),
        primal_feasibility_tolerance: settings.feasibilityTolerance,
        dual_feasibility_tolerance: settings.feasibilityTolerance,
      });
      model.run();
      if (model.getModelStatus() !== highs.constants.modelStatus['optimal']) return undefined;
      return { duals: Float64Array.from(model.getSolution().rowDual) };
    }),
  );
  if (solved === undefined) return combinatorial;
  // Certificate (both with and without ready times): the duals as Lagrange multipliers, re-evaluated
  // with outward rounding in input units (the link rows' duals scale by 2^-ks; any multipliers ≥ 0 give a bound).
  const p = new Float64Array(n * m);
  for (let k = 0; k < n * m; k++) p[k] = (transfer[k] as number) + (exec[k] as number);
  const w = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const r = deviceRow[j] as number;
    if (r >= 0) w[j] = solved.duals[r] as number;
  }
  const mu = new Float64Array(n * m);
  if (anyReady) {
    for (let k = 0; k < n * m; k++) {
      const r = linkRow[k] as number;
      if (r >= 0) mu[k] = mulPow2(solved.duals[r] as number, -ks);
    }
  }
  let cert = makespanLpCertificate(n, m, p, Float64Array.from(ready), w, mu);
  // The makespan itself is summed in doubles: leave room for its rounding.
  cert -= (n + m + 4) * 2 ** -52 * cert;
  return Math.max(combinatorial, Number.isFinite(cert) ? cert : 0);
}
