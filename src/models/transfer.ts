/**
 * Data-transfer time (seed, section 4.2).
 * @module
 */
import type { ScoreForm } from './criteria.js';
import { isCriterion, scoreColumnSet, scoreOne, scoreSet, type ModelSpec } from './model.js';

/** The phases of one data transfer (seed, section 4.2). All finite and ≥ 0. */
export interface TransferCriteria {
  /** Pack time Tp. */
  readonly pack: number;
  /** Send time Ts. */
  readonly send: number;
  /** Unpack time Tr. */
  readonly unpack: number;
}

/** Options of {@link transferTimes}. */
export interface TransferTimesOptions {
  /**
   * `'base'`: `Td = Tp + Ts + Tr`; `'weighted'`: `Td = w1·Tp + w2·Ts + w3·Tr`
   * (needs `weights`); `'normalized'`: weighted with
   * `w = (1/ΣTp, 1/ΣTs, 1/ΣTr)` over the given transfers.
   * @defaultValue `'base'`
   */
  readonly form?: ScoreForm;
  /**
   * `[w1, w2, w3]` for pack, send, unpack; required with `form: 'weighted'`.
   * @defaultValue none
   */
  readonly weights?: readonly [number, number, number] | ArrayLike<number>;
}

/** Options of {@link transferTime}. */
export interface TransferTimeOptions {
  /**
   * `'base'` (`Tp + Ts + Tr`) or `'weighted'`.
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
  setFn: 'transferTimes',
  oneFn: 'transferTime',
  items: 'transfers',
  item: 'transfer',
  fields: ['pack', 'send', 'unpack'],
  positiveInBase: -1,
  readBase: (items, out) => {
    for (let i = 0; i < items.length; i++) {
      const t = items[i] as TransferCriteria | null;
      if (typeof t !== 'object' || t === null) return i;
      const x = t.pack, y = t.send, z = t.unpack;
      if (!(criterion(x) && criterion(y) && criterion(z))) return i;
      const v = x + y + z;
      if (!(v - v === 0)) return i;
      out[i] = v;
    }
    return -1;
  },
  readWeighted: (items, wa, wb, wc, out) => {
    for (let i = 0; i < items.length; i++) {
      const t = items[i] as TransferCriteria | null;
      if (typeof t !== 'object' || t === null) return i;
      const x = t.pack, y = t.send, z = t.unpack;
      if (!(criterion(x) && criterion(y) && criterion(z))) return i;
      const v = wa * x + wb * y + wc * z + 0;
      if (!(v - v === 0)) return i;
      out[i] = v;
    }
    return -1;
  },
  read: (items, a, b, c) => {
    for (let i = 0; i < items.length; i++) {
      const t = items[i] as TransferCriteria | null;
      if (typeof t !== 'object' || t === null) return i;
      const x = t.pack, y = t.send, z = t.unpack;
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
      const t = items[i] as TransferCriteria | null;
      if (typeof t !== 'object' || t === null) return i;
      const x = t.pack, y = t.send, z = t.unpack;
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
      const v = x + y + z;
      out[i] = v;
      if (!(x >= 0 && y >= 0 && z >= 0 && v - v === 0)) return i;
    }
    return -1;
  },
};

/**
 * Data-transfer times of a set of transfers (seed, section 4.2), in one of
 * three forms: base `Td = Tp + Ts + Tr` (a time, in the inputs' unit);
 * weighted `Td = w1·Tp + w2·Ts + w3·Tr`; normalized, the weighted form with
 * `w = (1/ΣTp, 1/ΣTs, 1/ΣTr)` over the given transfers (a unitless score).
 * For large sets, {@link transferTimesFromColumns} skips the objects.
 *
 * Complexity: O(n).
 *
 * @param transfers - Phases of each transfer, finite and ≥ 0.
 * @param options - {@link TransferTimesOptions}.
 * @returns A new `Float64Array`, one value per transfer, in input order.
 * @throws {@link InputTypeError} for a malformed set, transfer or options.
 * @throws {@link InputRangeError} for a NaN, infinite or negative phase, or (normalized) a phase summing to 0.
 *
 * @example
 * ```ts
 * transferTimes(workedExample.transfers);
 * // Float64Array [18, 24, 24]
 * ```
 */
export function transferTimes(transfers: readonly TransferCriteria[], options?: TransferTimesOptions): Float64Array {
  return scoreSet(spec, transfers, options);
}

/**
 * Transfer time of one transfer in the base (`Tp + Ts + Tr`) or weighted form.
 *
 * @param transfer - The transfer's phases.
 * @param options - {@link TransferTimeOptions}.
 * @returns The transfer time.
 * @throws {@link InputTypeError} for a malformed transfer or options.
 * @throws {@link InputRangeError} for a NaN, infinite or negative phase.
 *
 * @example
 * ```ts
 * transferTime({ pack: 5, send: 10, unpack: 3 }); // 18
 * ```
 */
export function transferTime(transfer: TransferCriteria, options?: TransferTimeOptions): number {
  return scoreOne(spec, transfer, options);
}

/**
 * {@link transferTimes} from three typed columns `[pack, send, unpack]` instead of objects:
 * the same forms (base `Tp+Ts+Tr`, weighted, normalized), the same results, and
 * the fast path for large sets (a `Float64Array` column is validated in
 * place, never copied; objects cost a pointer chase per criterion).
 *
 * Complexity: O(n).
 *
 * @param columns - `[pack, send, unpack]`, three arrays or typed arrays of equal length n, entries finite and ≥ 0.
 * @param options - {@link TransferTimesOptions}.
 * @returns A new `Float64Array` of n values, in input order.
 * @throws {@link InputTypeError} for a wrong number of columns, ragged or non-array columns, or malformed options.
 * @throws {@link InputRangeError} for a NaN, infinite or negative entry, a zero where the base form divides, an overflow, or (normalized) a column summing to 0.
 *
 * @example
 * ```ts
 * transferTimesFromColumns([[5, 8], [10, 12], [3, 4]]);
 * // Float64Array [18, 24]
 * ```
 */
export function transferTimesFromColumns(columns: readonly [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>], options?: TransferTimesOptions): Float64Array {
  return scoreColumnSet(spec, 'transferTimesFromColumns', columns, options);
}
