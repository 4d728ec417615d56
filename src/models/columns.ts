/**
 * Reading criterion columns for the criteria core: how messages name a
 * column and its entries, the shape check that turns k columns into
 * `Float64Array`s, and the precise errors for a rejected entry or row.
 * Private to `models/`.
 * @internal
 * @module
 */
import { checkFinite, rangeError, rangeReason, typeError, typeReason } from '../internal/errors.js';

/** How messages name a column and one of its entries. @internal */
export interface Naming {
  /** The whole column c, e.g. `columns[2]` or `tasks[*].urgency`. */
  readonly column: (c: number) => string;
  /** Entry i of column c, e.g. `columns[2][7]` or `tasks[7].urgency`. */
  readonly entry: (c: number, i: number) => string;
}

/** `columns[c]` and `columns[c][i]`. @internal */
export const columnNaming: Naming = {
  column: (c) => `columns[${c}]`,
  entry: (c, i) => `columns[${c}][${i}]`,
};

/** An array or a numeric typed array (not a DataView). @internal */
export function isNumberArray(value: unknown): value is ArrayLike<number> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/**
 * Checks the shape of k columns (arrays or typed arrays of equal length) and
 * returns them as `Float64Array`s. Anything but a `Float64Array` is copied and
 * its entries validated on the way (finite numbers ≥ 0). A `Float64Array` is
 * returned as is, never written, and NOT yet validated: every consumer
 * validates it in the pass it makes anyway (`columnSums`,
 * `weightedSum`, the models' base loops), so validation costs no extra
 * pass.
 * @internal
 */
export function checkColumns(fn: string, columns: readonly unknown[], naming: Naming): Float64Array[] {
  const out: Float64Array[] = [];
  let n = -1;
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c];
    if (!isNumberArray(col)) typeError(fn, naming.column(c), 'an array or typed array of numbers', col);
    if (n === -1) n = col.length;
    else if (col.length !== n) typeReason(fn, naming.column(c), `must be of length ${n} like ${naming.column(0)}, got ${Array.isArray(col) ? 'an array' : `a ${col.constructor.name}`} of length ${col.length}`);
    out.push(col instanceof Float64Array ? col : copyColumn(fn, naming, c, col));
  }
  return out;
}

function copyColumn(fn: string, naming: Naming, c: number, col: ArrayLike<number>): Float64Array {
  const n = col.length;
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = col[i];
    if (typeof v !== 'number' || !(v >= 0 && v < Infinity)) badEntry(fn, naming.entry(c, i), v);
    f[i] = v;
  }
  return f;
}

/** Throws the message for an entry that is not a finite number ≥ 0. @internal */
export function badEntry(fn: string, field: string, v: unknown): never {
  const x = checkFinite(fn, field, v);
  return rangeError(fn, field, 'a finite number >= 0', x);
}

/**
 * Throws the precise message for row i, which a fused check rejected: the
 * first entry that is not a finite number ≥ 0, else (when `positive` names a
 * column) a 0 there, else an overflowing result named `result(i)`.
 * @internal
 */
export function badRow(
  fn: string,
  cols: readonly Float64Array[],
  naming: Naming,
  i: number,
  result: string,
  positive = -1,
): never {
  for (let c = 0; c < cols.length; c++) {
    const v = cols[c]![i]!;
    if (!(v >= 0 && v < Infinity)) badEntry(fn, naming.entry(c, i), v);
  }
  if (positive >= 0 && cols[positive]![i] === 0) rangeError(fn, naming.entry(positive, i), 'a finite number > 0 in the base form', 0);
  return rangeReason(fn, result, 'overflows the range of a double; scale the inputs or weights down');
}
