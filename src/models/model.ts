/**
 * The machinery shared by the three models: read named criteria from plain
 * objects into typed columns (validating once), then score them in one of the
 * three forms through the criteria core. Not exported from the package: each
 * model wraps it in its own documented functions.
 * @internal
 * @module
 */
import { checkArray, checkFinite, checkObject, checkOneOf, checkOptions, rangeError, rangeReason } from '../internal/errors.js';
import { combine, type ScoreForm } from './criteria.js';

/** How one model is defined: its criteria and its base formula. @internal */
export interface ModelSpec<K extends string> {
  /** Function names for messages: the set form and the one-item form. */
  readonly setFn: string;
  readonly oneFn: string;
  /** Name of the set argument in messages, e.g. `'tasks'`. */
  readonly items: string;
  /** The criteria, in the order the weights refer to them. */
  readonly fields: readonly K[];
  /** Fields that must be strictly positive in the base form (e.g. T in C·R/T). */
  readonly positiveInBase: readonly K[];
  /** The base formula over one item's criteria, in `fields` order. */
  readonly base: (x: Float64Array) => number;
}

const FORMS = ['base', 'weighted', 'normalized'] as const;

/** Reads and validates `items[i][field]` into one Float64Array per field. */
export function readColumns<K extends string>(
  fn: string,
  itemsName: string,
  items: readonly Readonly<Record<K, number>>[],
  fields: readonly K[],
): Float64Array[] {
  checkArray(fn, itemsName, items);
  const n = items.length;
  const cols = fields.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const item: unknown = items[i];
    checkObject(fn, `${itemsName}[${i}]`, item);
    for (let c = 0; c < fields.length; c++) {
      const field = fields[c]!;
      const v = checkFinite(fn, `${itemsName}[${i}].${field}`, item[field]);
      if (v < 0) rangeError(fn, `${itemsName}[${i}].${field}`, 'a finite number >= 0', v);
      cols[c]![i] = v;
    }
  }
  return cols;
}

function checkBaseResult(fn: string, field: string, v: number): number {
  if (!Number.isFinite(v)) rangeReason(fn, field, 'overflows the range of a double in the base form');
  return v;
}

/** Scores a set of items in the requested form. */
export function scoreSet<K extends string>(
  spec: ModelSpec<K>,
  items: readonly Readonly<Record<K, number>>[],
  options: unknown,
): Float64Array {
  const fn = spec.setFn;
  const opts = checkOptions(fn, options, ['form', 'weights']);
  const form: ScoreForm = opts.form === undefined ? 'base' : checkOneOf(fn, 'options.form', opts.form, FORMS);
  const cols = readColumns(fn, spec.items, items, spec.fields);
  const n = cols[0]?.length ?? 0;
  if (form !== 'base') {
    const names = spec.fields.map((f) => `${spec.items}[*].${f}`);
    return combine(fn, cols, names, form, opts.weights as ArrayLike<number> | undefined, n);
  }
  if (opts.weights !== undefined) rangeReason(fn, 'options.weights', "is only used with form 'weighted'");
  const out = new Float64Array(n);
  const x = new Float64Array(spec.fields.length);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < x.length; c++) {
      const v = cols[c]![i]!;
      if (v === 0 && spec.positiveInBase.includes(spec.fields[c]!)) {
        rangeError(fn, `${spec.items}[${i}].${spec.fields[c]!}`, 'a finite number > 0 in the base form', v);
      }
      x[c] = v;
    }
    out[i] = checkBaseResult(fn, `${spec.items}[${i}]`, spec.base(x));
  }
  return out;
}

/** Scores one item in the base or weighted form. */
export function scoreOne<K extends string>(
  spec: ModelSpec<K>,
  item: Readonly<Record<K, number>>,
  options: unknown,
): number {
  const fn = spec.oneFn;
  const opts = checkOptions(fn, options, ['form', 'weights']);
  const form = opts.form === undefined ? 'base' : checkOneOf(fn, 'options.form', opts.form, ['base', 'weighted'] as const);
  const name = spec.items.replace(/s$/, '');
  checkObject(fn, name, item);
  const cols = readColumns(fn, spec.items, [item], spec.fields).map((c) => c);
  if (form === 'weighted') {
    const out = combine(fn, cols, spec.fields, 'weighted', opts.weights as ArrayLike<number> | undefined, 1);
    return out[0]!;
  }
  if (opts.weights !== undefined) rangeReason(fn, 'options.weights', "is only used with form 'weighted'");
  const x = new Float64Array(cols.map((c) => c[0]!));
  for (let c = 0; c < x.length; c++) {
    if (x[c] === 0 && spec.positiveInBase.includes(spec.fields[c]!)) {
      rangeError(fn, `${name}.${spec.fields[c]!}`, 'a finite number > 0 in the base form', 0);
    }
  }
  return checkBaseResult(fn, name, spec.base(x));
}
