/**
 * Exhaustive search for tiny GAP instances: settles what the solvers could
 * not prove (an infeasible instance near a solver's feasibility tolerance,
 * or numerical trouble) with exact budget sums.
 * @internal
 * @module
 */
import type { CompiledGap } from './gap.js';
import { costOf, exactlyFeasible } from './gapExactCheck.js';

/** Largest m^n searched exhaustively. @internal */
export const ENUMERATION_LIMIT = 65_536;

/**
 * The cheapest exactly feasible assignment over all m^n maps (ties: the
 * first in lexicographic order of devices, task 0 first), or undefined when
 * none respects the budgets: a proof of infeasibility. Call only when
 * m^n ≤ {@link ENUMERATION_LIMIT}.
 *
 * Complexity: O(m^n · n).
 * @internal
 */
export function gapEnumerate(g: CompiledGap): { assignment: Int32Array; cost: number } | undefined {
  const { n, m, allowed } = g;
  const asg = new Int32Array(n);
  let best: Int32Array | undefined;
  let bestCost = Infinity;
  const leaf = (): void => {
    for (let i = 0; i < n; i++) if (allowed[i * m + (asg[i] as number)] === 0) return;
    const c = costOf(g, asg);
    if (best !== undefined && !(c < bestCost)) return;
    if (!exactlyFeasible(g, asg)) return;
    best = Int32Array.from(asg);
    bestCost = c;
  };
  if (n === 0) return { assignment: asg, cost: 0 };
  if (m === 0) return undefined;
  // Odometer over devices, last task fastest.
  for (;;) {
    leaf();
    let i = n - 1;
    while (i >= 0 && (asg[i] as number) === m - 1) {
      asg[i] = 0;
      i--;
    }
    if (i < 0) break;
    asg[i] = (asg[i] as number) + 1;
  }
  return best === undefined ? undefined : { assignment: best, cost: bestCost };
}
