/**
 * The shape of an online scheduler's state, shared by `createOnlineState`,
 * `submit`, `complete` and `simulate`: the types, the bounds of the learnt
 * ratio, and the check of a state handed back by a caller. Its own file so
 * that the modules that build and transform states import it and not each
 * other (the dependency graph of `online/` stays acyclic).
 * @module
 */
import { TIER_NAMES, checkArray, checkFinite, checkInteger, checkNonNegative, checkObject, notOneOf, rangeError, typeError } from '../internal/errors.js';
import type { Tier } from '../problem/types.js';

/**
 * The smallest learnt ratio (observed ÷ expected execution time) the
 * estimator keeps: an observation of 0 (or anything below 1e-6 of the
 * nominal time) counts as 1e-6. Keeps every planned time of an allowed pair
 * positive-scaled and every forbidden one `Infinity` (never 0 · Infinity).
 * @internal
 */
export const RATIO_FLOOR = 1e-6;
/**
 * The largest learnt ratio the estimator keeps: an observation over 1e6
 * times the nominal time counts as 1e6 (a tiny nominal time with a huge
 * observed one would otherwise give `Infinity`, which is not JSON-safe).
 * @internal
 */
export const RATIO_CEILING = 1e6;

/** `x` clamped to [{@link RATIO_FLOOR}, {@link RATIO_CEILING}]. @internal */
export function clampRatio(x: number): number {
  return x < RATIO_FLOOR ? RATIO_FLOOR : x > RATIO_CEILING ? RATIO_CEILING : x;
}

/** One device as the online scheduler sees it. */
export interface OnlineDeviceState {
  /** Device id. */
  readonly id: string;
  /** Edge device, fog node or cloud (a label: transfer times come with each task). */
  readonly tier: Tier;
  /** When the device is expected to finish everything assigned to it so far. */
  readonly busyUntil: number;
  /** Remaining resource budget (initial budget − demands of unfinished tasks); `null` = unlimited. */
  readonly budget: number | null;
  /**
   * The learnt ratio observed ÷ expected execution time (step 5): planned
   * execution times on this device are the task's nominal time × `ratio`.
   * Starts at 1; always within [1e-6, 1e6] (`RATIO_FLOOR`, `RATIO_CEILING`),
   * so a forbidden time (`Infinity`) stays forbidden and an allowed one stays
   * allowed and never becomes 0 · Infinity = NaN.
   */
  readonly ratio: number;
  /** How many completions have updated `ratio`. */
  readonly observations: number;
}

/** A task that has been assigned and not yet reported complete. */
export interface OnlinePlannedTask {
  /** Task id. */
  readonly id: string;
  /** Device index. */
  readonly device: number;
  /** The `now` of the `submit` call that placed it. */
  readonly submitted: number;
  /** Planned start of its transfer. */
  readonly start: number;
  /** Planned transfer duration. */
  readonly transfer: number;
  /** Its execution time on the device as submitted (before scaling by `ratio`). */
  readonly nominalExec: number;
  /** Planned execution duration: `nominalExec × ratio` of the device. */
  readonly exec: number;
  /** Planned finish: start + transfer + exec. */
  readonly finish: number;
  /** Resource demand, given back to the device budget on completion. */
  readonly demand: number;
  /** Absolute deadline, `null` when none. */
  readonly deadline: number | null;
}

/**
 * The whole online state: plain data, safe to `JSON.stringify` and restore
 * (it holds no `Infinity`, `NaN` or `undefined`). Never mutated: every
 * transition returns a new state.
 */
export interface OnlineState {
  /** The latest time the scheduler has seen (a submit's `now` or a completion's finish). */
  readonly now: number;
  /** Smoothing factor α of the ratio estimator, in [0, 1] (0 = no learning). */
  readonly smoothing: number;
  /** One entry per device, in the order given to `createOnlineState`. */
  readonly devices: readonly OnlineDeviceState[];
  /** Assigned, unfinished tasks, in the order they were placed (per device: run order). */
  readonly pending: readonly OnlinePlannedTask[];
  /** Number of tasks submitted so far. */
  readonly submitted: number;
  /** Number of completions reported so far. */
  readonly completed: number;
}

/**
 * Structural check of a state handed back by a caller (possibly restored
 * from JSON): the fields every transition reads. Devices: a non-empty
 * string id, a tier, finite `busyUntil` ≥ 0, `budget` null or finite ≥ 0,
 * `ratio` within [{@link RATIO_FLOOR}, {@link RATIO_CEILING}]. Transitions
 * trust the pending tasks they produced. O(m).
 * @internal
 */
export function checkState(fn: string, state: unknown): asserts state is OnlineState {
  checkObject(fn, 'state', state);
  checkArray(fn, 'state.devices', state.devices);
  checkArray(fn, 'state.pending', state.pending);
  checkNonNegative(fn, 'state.now', state.now);
  const smoothing = checkNonNegative(fn, 'state.smoothing', state.smoothing);
  if (smoothing > 1) rangeError(fn, 'state.smoothing', 'a number in [0, 1]', smoothing);
  checkInteger(fn, 'state.submitted', state.submitted);
  checkInteger(fn, 'state.completed', state.completed);
  state.devices.forEach((d: unknown, j) => {
    const f = `state.devices[${j}]`;
    checkObject(fn, f, d);
    if (typeof d.id !== 'string' || d.id === '') typeError(fn, `${f}.id`, 'a non-empty string', d.id);
    if (typeof d.tier !== 'string' || !TIER_NAMES.includes(d.tier)) notOneOf(fn, `${f}.tier`, d.tier, TIER_NAMES);
    checkNonNegative(fn, `${f}.busyUntil`, d.busyUntil);
    if (d.budget !== null) checkNonNegative(fn, `${f}.budget`, d.budget);
    const ratio = checkFinite(fn, `${f}.ratio`, d.ratio);
    if (!(ratio >= RATIO_FLOOR && ratio <= RATIO_CEILING)) rangeError(fn, `${f}.ratio`, `a number in [${RATIO_FLOOR}, ${RATIO_CEILING}]`, ratio);
  });
}
