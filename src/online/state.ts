/**
 * The state of an online scheduler: what each device has committed to and
 * what the scheduler has learnt about it. Plain, JSON-serializable data that
 * {@link submit} and {@link complete} transform into new states.
 * @module
 */
import { checkArray, checkInteger, checkNonNegative, checkObject, checkOneOf, checkOptions, rangeError, rangeReason } from '../internal/errors.js';
import { checkString } from '../internal/primitives.js';
import type { DeviceSpec, Tier } from '../problem/types.js';
// Imported for the {@link} references in the docs only.
import type { complete } from './complete.js';
import type { submit } from './submit.js';

/** One device as the online scheduler sees it. */
export interface OnlineDeviceState {
  /** Device id. */
  readonly id: string;
  /** Edge device or cloud. */
  readonly tier: Tier;
  /** When the device is expected to finish everything assigned to it so far. */
  readonly busyUntil: number;
  /** Remaining resource budget (initial budget − demands of unfinished tasks); `null` = unlimited. */
  readonly budget: number | null;
  /**
   * The learnt ratio observed ÷ expected execution time (step 5): planned
   * execution times on this device are the task's nominal time × `ratio`.
   * Starts at 1.
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
  /** The `now` of the {@link submit} call that placed it. */
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
  /** One entry per device, in the order given to {@link createOnlineState}. */
  readonly devices: readonly OnlineDeviceState[];
  /** Assigned, unfinished tasks, in the order they were placed (per device: run order). */
  readonly pending: readonly OnlinePlannedTask[];
  /** Number of tasks submitted so far. */
  readonly submitted: number;
  /** Number of completions reported so far. */
  readonly completed: number;
}

/** Options of {@link createOnlineState}. */
export interface OnlineStateOptions {
  /**
   * Smoothing factor α of the exponentially weighted average of
   * observed ÷ expected execution-time ratios: `ratio ← (1 − α)·ratio +
   * α·observed/expected`. Larger α adapts faster and forgets faster; after k
   * completions with a constant true ratio r the estimate is
   * `r − (r − 1)(1 − α)^k`. 0 turns learning off (the ratio stays 1).
   * @defaultValue 0.3
   */
  readonly smoothing?: number;
  /** The clock at creation. @defaultValue 0 */
  readonly now?: number;
}

const TIERS: readonly Tier[] = ['edge', 'cloud'];

/**
 * Creates the state of an online scheduler over a fixed set of devices
 * (the seed's coordinator, section 2.4, before any task arrives).
 *
 * Each device starts with `busyUntil = max(ready, now)`, its full `budget`
 * (or unlimited) and the ratio estimate 1 (execution times as given).
 *
 * Complexity: O(m).
 *
 * @param devices - The devices (ids unique; `ready` and `budget` optional).
 * @param options - {@link OnlineStateOptions}.
 * @returns A new {@link OnlineState} with no pending task.
 * @throws {@link InputTypeError} for a non-array, a missing id or tier, or an unknown option.
 * @throws {@link InputRangeError} for a duplicate id, a negative or non-finite ready time, a negative budget, or a smoothing factor outside [0, 1].
 *
 * @example
 * ```ts
 * const s = createOnlineState([{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud', ready: 5 }]);
 * s.devices.map((d) => d.busyUntil); // [0, 5]
 * ```
 */
export function createOnlineState(devices: readonly DeviceSpec[], options?: OnlineStateOptions): OnlineState {
  const fn = 'createOnlineState';
  const opts = checkOptions(fn, options, ['smoothing', 'now']);
  const smoothing = opts.smoothing === undefined ? 0.3 : checkNonNegative(fn, 'options.smoothing', opts.smoothing);
  if (smoothing > 1) rangeError(fn, 'options.smoothing', 'a number in [0, 1]', smoothing);
  const now = opts.now === undefined ? 0 : checkNonNegative(fn, 'options.now', opts.now);
  checkArray(fn, 'devices', devices);
  const seen = new Map<string, number>();
  const out = devices.map((d, j): OnlineDeviceState => {
    const f = `devices[${j}]`;
    checkObject(fn, f, d);
    const id = checkString(fn, `${f}.id`, d.id);
    const first = seen.get(id);
    if (first !== undefined) rangeReason(fn, `${f}.id`, `duplicates devices[${first}].id (${JSON.stringify(id)})`);
    seen.set(id, j);
    const tier = checkOneOf(fn, `${f}.tier`, d.tier, TIERS);
    const ready = d.ready === undefined ? 0 : checkNonNegative(fn, `${f}.ready`, d.ready);
    let budget: number | null = null;
    if (d.budget !== undefined && d.budget !== Infinity) budget = checkNonNegative(fn, `${f}.budget`, d.budget);
    return { id, tier, busyUntil: Math.max(ready, now), budget, ratio: 1, observations: 0 };
  });
  return { now, smoothing, devices: out, pending: [], submitted: 0, completed: 0 };
}

/**
 * Light structural check of a state handed back by a caller (possibly
 * restored from JSON). Transitions trust the numbers they produced.
 * @internal
 */
export function checkState(fn: string, state: unknown): asserts state is OnlineState {
  checkObject(fn, 'state', state);
  checkArray(fn, 'state.devices', state.devices);
  checkArray(fn, 'state.pending', state.pending);
  checkNonNegative(fn, 'state.now', state.now);
  checkNonNegative(fn, 'state.smoothing', state.smoothing);
  checkInteger(fn, 'state.submitted', state.submitted);
  checkInteger(fn, 'state.completed', state.completed);
}

