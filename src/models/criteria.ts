/**
 * The criteria core shared by the three models of the seed (section 4): a set
 * of items, each described by k non-negative criteria, scored by a weighted
 * sum of the criterion columns. The normalized-weight form takes
 * `w_k = 1 / Σ column k`, so each column is divided by its own sum and the
 * scores of a set add up to k.
 *
 * Priority, load and transfer time are thin instances of this core; no
 * formula is written twice.
 *
 * @module
 */
import { checkArray, checkFinite, checkOneOf, checkOptions, rangeReason, typeError, typeReason } from '../internal/errors.js';

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
 * over the number of criteria. With `form: 'normalized'` the weights are
 * `w_k = 1/Σ_i columns[k][i]` (seed, section 4.1-4.2), computed with a scaled
 * sum when the plain sum would overflow or its inverse underflow, so inputs
 * across 1e-300..1e300 give finite results.
 *
 * Complexity: O(n·k) time, one output allocation.
 *
 * @param columns - k columns of equal length n, values finite and ≥ 0.
 * @param options - {@link ScoreColumnsOptions}.
 * @returns A new `Float64Array` of n scores.
 * @throws {@link InputTypeError} for a non-array column, mismatched lengths, or weights of the wrong length.
 * @throws {@link InputRangeError} for a NaN, infinite or negative entry, or (normalized) a column summing to 0.
 *
 * @example
 * ```ts
 * scoreColumns([[1, 3], [2, 2]], { form: 'normalized' });
 * // Float64Array [0.75, 1.25]   (1/4 + 2/4, 3/4 + 2/4)
 * ```
 */
export function scoreColumns(
  columns: readonly ArrayLike<number>[],
  options?: ScoreColumnsOptions,
): Float64Array {
  const fn = 'scoreColumns';
  const opts = checkOptions(fn, options, ['form', 'weights']);
  const form = opts.form === undefined ? 'normalized' : checkOneOf(fn, 'options.form', opts.form, ['weighted', 'normalized'] as const);
  checkArray(fn, 'columns', columns);
  const k = columns.length;
  const names: string[] = [];
  const cols: Float64Array[] = [];
  let n = -1;
  for (let c = 0; c < k; c++) {
    const col = columns[c];
    if (!Array.isArray(col) && !(col instanceof Float64Array) && !ArrayBuffer.isView(col)) {
      typeError(fn, `columns[${c}]`, 'an array or typed array of numbers', col);
    }
    const arr = col as ArrayLike<number>;
    if (n === -1) n = arr.length;
    else if (arr.length !== n) typeError(fn, `columns[${c}]`, `of length ${n} like columns[0]`, col);
    const f = new Float64Array(arr.length);
    for (let i = 0; i < arr.length; i++) {
      const v = checkFinite(fn, `columns[${c}][${i}]`, arr[i]);
      if (v < 0) rangeReason(fn, `columns[${c}][${i}]`, `must be a finite number >= 0, got ${v}`);
      f[i] = v;
    }
    cols.push(f);
    names.push(`columns[${c}]`);
  }
  return combine(fn, cols, names, form, opts.weights as ArrayLike<number> | undefined, Math.max(n, 0));
}

/**
 * The inverse-sum weights `w_k = 1/Σ column k`. Throws, naming the column,
 * when a column sums to 0 (1/Σ undefined). For overflowing or denormal sums
 * the returned weight may be 0 or Infinity; {@link combine} handles those
 * columns with a scaled sum instead.
 * @internal
 */
export function inverseSumWeights(fn: string, cols: readonly Float64Array[], names: readonly string[]): Float64Array {
  const w = new Float64Array(cols.length);
  for (let c = 0; c < cols.length; c++) {
    const col = cols[c]!;
    let s = 0;
    let max = 0;
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      s += v;
      if (v > max) max = v;
    }
    if (max === 0 && col.length > 0) {
      rangeReason(fn, names[c]!, 'sums to 0, so the normalized weight 1/Σ is undefined');
    }
    w[c] = 1 / s;
  }
  return w;
}

/**
 * Weighted sum of validated columns; `form: 'normalized'` derives the
 * weights. Shared by every model.
 * @internal
 */
export function combine(
  fn: string,
  cols: readonly Float64Array[],
  names: readonly string[],
  form: ColumnForm,
  weights: ArrayLike<number> | undefined,
  n: number,
): Float64Array {
  const k = cols.length;
  const out = new Float64Array(n);
  if (form === 'weighted') {
    if (weights === undefined) typeError(fn, 'options.weights', `an array of ${k} finite numbers (form 'weighted')`, weights);
    if (!Array.isArray(weights) && !ArrayBuffer.isView(weights)) typeError(fn, 'options.weights', `an array of ${k} finite numbers`, weights);
    if (weights.length !== k) typeError(fn, 'options.weights', `an array of length ${k}`, weights);
    for (let c = 0; c < k; c++) {
      const w = checkFinite(fn, `options.weights[${c}]`, weights[c]);
      const col = cols[c]!;
      for (let i = 0; i < n; i++) out[i]! += w * col[i]!;
    }
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(out[i]!)) rangeReason(fn, `result[${i}]`, 'overflows the range of a double; scale the weights down');
    }
    return out;
  }
  if (weights !== undefined) typeReason(fn, 'options.weights', "is only used with form 'weighted'");
  if (n === 0) return out;
  const w = inverseSumWeights(fn, cols, names);
  for (let c = 0; c < k; c++) {
    const col = cols[c]!;
    const wc = w[c]!;
    if (Number.isFinite(wc) && wc > 0 && Number.isFinite(1 / wc)) {
      for (let i = 0; i < n; i++) out[i]! += wc * col[i]!;
    } else {
      // Overflowing sum or denormal inverse: scale by the column maximum first.
      let max = 0;
      for (let i = 0; i < n; i++) if (col[i]! > max) max = col[i]!;
      let s = 0;
      for (let i = 0; i < n; i++) s += col[i]! / max;
      for (let i = 0; i < n; i++) out[i]! += col[i]! / max / s;
    }
  }
  return out;
}
