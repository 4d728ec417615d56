/**
 * Task priority (seed, section 4.1).
 * @module
 */
import type { ScoreForm } from './criteria.js';
import { scoreOne, scoreSet, type ModelSpec } from './model.js';

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

const spec: ModelSpec<keyof PriorityCriteria> = {
  setFn: 'priorities',
  oneFn: 'priority',
  items: 'tasks',
  fields: ['importance', 'urgency', 'satisfaction'],
  positiveInBase: [],
  base: (x) => x[0]! * x[1]! * x[2]!,
};

/**
 * Priorities of a set of tasks (seed, section 4.1), in one of three forms:
 * base `P = A·B·C`; weighted `P = w1·A + w2·B + w3·C`; normalized, the
 * weighted form with `w1 = 1/ΣA, w2 = 1/ΣB, w3 = 1/ΣC` over the given tasks
 * (so the normalized priorities of a set sum to 3). Higher is more urgent.
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
  return scoreSet(spec, tasks, options);
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
  return scoreOne(spec, task, options);
}
