/**
 * Task priority (seed, section 4.1).
 * @module
 */
import type { ScoreForm } from './criteria.js';
import { isCriterion, scoreColumnSet, scoreOne, scoreSet, type ModelSpec } from './model.js';

/** A task's priority criteria (seed, section 4.1). All finite and ≥ 0. */
export interface PriorityCriteria {
  /** Importance A. */
  readonly importance: number;
  /** Urgency B. */
  readonly urgency: number;
  /** Satisfaction C. */
  readonly satisfaction: number;
}

/** Options of {@link priorities}. */
export interface PrioritiesOptions {
  /**
   * `'base'`: `P = A·B·C`; `'weighted'`: `P = w1·A + w2·B + w3·C` (needs
   * `weights`); `'normalized'`: weighted with `w = (1/ΣA, 1/ΣB, 1/ΣC)` over
   * the given tasks.
   * @defaultValue `'base'`
   */
  readonly form?: ScoreForm;
  /**
   * `[w1, w2, w3]` for importance, urgency, satisfaction; only with
   * `form: 'weighted'`, where it is required.
   * @defaultValue none
   */
  readonly weights?: readonly [number, number, number] | ArrayLike<number>;
}

/** Options of {@link priority}: the normalized form needs a whole set. */
export interface PriorityOptions {
  /**
   * `'base'` (`A·B·C`) or `'weighted'` (`w1·A + w2·B + w3·C`).
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

/** The priority model for the shared machinery (also read by `formulaPriorities`). @internal */
export const prioritySpec: ModelSpec = {
  setFn: 'priorities',
  oneFn: 'priority',
  items: 'tasks',
  item: 'task',
  fields: ['importance', 'urgency', 'satisfaction'],
  positiveInBase: -1,
  readBase: (items, out) => {
    for (let i = 0; i < items.length; i++) {
      const t = items[i] as PriorityCriteria | null;
      if (typeof t !== 'object' || t === null) return i;
      const x = t.importance, y = t.urgency, z = t.satisfaction;
      if (!(criterion(x) && criterion(y) && criterion(z))) return i;
      const v = x * y * z;
      if (!(v - v === 0)) return i;
      out[i] = v;
    }
    return -1;
  },
  readWeighted: (items, wa, wb, wc, out) => {
    for (let i = 0; i < items.length; i++) {
      const t = items[i] as PriorityCriteria | null;
      if (typeof t !== 'object' || t === null) return i;
      const x = t.importance, y = t.urgency, z = t.satisfaction;
      if (!(criterion(x) && criterion(y) && criterion(z))) return i;
      const v = wa * x + wb * y + wc * z + 0;
      if (!(v - v === 0)) return i;
      out[i] = v;
    }
    return -1;
  },
  read: (items, a, b, c) => {
    for (let i = 0; i < items.length; i++) {
      const t = items[i] as PriorityCriteria | null;
      if (typeof t !== 'object' || t === null) return i;
      const x = t.importance, y = t.urgency, z = t.satisfaction;
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
      const t = items[i] as PriorityCriteria | null;
      if (typeof t !== 'object' || t === null) return i;
      const x = t.importance, y = t.urgency, z = t.satisfaction;
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
      const v = x * y * z;
      out[i] = v;
      if (!(x >= 0 && y >= 0 && z >= 0 && v - v === 0)) return i;
    }
    return -1;
  },
};

/**
 * Priorities of a set of tasks (seed, section 4.1), in one of three forms:
 * base `P = A·B·C`; weighted `P = w1·A + w2·B + w3·C`; normalized, the
 * weighted form with `w1 = 1/ΣA, w2 = 1/ΣB, w3 = 1/ΣC` over the given tasks
 * (so the normalized priorities of a set sum to 3). Higher is more urgent.
 * The seed's general base form `P = f(A, B, C)` with a formula of your own
 * is `formulaPriorities` in the `lepton-sched/formula` entry point; for
 * large sets, {@link prioritiesFromColumns} skips the objects.
 *
 * Complexity: O(n).
 *
 * @param tasks - Criteria of each task, finite and ≥ 0.
 * @param options - {@link PrioritiesOptions}.
 * @returns A new `Float64Array`, one priority per task, in input order.
 * @throws {@link InputTypeError} for a non-array, a non-object task, a missing criterion, an unknown option, or weights of the wrong length.
 * @throws {@link InputRangeError} for a NaN, infinite or negative criterion, or (normalized) a criterion summing to 0 over the set.
 *
 * @example
 * ```ts
 * priorities([{ importance: 3, urgency: 5, satisfaction: 4 }]);
 * // Float64Array [60]
 * priorities(workedExample.tasks, { form: 'normalized' });
 * // Float64Array [0.8, 0.6667, 0.6667, 0.6667, 0.2]   (rounded)
 * ```
 */
export function priorities(tasks: readonly PriorityCriteria[], options?: PrioritiesOptions): Float64Array {
  return scoreSet(prioritySpec, tasks, options);
}

/**
 * Priority of one task in the base (`A·B·C`) or weighted form (seed, 4.1).
 * The normalized form needs the whole set: use {@link priorities}.
 *
 * @param task - The task's criteria, finite and ≥ 0.
 * @param options - {@link PriorityOptions}.
 * @returns The priority.
 * @throws {@link InputTypeError} for a malformed task or options.
 * @throws {@link InputRangeError} for a NaN, infinite or negative criterion.
 *
 * @example
 * ```ts
 * priority({ importance: 3, urgency: 5, satisfaction: 4 }); // 60
 * priority({ importance: 3, urgency: 5, satisfaction: 4 }, { form: 'weighted', weights: [1, 0.5, 0] }); // 5.5
 * ```
 */
export function priority(task: PriorityCriteria, options?: PriorityOptions): number {
  return scoreOne(prioritySpec, task, options);
}

/**
 * {@link priorities} from three typed columns `[importance, urgency, satisfaction]` instead of objects:
 * the same forms (base `A·B·C`, weighted, normalized), the same results, and
 * the fast path for large sets (a `Float64Array` column is validated in
 * place, never copied; objects cost a pointer chase per criterion).
 *
 * Complexity: O(n).
 *
 * @param columns - `[importance, urgency, satisfaction]`, three arrays or typed arrays of equal length n, entries finite and ≥ 0.
 * @param options - {@link PrioritiesOptions}.
 * @returns A new `Float64Array` of n values, in input order.
 * @throws {@link InputTypeError} for a wrong number of columns, ragged or non-array columns, or malformed options.
 * @throws {@link InputRangeError} for a NaN, infinite or negative entry, a zero where the base form divides, an overflow, or (normalized) a column summing to 0.
 *
 * @example
 * ```ts
 * prioritiesFromColumns([Float64Array.of(3, 2), Float64Array.of(5, 3), Float64Array.of(4, 5)]);
 * // Float64Array [60, 30]
 * ```
 */
export function prioritiesFromColumns(columns: readonly [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>], options?: PrioritiesOptions): Float64Array {
  return scoreColumnSet(prioritySpec, 'prioritiesFromColumns', columns, options);
}
