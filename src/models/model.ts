/**
 * The machinery shared by the three models: read named criteria from plain
 * objects into typed columns (validating once), then score them in one of the
 * three forms through the criteria core. Not exported from the package: each
 * model wraps it in its own documented functions.
 * @internal
 * @module
 */
import { checkArray, checkFinite, checkObject, checkOneOf, checkOptions, rangeError, rangeReason, typeError, typeReason } from '../internal/errors.js';
import { nearestName } from '../internal/suggest.js';
import { badRow, checkColumns, columnNaming, type Naming } from './columns.js';
import { resolveWeights, type ScoreForm } from './criteria.js';
import { normalizedSum, weightedSum } from './weightedSum.js';

/** How one model is defined: its three criteria and its base formula. @internal */
export interface ModelSpec {
  /** Function names for messages: the set form and the one-item form. */
  readonly setFn: string;
  readonly oneFn: string;
  /** Name of the set argument in messages, e.g. `'tasks'`. */
  readonly items: string;
  /** Name of the one-item argument in messages, e.g. `'task'`. */
  readonly item: string;
  /** The three criteria, in the order the weights refer to them. */
  readonly fields: readonly [string, string, string];
  /** Index in `fields` of a criterion that must be > 0 in the base form (T in C·R/T), or -1. */
  readonly positiveInBase: number;
  /**
   * Copies `items[i]`'s criteria into `a[i], b[i], c[i]` while each item is
   * an object whose three criteria pass `isCriterion`; returns the
   * index of the first item that does not, or -1. Written in each model file
   * with literal property names, so the reads stay monomorphic (a shared
   * loop reading `item[field]` was measured 10-20x slower once all three
   * models had run).
   */
  readonly read: (items: readonly unknown[], a: Float64Array, b: Float64Array, c: Float64Array) => number;
  /**
   * The base form straight from the objects, in one pass with no columns:
   * `out[i]` = the base formula, with `base`'s floating-point operations;
   * returns the first i that is not an object with three criteria passing
   * `isCriterion`, whose positive criterion is 0 or whose result is not
   * finite, or -1 (the caller then takes the column path for the message).
   * Per model file with literal property names, like `read`.
   */
  readonly readBase: (items: readonly unknown[], out: Float64Array) => number;
  /**
   * The column sums straight from the objects, in one pass with no columns:
   * `sums[k]` = Σ_i of criterion k in index order, as `columnSums` adds
   * them; returns the first i that is not an object with three criteria
   * passing `isCriterion`, or -1. Per model file with literal property
   * names, like `read`.
   */
  readonly readSums: (items: readonly unknown[], sums: Float64Array) => number;
  /** The weighted form straight from the objects, `wa·x + wb·y + wc·z + 0` as `weightedSum` computes it; same contract as `readBase`. */
  readonly readWeighted: (items: readonly unknown[], wa: number, wb: number, wc: number, out: Float64Array) => number;
  /**
   * The base formula over columns, `out[i] = f(a[i], b[i], c[i])`, with the
   * checks fused into the loop: returns the first i whose inputs are not
   * finite and ≥ 0 (> 0 for the positive criterion) or whose result is not
   * finite, or -1. The caller turns a bad row into the precise message.
   */
  readonly base: (a: Float64Array, b: Float64Array, c: Float64Array, out: Float64Array) => number;
}

/** The fast check of one criterion: a finite number ≥ 0. @internal */
export function isCriterion(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && v < Infinity;
}

const FORMS = ['base', 'weighted', 'normalized'] as const;

/**
 * Reads and validates the three criteria of every item into typed columns,
 * in one pass over the objects. The fast path only tests; on the first bad
 * item, `badItem` re-checks it field by field to throw the precise
 * message.
 * @internal
 */
export function readColumns(fn: string, spec: ModelSpec, items: unknown): [Float64Array, Float64Array, Float64Array] {
  checkArray(fn, spec.items, items);
  const n = items.length;
  const a = new Float64Array(n), b = new Float64Array(n), c = new Float64Array(n);
  const bad = spec.read(items, a, b, c);
  if (bad >= 0) badItem(fn, spec.items, bad, items[bad], spec.fields);
  return [a, b, c];
}

/** Throws the precise message for an item the fast path rejected. */
function badItem(fn: string, itemsName: string, i: number, item: unknown, fields: readonly string[]): never {
  const at = `${itemsName}[${i}]`;
  checkObject(fn, at, item);
  for (const field of fields) {
    // A missing field next to a misspelt key: name the key the caller wrote.
    const near = item[field] === undefined ? Object.keys(item).find((key) => !fields.includes(key) && nearestName(key, [field]) === field) : undefined;
    if (near !== undefined) typeReason(fn, `${at}.${field}`, `must be a finite number, got undefined (found '${near}': did you mean '${field}'?)`);
    const v = checkFinite(fn, `${at}.${field}`, item[field]);
    if (v < 0) rangeError(fn, `${at}.${field}`, 'a finite number >= 0', v);
  }
  return rangeReason(fn, at, 'was rejected (internal error: please report)');
}

