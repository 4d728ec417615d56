/**
 * The criteria core shared by the three models of the seed (section 4): a set
 * of items, each described by k non-negative criteria, scored by a weighted
 * sum of the criterion columns. The normalized-weight form takes
 * `w_k = 1 / Σ column k`, so each column is divided by its own sum and the
 * scores of a set add up to k.
 *
 * Priority, load, transfer time and the multi-criteria scores are thin
 * instances of this core; the weighted-sum loop is written once, in
 * `weightedSum.ts`, and the column checks in `columns.ts`. This file holds
 * the forms and the column-oriented public entry point.
 *
 * @module
 */
import { checkArray, checkFinite, checkOneOf, checkOptions, typeError, typeReason } from '../internal/errors.js';
import { checkColumns, columnNaming, isNumberArray } from './columns.js';
import { normalizedSum, weightedSum } from './weightedSum.js';

/**
 * Which of the seed's three forms to compute.
 * - `'base'`: the model's own formula (A·B·C, C·R/T, Tp+Ts+Tr).
 * - `'weighted'`: `Σ_k w_k · x_k` with caller-given weights.
 * - `'normalized'`: the weighted form with `w_k = 1 / Σ column k` over the set.
 */
export type ScoreForm = 'base' | 'weighted' | 'normalized';

/** The forms {@link scoreColumns} computes (the base form is model-specific). */
export type ColumnForm = 'weighted' | 'normalized';

/** Options of {@link scoreColumns}. */
export interface ScoreColumnsOptions {
  /**
   * `'normalized'` (inverse-sum weights) or `'weighted'` (needs `weights`).
   * @defaultValue `'normalized'`
   */
  readonly form?: ColumnForm;
  /**
   * One finite weight per column; required with `form: 'weighted'`, not
   * allowed with `'normalized'`.
   * @defaultValue none
   */
  readonly weights?: ArrayLike<number>;
}

/**
 * Scores n items from k criterion columns: `out[i] = Σ_k w_k · columns[k][i]`.
 *
 * The column-oriented (typed array) entry point of the criteria core, generic
 * over the number of criteria, and the fastest way to score large sets: a
 * `Float64Array` column is validated in place (never copied, never written).
 * With `form: 'normalized'` the weights are `w_k = 1/Σ_i columns[k][i]`
 * (seed, sections 4.1-4.2), computed with a scaled sum when the plain sum
 * would overflow or its inverse overflow, so inputs across 1e-300..1e300 give
 * finite results.
 *
 * Complexity: O(n·k) time, two passes over the columns, one output allocation
 * (plus one copy per column that is not a `Float64Array`).
 *
 * @param columns - k columns of equal length n (arrays or typed arrays), values finite and ≥ 0.
 * @param options - {@link ScoreColumnsOptions}.
 * @returns A new `Float64Array` of n scores (empty when there are no columns).
 * @throws {@link InputTypeError} for a non-array column, mismatched lengths, weights of the wrong length, or an unknown option.
 * @throws {@link InputRangeError} for a NaN, infinite or negative entry, a non-finite weight, or (normalized) a column summing to 0.
 *
 * @example
 * ```ts
 * scoreColumns([[1, 3], [2, 2]]);
 * // Float64Array [0.75, 1.25]   (1/4 + 2/4, 3/4 + 2/4)
 * scoreColumns([[1, 3], [2, 2]], { form: 'weighted', weights: [1, 10] });
 * // Float64Array [21, 23]
 * ```
 */
export function scoreColumns(columns: readonly ArrayLike<number>[], options?: ScoreColumnsOptions): Float64Array {
  const fn = 'scoreColumns';
  const opts = checkOptions(fn, options, ['form', 'weights']);
  const form = opts.form === undefined ? 'normalized' : checkOneOf(fn, 'options.form', opts.form, ['weighted', 'normalized'] as const);
  checkArray(fn, 'columns', columns);
  const weights = resolveWeights(fn, form, opts.weights, columns.length);
  const cols = checkColumns(fn, columns, columnNaming);
  const n = cols[0]?.length ?? 0;
  return weights === undefined ? normalizedSum(fn, cols, columnNaming, n) : weightedSum(fn, cols, columnNaming, weights, n);
}

/**
 * Validates the `weights` option against the form: required (k finite
 * numbers) for `'weighted'`, forbidden otherwise. Returns the weights as a
 * `Float64Array`, or `undefined` for the other forms.
 * @internal
 */
export function resolveWeights(fn: string, form: string, weights: unknown, k: number): Float64Array | undefined {
  if (form !== 'weighted') {
    if (weights !== undefined) typeReason(fn, 'options.weights', "is only used with form 'weighted'");
    return undefined;
  }
  if (weights === undefined) typeError(fn, 'options.weights', `an array of ${k} finite numbers (form 'weighted')`, weights);
  if (!isNumberArray(weights)) typeError(fn, 'options.weights', `an array of ${k} finite numbers`, weights);
  if (weights.length !== k) typeError(fn, 'options.weights', `an array of length ${k}`, weights);
  const w = new Float64Array(k);
  for (let c = 0; c < k; c++) w[c] = checkFinite(fn, `options.weights[${c}]`, weights[c]);
  return w;
}
