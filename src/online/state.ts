/**
 * The state of an online scheduler: what each device has committed to and
 * what the scheduler has learnt about it. Plain, JSON-serializable data that
 * {@link submit} and {@link complete} transform into new states.
 * @module
 */
import { TIER_NAMES, checkArray, checkNonNegative, checkObject, checkOneOf, checkOptions, rangeError, rangeReason, typeError, typeReason, unknownKey } from '../internal/errors.js';
import type { DeviceSpec, Tier } from '../problem/types.js';
// Imported for the {@link} references in the docs only (state.ts → submit.ts → stateTypes.ts: no cycle).
import type { complete } from './complete.js';
import type { submit } from './submit.js';
import type { OnlineDeviceState, OnlineState } from './stateTypes.js';

export type { OnlineDeviceState, OnlinePlannedTask, OnlineState } from './stateTypes.js';

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

/** Every tier: the online model takes transfer times as given (per task and device), so the tier is a label as in `solve`. */
const TIERS = TIER_NAMES as readonly Tier[];
/** The device fields the online scheduler uses. */
const DEVICE_KEYS = ['id', 'tier', 'ready', 'budget'];
/** Why `power` and `price` are refused rather than dropped (a later `submit` could not use them). */
const NO_ENERGY = "is not used by the online scheduler (its objectives are makespan, flowtime and weighted-flowtime): remove it, or use solve or paretoFront for the 'energy' and 'cost' objectives";

/**
 * Creates the state of an online scheduler over a fixed set of devices
 * (the seed's coordinator, section 2.4, before any task arrives).
 *
 * Each device starts with `busyUntil = max(ready, now)`, its full `budget`
 * (or unlimited) and the ratio estimate 1 (execution times as given).
 *
 * Complexity: O(m).
 *
 * @param devices - The devices (ids unique; `ready` and `budget` optional; no `power` or `price`: the online objectives do not use them).
 * @param options - {@link OnlineStateOptions}.
 * @returns A new {@link OnlineState} with no pending task.
 * @throws {@link InputTypeError} for a non-array, a missing or empty id, a bad tier, a device field other than id, tier, ready and budget (`power` and `price` included: never silently dropped), or an unknown option (every field a later `submit` relies on is checked here, so a bad device is rejected by this call, not by the next one).
 * @throws {@link InputRangeError} for a duplicate id, a negative or non-finite ready time, a negative budget, or a smoothing factor outside [0, 1].
 *
 * @example
 * ```ts
 * const s = createOnlineState([{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud', ready: 5 }]);
 * s.devices.map((d) => d.busyUntil); // [0, 5]
 * ```
 */
export function createOnlineState(devices: readonly Omit<DeviceSpec, 'power' | 'price'>[], options?: OnlineStateOptions): OnlineState {
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
    for (const key of Object.keys(d)) {
      if (key === 'power' || key === 'price') typeReason(fn, `${f}.${key}`, NO_ENERGY);
      if (!DEVICE_KEYS.includes(key)) typeReason(fn, `${f}.${key}`, unknownKey('field', key, DEVICE_KEYS));
    }
    if (typeof d.id !== 'string' || d.id === '') typeError(fn, `${f}.id`, 'a non-empty string', d.id);
    const id = d.id;
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

