/**
 * Device load (seed, section 4.2).
 * @module
 */
import type { ScoreForm } from './criteria.js';
import { isCriterion, scoreColumnSet, scoreOne, scoreSet, type ModelSpec } from './model.js';

/** A device's load criteria (seed, section 4.2). All finite and ≥ 0. */
export interface LoadCriteria {
  /** Compute capacity C. */
  readonly capacity: number;
  /** Remaining resources R. */
  readonly remaining: number;
  /** Execution time T (must be > 0 in the base form). */
  readonly execTime: number;
}

/** Options of {@link loads}. */
export interface LoadsOptions {
  /**
   * `'base'`: `L = C·R/T`; `'weighted'`: `L = w1·C + w2·R + w3·T` (needs
   * `weights`); `'normalized'`: weighted with `w = (1/ΣC, 1/ΣR, 1/ΣT)` over
   * the given devices.
   * @defaultValue `'base'`
   */
  readonly form?: ScoreForm;
  /**
   * `[w1, w2, w3]` for capacity, remaining, execTime; required with
   * `form: 'weighted'`.
   * @defaultValue none
   */
  readonly weights?: readonly [number, number, number] | ArrayLike<number>;
}

/** Options of {@link load}. */
export interface LoadOptions {
  /**
   * `'base'` (`C·R/T`) or `'weighted'`.
   * @defaultValue `'base'`
   */
  readonly form?: 'base' | 'weighted';
  /**
   * `[w1, w2, w3]`; required with `form: 'weighted'`.
   * @defaultValue none
   */
  readonly weights?: readonly [number, number, number] | ArrayLike<number>;
}

/**
 * `isCriterion` through a module-local binding, so the loops below call it
 * directly (test runners compile a call to an imported name into a property
 * read on the module per call, which the loops then pay per value).
 */
const criterion = isCriterion;

const spec: ModelSpec = {
  setFn: 'loads',
  oneFn: 'load',
  items: 'devices',
  item: 'device',
  fields: ['capacity', 'remaining', 'execTime'],
  positiveInBase: 2,
  readBase: (items, out) => {
    for (let i = 0; i < items.length; i++) {
      const t = items[i] as LoadCriteria | null;
      if (typeof t !== 'object' || t === null) return i;
      const x = t.capacity, y = t.remaining, z = t.execTime;
      if (!(criterion(x) && criterion(y) && criterion(z))) return i;
      const v = (x * y) / z;
      if (!(z > 0 && v - v === 0)) return i;
      out[i] = v;
    }
    return -1;
  },
  readWeighted: (items, wa, wb, wc, out) => {
    for (let i = 0; i < items.length; i++) {
      const t = items[i] as LoadCriteria | null;
      if (typeof t !== 'object' || t === null) return i;
      const x = t.capacity, y = t.remaining, z = t.execTime;
      if (!(criterion(x) && criterion(y) && criterion(z))) return i;
      const v = wa * x + wb * y + wc * z + 0;
      if (!(v - v === 0)) return i;
      out[i] = v;
    }
    return -1;
  },
  read: (items, a, b, c) => {
    for (let i = 0; i < items.length; i++) {
      const t = items[i] as LoadCriteria | null;
      if (typeof t !== 'object' || t === null) return i;
      const x = t.capacity, y = t.remaining, z = t.execTime;
      if (!(criterion(x) && criterion(y) && criterion(z))) return i;
      a[i] = x;
      b[i] = y;
      c[i] = z;
    }
    return -1;
  },
  readSums: (items, sums) => {
    let sa = 0, sb = 0, sc = 0;
    for (let i = 0; i < items.length; i++) {
      const t = items[i] as LoadCriteria | null;
      if (typeof t !== 'object' || t === null) return i;
      const x = t.capacity, y = t.remaining, z = t.execTime;
      if (!(criterion(x) && criterion(y) && criterion(z))) return i;
      sa += x;
      sb += y;
      sc += z;
    }
    sums[0] = sa;
    sums[1] = sb;
    sums[2] = sc;
    return -1;
  },
  base: (a, b, c, out) => {
    for (let i = 0; i < out.length; i++) {
      const x = a[i]!, y = b[i]!, z = c[i]!;
      const v = (x * y) / z;
      out[i] = v;
      if (!(x >= 0 && y >= 0 && z > 0 && z < Infinity && v - v === 0)) return i;
    }
    return -1;
  },
};

