/**
 * The library's error classes. Every error a public function throws for bad
 * input is one of these; each is a subclass of the built-in `TypeError` or
 * `RangeError`, so `instanceof TypeError` keeps working for callers that only
 * know the built-ins. Messages read `fn: field must be ..., got ...`.
 *
 * @module
 */

/**
 * The registered symbol that marks an error as one of this library's classes.
 * `instanceof` checks it (through `Symbol.hasInstance`) rather than the
 * prototype chain, so an error thrown by the CommonJS copy of the library is
 * still `instanceof` the ESM copy's class in a process that loads both (and
 * the other way round), and across bundles that each inline a copy.
 */
const KIND: unique symbol = Symbol.for('lepton-sched.errorKind') as never;

function isKind(value: unknown, kind: string): boolean {
  return typeof value === 'object' && value !== null && (value as { [KIND]?: unknown })[KIND] === kind;
}

function mark(error: Error, kind: string): void {
  Object.defineProperty(error, KIND, { value: kind, enumerable: false });
}

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
    mark(this, 'InputTypeError');
  }

  /** True for any lepton-sched InputTypeError, from the ESM or the CommonJS build alike. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isKind(value, 'InputTypeError');
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
    mark(this, 'InputRangeError');
  }

  /** True for any lepton-sched InputRangeError, from the ESM or the CommonJS build alike. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isKind(value, 'InputRangeError');
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
    mark(this, 'InfeasibleError');
  }

  /** True for any lepton-sched InfeasibleError, from the ESM or the CommonJS build alike. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isKind(value, 'InfeasibleError');
  }
}
