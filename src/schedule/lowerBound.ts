/**
 * Lower bounds on the makespan of any assignment of a problem.
 * @module
 */
import { checkOneOf, checkOptions } from '../internal/errors.js';
import { releaseScanned } from '../problem/buffers.js';
import { compileScanned } from '../problem/compile.js';
import type { RowScan } from '../problem/timeSums.js';
import type { CompiledProblem, Problem } from '../problem/types.js';
import type { CostModel } from './types.js';

/** Options of {@link makespanLowerBound}. */
export interface LowerBoundOptions {
  /**
   * The cost model the bound holds for (see `evaluate`).
   * @defaultValue `'sequential'`
   */
  readonly costModel?: CostModel;
}

/**
 * A lower bound on the makespan of every assignment of `problem`: no
 * assignment, in any order, can finish all tasks earlier.
 *
 * With p_ij = transferTime[i][j] + execTime[i][j] and p_i = min_j p_ij:
 * - `'sequential'`: max(B1, B2), where
 *   B1 = max_i min_j (max(ready_j, release_i) + p_ij) (each task alone), and
 *   B2 = the smallest T with Σ_j max(0, T − r_j) ≥ Σ_i p_i, where
 *   r_j = max(ready_j, min_i release_i) (the total minimum work must fit in the
 *   time the devices have left: "water filling"). With every ready time and
 *   release 0, B2 = Σ_i p_i / m, so the bound is the classic
 *   max(max_i p_i, Σ_i p_i / m). B2 is never above (Σ_i p_i + Σ_j r_j) / m,
 *   and stays valid when a device is ready so late that it should not be
 *   used (where that simpler formula overshoots: one task of time 1, devices
 *   ready at 0 and 1000 give 1, not 500.5).
 * - `'independent'`: max_i (release_i + p_i), which is the exact optimum under
 *   that model (tasks do not wait for each other, so each takes its fastest
 *   device).
 *
 * 0 when there are no tasks. Budgets and demands are ignored (a bound for
 * the relaxation without them is still a bound).
 *
 * Complexity: O(n·m + m log m).
 *
 * @param problem - The problem (validated, never mutated).
 * @param options - {@link LowerBoundOptions}.
 * @returns The bound, ≥ 0 (finite unless the sum of the times overflows a double).
 * @throws {@link InputTypeError}, {@link InputRangeError}, {@link InfeasibleError} as `compileProblem`, and for bad options.
 *
 * @example
 * ```ts
 * makespanLowerBound({
 *   tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
 *   devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'edge' }],
 *   execTime: [[4, 6], [3, 3], [5, 1]],
 * }); // 4 = max(max(4, 3, 1), (4 + 3 + 1) / 2)
 * ```
 */
export function makespanLowerBound(problem: Problem, options?: LowerBoundOptions): number {
  const fn = 'makespanLowerBound';
  const opts = checkOptions(fn, options, ['costModel']);
  const costModel = opts.costModel === undefined ? 'sequential' : checkOneOf(fn, 'options.costModel', opts.costModel, ['independent', 'sequential'] as const);
  const { cp, scan } = compileScanned(fn, problem);
  const bound = lowerBoundCompiled(cp, costModel, scan);
  releaseScanned(cp);
  return bound;
}

/**
 * {@link makespanLowerBound} on a compiled problem, no validation. O(n·m + m log m);
 * O(n + m log m) given `scan`, the row scan of `cp`'s own matrices (`compileScanned`).
 * @internal
 */
export function lowerBoundCompiled(cp: CompiledProblem, costModel: CostModel = 'sequential', scan?: RowScan): number {
  const { n, m, exec, transfer, release, ready } = cp;
  if (n === 0) return 0;
  const sequential = costModel === 'sequential';
  if (scan !== undefined) {
    // The compiler's row scan has the row minima: max_i (release_i + p_i) is the whole 'independent' bound, and the
    // 'sequential' one when every device is ready by every release.
    if (!sequential) return scan.single;
    if (rowMinimaSuffice(cp)) return waterFill(cp, scan.minRelease, scan.minSum, scan.single);
  }
  if (sequential && rowMinimaSuffice(cp)) return sequentialFromRowMinima(cp);
  let single = 0;
  let work = 0;
  let minRelease = Infinity;
  for (let i = 0; i < n; i++) {
    const rel = release[i]!;
    if (rel < minRelease) minRelease = rel;
    let best = Infinity;
    let bestFinish = Infinity;
    for (let j = 0, k = i * m; j < m; j++, k++) {
      const p = exec[k]! + transfer[k]!;
      if (p < best) best = p;
      const s = sequential && ready[j]! > rel ? ready[j]! : rel;
      if (s + p < bestFinish) bestFinish = s + p;
    }
    work += best;
    if (bestFinish > single) single = bestFinish;
  }
  if (!sequential) return single;
  return waterFill(cp, minRelease, work, single);
}

/**
 * Water filling: the smallest T with Σ_j max(0, T − r_j) ≥ work, r_j = max(ready_j, minRelease); then max(T, single).
 * When no device is ready after minRelease every r_j is minRelease (already sorted): the same loop, without the
 * array and the sort. @internal
 */
export function waterFill(cp: CompiledProblem, minRelease: number, work: number, single: number): number {
  const { m, ready } = cp;
  let uniform = true;
  for (let j = 0; j < m && uniform; j++) uniform = !(ready[j]! > minRelease);
  let r: Float64Array | undefined;
  if (!uniform) {
    r = new Float64Array(m);
    for (let j = 0; j < m; j++) r[j] = ready[j]! > minRelease ? ready[j]! : minRelease;
    r.sort();
  }
  let prefix = 0;
  let fill = Infinity;
  for (let k = 1; k <= m; k++) {
    prefix += r === undefined ? minRelease : r[k - 1]!;
    const t = (work + prefix) / k;
    if (k === m || t <= (r === undefined ? minRelease : r[k]!)) {
      fill = t;
      break;
    }
  }
  return fill > single ? fill : single;
}

/** Whether every device is ready by every release (max ready ≤ min release): then each task's best finish is release + its smallest time. */
function rowMinimaSuffice(cp: CompiledProblem): boolean {
  let maxReady = 0;
  for (let j = 0; j < cp.m; j++) if (cp.ready[j]! > maxReady) maxReady = cp.ready[j]!;
  if (maxReady === 0) return true;
  for (let i = 0; i < cp.n; i++) if (cp.release[i]! < maxReady) return false;
  return true;
}

/**
 * The `'sequential'` bound of {@link lowerBoundCompiled} when max ready ≤ min
 * release: the same values from one pass of row minima (s = release in
 * every pair, so B1 = max_i (release_i + p_i), and every r_j = min release).
 */
function sequentialFromRowMinima(cp: CompiledProblem): number {
  const { n, m, exec, transfer, release } = cp;
  let single = 0;
  let work = 0;
  let minRelease = Infinity;
  for (let i = 0; i < n; i++) {
    const rel = release[i]!;
    if (rel < minRelease) minRelease = rel;
    let best = Infinity;
    for (let k = i * m, end = k + m; k < end; k++) {
      const p = exec[k]! + transfer[k]!;
      if (p < best) best = p;
    }
    work += best;
    const f = rel + best;
    if (f > single) single = f;
  }
  return waterFill(cp, minRelease, work, single);
}