/**
 * Loads of a set of devices (seed, section 4.2), in one of three forms: base
 * `L = C·R/T`; weighted `L = w1·C + w2·R + w3·T`; normalized, the weighted
 * form with `w1 = 1/ΣC, w2 = 1/ΣR, w3 = 1/ΣT` over the given devices.
 *
 * The seed's formula mixes a benefit (capacity, remaining resources: more is
 * better) with a cost (execution time: more is worse) in one sum, and calls
 * the result "load" although a larger value means a *more* capable device.
 * Read the base form as "useful capacity per unit time" (higher is better).
 * To rank devices with execution time as a cost, use
 * {@link multiCriteriaScores} (its example ranks the worked example's
 * devices that way); for large sets, {@link loadsFromColumns} skips the
 * objects.
 *
 * Complexity: O(m).
 *
 * @param devices - Criteria of each device, finite and ≥ 0 (execTime > 0 in the base form).
 * @param options - {@link LoadsOptions}.
 * @returns A new `Float64Array`, one load per device, in input order.
 * @throws {@link InputTypeError} for a malformed set, device or options.
 * @throws {@link InputRangeError} for a NaN, infinite or negative criterion, execTime 0 in the base form, or (normalized) a criterion summing to 0.
 *
 * @example
 * ```ts
 * loads(workedExample.devices);
 * // Float64Array [25000, 40000, 50000, 120000]
 * ```
 */
export function loads(devices: readonly LoadCriteria[], options?: LoadsOptions): Float64Array {
  return scoreSet(spec, devices, options);
}

/**
 * Load of one device in the base (`C·R/T`) or weighted form (seed, 4.2).
 *
 * @param device - The device's criteria.
 * @param options - {@link LoadOptions}.
 * @returns The load.
 * @throws {@link InputTypeError} for a malformed device or options.
 * @throws {@link InputRangeError} for a NaN, infinite or negative criterion, or execTime 0 in the base form.
 *
 * @example
 * ```ts
 * load({ capacity: 1000, remaining: 500, execTime: 20 }); // 25000
 * ```
 */
export function load(device: LoadCriteria, options?: LoadOptions): number {
  return scoreOne(spec, device, options);
}

/**
 * {@link loads} from three typed columns `[capacity, remaining, execTime]` instead of objects:
 * the same forms (base `C·R/T`, weighted, normalized), the same results, and
 * the fast path for large sets (a `Float64Array` column is validated in
 * place, never copied; objects cost a pointer chase per criterion).
 *
 * Complexity: O(n).
 *
 * @param columns - `[capacity, remaining, execTime]`, three arrays or typed arrays of equal length n, entries finite and ≥ 0.
 * @param options - {@link LoadsOptions}.
 * @returns A new `Float64Array` of n values, in input order.
 * @throws {@link InputTypeError} for a wrong number of columns, ragged or non-array columns, or malformed options.
 * @throws {@link InputRangeError} for a NaN, infinite or negative entry, a zero where the base form divides, an overflow, or (normalized) a column summing to 0.
 *
 * @example
 * ```ts
 * loadsFromColumns([[1000, 1500], [500, 800], [20, 30]]);
 * // Float64Array [25000, 40000]
 * ```
 */
export function loadsFromColumns(columns: readonly [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>], options?: LoadsOptions): Float64Array {
  return scoreColumnSet(spec, 'loadsFromColumns', columns, options);
}