/** Applies the base formula (checks fused); a bad row throws the precise message. */
function baseScores(fn: string, spec: ModelSpec, cols: readonly [Float64Array, Float64Array, Float64Array], naming: Naming, result: (i: number) => string): Float64Array {
  const out = new Float64Array(cols[0].length);
  const bad = spec.base(cols[0], cols[1], cols[2], out);
  if (bad >= 0) badRow(fn, cols, naming, bad, result(bad), spec.positiveInBase);
  return out;
}

/** Messages of the object entry points: `tasks[*].urgency`, `tasks[7].urgency`. */
function objectNaming(spec: ModelSpec): Naming {
  return {
    column: (c) => `${spec.items}[*].${spec.fields[c]!}`,
    entry: (c, i) => `${spec.items}[${i}].${spec.fields[c]!}`,
  };
}

/** Scores a set of items in the requested form. */
export function scoreSet(spec: ModelSpec, items: readonly unknown[], options: unknown): Float64Array {
  const fn = spec.setFn;
  const opts = checkOptions(fn, options, ['form', 'weights']);
  const form: ScoreForm = opts.form === undefined ? 'base' : checkOneOf(fn, 'options.form', opts.form, FORMS);
  const weights = resolveWeights(fn, form, opts.weights, spec.fields.length);
  checkArray(fn, spec.items, items);
  if (form !== 'normalized') {
    // One pass over the objects, no columns; on a bad item the column path below throws the precise message.
    const out = new Float64Array(items.length);
    const bad = weights === undefined ? spec.readBase(items, out) : spec.readWeighted(items, weights[0]!, weights[1]!, weights[2]!, out);
    if (bad < 0) return out;
  } else {
    // Two passes over the objects, no columns: the sums, then the weighted form with w = 1/Σ (normalizedSum's
    // arithmetic when every sum is finite and > 0 with a finite inverse; otherwise the column path below).
    const sums = new Float64Array(3);
    if (spec.readSums(items, sums) < 0) {
      const wa = 1 / sums[0]!, wb = 1 / sums[1]!, wc = 1 / sums[2]!;
      if (sums[0]! > 0 && sums[1]! > 0 && sums[2]! > 0 && sums[0]! < Infinity && sums[1]! < Infinity && sums[2]! < Infinity && wa < Infinity && wb < Infinity && wc < Infinity) {
        const out = new Float64Array(items.length);
        if (spec.readWeighted(items, wa, wb, wc, out) < 0) return out;
      }
    }
  }
  const cols = readColumns(fn, spec, items);
  const n = items.length;
  const naming = objectNaming(spec);
  if (weights !== undefined) return weightedSum(fn, cols, naming, weights, n);
  if (form === 'normalized') return normalizedSum(fn, cols, naming, n);
  return baseScores(fn, spec, cols, naming, (i) => `${spec.items}[${i}]`);
}

/** Scores a set given as three typed columns (the column fast path). */
export function scoreColumnSet(spec: ModelSpec, fn: string, columns: unknown, options: unknown): Float64Array {
  const opts = checkOptions(fn, options, ['form', 'weights']);
  const form: ScoreForm = opts.form === undefined ? 'base' : checkOneOf(fn, 'options.form', opts.form, FORMS);
  const weights = resolveWeights(fn, form, opts.weights, 3);
  checkArray(fn, 'columns', columns);
  if (columns.length !== 3) typeError(fn, 'columns', `an array of 3 columns (${spec.fields.join(', ')})`, columns);
  const cols = checkColumns(fn, columns, columnNaming) as [Float64Array, Float64Array, Float64Array];
  const n = cols[0].length;
  if (weights !== undefined) return weightedSum(fn, cols, columnNaming, weights, n);
  if (form === 'normalized') return normalizedSum(fn, cols, columnNaming, n);
  return baseScores(fn, spec, cols, columnNaming, (i) => `result[${i}]`);
}

/** Scores one item in the base or weighted form. */
export function scoreOne(spec: ModelSpec, item: unknown, options: unknown): number {
  const fn = spec.oneFn;
  const opts = checkOptions(fn, options, ['form', 'weights']);
  const form = opts.form === undefined ? 'base' : checkOneOf(fn, 'options.form', opts.form, ['base', 'weighted'] as const);
  const weights = resolveWeights(fn, form, opts.weights, spec.fields.length);
  checkObject(fn, spec.item, item);
  const x = spec.fields.map((field) => {
    const v = checkFinite(fn, `${spec.item}.${field}`, item[field]);
    if (v < 0) rangeError(fn, `${spec.item}.${field}`, 'a finite number >= 0', v);
    return Float64Array.of(v);
  }) as unknown as [Float64Array, Float64Array, Float64Array];
  const naming: Naming = { column: (c) => `${spec.item}.${spec.fields[c]!}`, entry: (c) => `${spec.item}.${spec.fields[c]!}` };
  if (weights !== undefined) return weightedSum(fn, x, naming, weights, 1)[0]!;
  return baseScores(fn, spec, x, naming, () => spec.item)[0]!;
}
