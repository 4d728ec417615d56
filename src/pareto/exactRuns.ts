/**
 * One ε-constraint subproblem of the exact Pareto front, settled by HiGHS
 * runs that must agree (`run`), and the rule by which claims settle
 * (`agreement`). Used by `exact.ts`; no validation here.
 * @internal
 * @module
 */
import type { HighsLike } from '../internal/highs.js';
import { exactLpText } from './exactLp.js';
import type { ExactModel } from './exactModel.js';

/** What one run (or the runs together) say of a subproblem. @internal */
export type SubResult = { kind: 'optimal'; assignment: Int32Array; value: number } | { kind: 'disputed'; assignment: Int32Array; value: number } | { kind: 'infeasible' } | { kind: 'incomplete'; assignment: Int32Array | undefined; why: string };

/**
 * One ε-constraint subproblem, solved by HiGHS more than once. Each single
 * run has been caught misjudging a subproblem (found by the enumeration
 * oracle in test/pareto/exact.test.ts): with presolve, "optimal" at flowtime
 * 22.75 where 20.75 is feasible (6 × 3, quarter-unit data); without it,
 * "infeasible" for energy ≤ 196 where an assignment of energy 178 exists
 * (5 × 3, flowtime and energy; scipy's HiGHS and HiGHS with presolve find
 * it). So the subproblem is solved without presolve and with it; when the
 * two disagree, again without and with presolve over the rows in reverse
 * order (the same model, other paths through the solver), until two agree. A claim is refuted by
 * a schedule another run found: "infeasible" by any schedule, "optimal at v"
 * by one below v (beyond the MIP gap). The result counts as solved when two
 * runs make the same unrefuted claim (both infeasible, or both optimal at
 * the best value found); otherwise it is `disputed`: the best schedule is
 * kept and the front is not reported proved. A run that throws (HiGHS's
 * presolve has failed with status −1 on a bound a hair below a feasible
 * value) is not counted as a claim; if no two runs can agree the result is
 * disputed, and with no schedule at all incomplete, never a raw dependency
 * error. Each run gets the time the ones before it left.
 */
export function run(highs: HighsLike, model: ExactModel, weights: readonly number[], upper: readonly number[], timeLimitMs: number, absGap: number): SubResult {
  const start = performance.now();
  const claims: SubResult[] = [];
  let failure = '';
  const attempt = (presolve: boolean, reverse: boolean): SubResult | undefined => {
    const left = timeLimitMs - (performance.now() - start);
    if (left <= 0) return { kind: 'incomplete', assignment: best(claims), why: 'the time limit was reached' };
    try {
      const r = runOnce(highs, model, weights, upper, left, absGap, presolve, reverse);
      if (r.kind === 'incomplete') return { ...r, assignment: r.assignment ?? best(claims) };
      claims.push(r);
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e);
    }
    return undefined;
  };
  const stop = attempt(false, false) ?? attempt(true, false);
  if (stop !== undefined) return stop;
  const agreed = agreement(claims, absGap);
  if (agreed !== undefined) return agreed;
  for (const presolve of [false, true]) {
    const stopped = attempt(presolve, true);
    if (stopped !== undefined) return stopped;
    const settled = agreement(claims, absGap);
    if (settled !== undefined) return settled;
  }
  const top = bestClaim(claims);
  if (top === undefined) {
    return { kind: 'incomplete', assignment: undefined, why: failure !== '' ? `HiGHS failed on a subproblem (${failure})` : 'HiGHS could not settle a subproblem' };
  }
  return { ...top, kind: 'disputed' };
}

type Solved = Extract<SubResult, { kind: 'optimal' }>;

/** The optimal claim of least value (first on ties). */
function bestClaim(claims: readonly SubResult[]): Solved | undefined {
  let top: Solved | undefined;
  for (const c of claims) if (c.kind === 'optimal' && (top === undefined || c.value < top.value)) top = c;
  return top;
}

function best(claims: readonly SubResult[]): Int32Array | undefined {
  return bestClaim(claims)?.assignment;
}

/** The claim two runs make unrefuted, if any: both infeasible with no schedule found, or both optimal at the least value found (within the MIP gap `absGap`). @internal */
export function agreement(claims: readonly SubResult[], absGap: number): SubResult | undefined {
  const top = bestClaim(claims);
  if (top === undefined) return claims.filter((c) => c.kind === 'infeasible').length >= 2 ? { kind: 'infeasible' } : undefined;
  const tol = absGap + 1e-9 * Math.max(1, Math.abs(top.value));
  const same = claims.filter((c) => c.kind === 'optimal' && c.value - top.value <= tol).length;
  return same >= 2 ? top : undefined;
}

function runOnce(highs: HighsLike, model: ExactModel, weights: readonly number[], upper: readonly number[], timeLimitMs: number, absGap: number, presolve: boolean, reverseRows: boolean): SubResult {
  const text = exactLpText(model, weights, upper, reverseRows);
  const st = highs.constants.modelStatus;
  return highs.withModel({ format: 'lp', data: text }, (hm) => {
    // Tight feasibility tolerances: the ε bounds of non-integral objectives sit 1e-6 (relative) below a
    // feasible value, which HiGHS's defaults (1e-6 integrality, 1e-7 primal) would blur.
    hm.options.set({ output_flag: false, presolve: presolve ? 'choose' : 'off', mip_feasibility_tolerance: 1e-9, primal_feasibility_tolerance: 1e-9, time_limit: Math.max(0.001, timeLimitMs / 1000), mip_rel_gap: 0, mip_abs_gap: absGap });
    hm.run();
    const status = hm.getModelStatus();
    if (status === st.infeasible) return { kind: 'infeasible' } as const;
    const hasPrimal = Number(hm.info.get('primal_solution_status')) === 2;
    const assignment = hasPrimal ? decode(model, hm.getSolution().colValue) : undefined;
    if (status === st.optimal && assignment !== undefined) return { kind: 'optimal', assignment, value: hm.getObjectiveValue() } as const;
    const name = Object.entries(st).find(([, v]) => v === status)?.[0] ?? String(status);
    return { kind: 'incomplete', assignment, why: name === 'timeLimit' ? 'the time limit was reached' : `HiGHS stopped with model status '${name}'` } as const;
  });
}

function decode(model: ExactModel, col: ArrayLike<number>): Int32Array | undefined {
  const { n, m } = model;
  const a = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const c = model.xColumn[i * m + j]!;
      if (c >= 0 && (col[c] as number) > 0.5) a[i] = j;
    }
    if (a[i] === -1) return undefined;
  }
  return a;
}
