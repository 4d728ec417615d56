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
 * `'independent'` the combinatorial bound is already the optimum). Without
 * the optional `highs` package: a {@link UsageError} saying how to get it.
 * @internal
 */
export async function withLpBound(problem: Problem, solution: Solution): Promise<Solution> {
  if (solution.schedule.costModel !== 'sequential') return solution;
  let lp: number;
  try {
    lp = await makespanLpBound(problem);
  } catch (e) {
    if (e instanceof InputRangeError && /npm install highs/.test(e.message)) {
      throw new UsageError("--lp-bound needs the optional package 'highs' (HiGHS, WebAssembly), which is not installed: run `npm install highs`, or leave out --lp-bound");
    }
    throw e;
  }
  if (!(lp > solution.lowerBound)) return solution;
  return { ...solution, lowerBound: lp, bound: { value: lp, kind: 'lp' }, gap: gapTo(solution.makespan, lp) };
}
