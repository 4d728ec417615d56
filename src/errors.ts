/**
 * The library's error classes. Every error a public function throws for bad
 * input is one of these; each is a subclass of the built-in `TypeError` or
 * `RangeError`, so `instanceof TypeError` keeps working for callers that only
 * know the built-ins. Messages read `fn: field must be ..., got ...`.
 *
 * @module
 */

/** What every lepton-sched error carries besides its message. */
export interface LeptonErrorInfo {
  /** The public function that rejected the input, e.g. `'priorities'`. */
  readonly fn: string;
  /** The offending field with its index, e.g. `'tasks[3].urgency'`. */
  readonly field: string;
}

/**
 * Wrong shape or type: not an array, a ragged matrix, a missing field, an
 * unknown option or strategy name.
 *
 * @example
 * ```ts
 * try { priorities([{ importance: 1 } as never]); }
 * catch (e) { e instanceof InputTypeError; // true
 *   // e.message: "priorities: tasks[0].urgency must be a finite number, got undefined"
 * }
 * ```
 */
export class InputTypeError extends TypeError implements LeptonErrorInfo {
  override readonly name = 'InputTypeError';
  readonly fn: string;
  readonly field: string;
  /** @internal */
  constructor(fn: string, field: string, message: string) {
    super(message);
    this.fn = fn;
    this.field = field;
  }
}

/**
 * A number outside its domain: NaN, ±Infinity where a finite value is needed,
 * a negative time, a criterion column that sums to 0 where the normalized form
 * needs 1/Σ.
 */
export class InputRangeError extends RangeError implements LeptonErrorInfo {
  override readonly name = 'InputRangeError';
  readonly fn: string;
  readonly field: string;
  /** @internal */
  constructor(fn: string, field: string, message: string) {
    super(message);
    this.fn = fn;
    this.field = field;
  }
}

/**
 * The input is well formed but admits no solution: a task that no device can
 * run, an assignment matrix with no complete matching, capacities too small.
 */
export class InfeasibleError extends RangeError implements LeptonErrorInfo {
  override readonly name = 'InfeasibleError';
  readonly fn: string;
  readonly field: string;
  /** @internal */
  constructor(fn: string, field: string, message: string) {
    super(message);
    this.fn = fn;
    this.field = field;
  }
}
