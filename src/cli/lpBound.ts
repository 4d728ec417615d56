/**
 * The CLI's `--lp-bound`: raise a solution's lower bound to the LP bound
 * (HiGHS) and measure its gap against the stronger of the two.
 * @internal
 * @module
 */
import { InputRangeError } from '../errors.js';
import type { Problem } from '../problem/types.js';
import { makespanLpBound } from '../solvers/search/makespanLpBound.js';
import { gapTo, type Solution } from '../solvers/solve.js';
import { UsageError } from './io.js';

/**
 * `solution` with `lowerBound`, `bound` and `gap` taken from the LP bound of
 * the problem when it is larger (sequential cost model only: under
 * `'independent'` the combinatorial bound is already the optimum), and the
 * LP value itself (`lp`, `undefined` when not computed) so that it is shown
 * even when another bound is higher. Without the optional `highs` package: a
 * {@link UsageError} saying how to get it.
 * @internal
 */
export async function withLpBound(problem: Problem, solution: Solution): Promise<{ solution: Solution; lp: number | undefined }> {
  if (solution.schedule.costModel !== 'sequential') return { solution, lp: undefined };
  let lp: number;
  try {
    lp = await makespanLpBound(problem);
  } catch (e) {
    if (e instanceof InputRangeError && /npm install highs/.test(e.message)) {
      throw new UsageError("--lp-bound needs the optional package 'highs' (HiGHS, WebAssembly), which is not installed: run `npm install highs`, or leave out --lp-bound");
    }
    throw e;
  }
  if (!(lp > solution.lowerBound)) return { solution, lp };
  return { solution: { ...solution, lowerBound: lp, bound: { value: lp, kind: 'lp' }, gap: gapTo(solution.makespan, lp) }, lp };
}

/**
 * The report line for `--lp-bound`: both the LP value and the bound the gap
 * is measured against (`lp bound 68.53; the gap uses it` or `lp bound 68.53,
 * below the exhaustive bound 80 the gap uses`). @internal
 */
export function lpLine(solution: Solution, lp: number | undefined, num: (x: number) => string): string {
  if (lp === undefined) return `  lp bound: not computed under the '${solution.schedule.costModel}' cost model (the combinatorial bound is exact there)`;
  if (solution.bound.kind === 'lp') return `  lp bound: ${num(lp)} (the gap is measured against it)`;
  return `  lp bound: ${num(lp)}, not above the ${solution.bound.kind} bound ${num(solution.bound.value)} the gap is measured against`;
}
