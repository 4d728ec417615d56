/**
 * Validation and compilation of the energy and money fields of a problem:
 * device `power` and `price`, task `source`.
 * @internal
 * @module
 */
import { rangeError, typeError, typeReason } from '../internal/errors.js';
import { sharedConstant, sharedNoSource } from './buffers.js';
import { Report, checkKeys, isObject, num } from './check.js';

/** Task keys this module owns. @internal */
export const ENERGY_TASK_KEYS = ['source'] as const;
/** Device keys this module owns. @internal */
export const ENERGY_DEVICE_KEYS = ['power', 'price'] as const;
const POWER_KEYS = ['busy', 'transfer', 'idle'] as const;
const PRICE_KEYS = ['perSecond', 'granularity', 'minimum'] as const;

/** The compiled energy and money arrays of a problem. @internal */
export interface CompiledEnergy {
  readonly powerBusy: Float64Array;
  readonly powerTransfer: Float64Array;
  readonly powerIdle: Float64Array;
  readonly pricePerSecond: Float64Array;
  readonly priceGranularity: Float64Array;
  readonly priceMinimum: Float64Array;
  readonly source: Int32Array;
}

/**
 * Reads every device's `power` and `price` and every task's `source`
 * (resolved against `deviceIds`). Malformed entries are reported through `r`
 * and compile to the defaults; fields are named `${prefix}devices[j].power.busy`
 * and so on. `anySource` false (the caller saw no task with a `source`)
 * skips the pass over the tasks: every source is then −1. `internal` (the
 * compiled problem never leaves the library, see problem/buffers.ts): with no
 * power, price or source at all, the default arrays are shared read-only
 * views. O(n + m). @internal
 */
export function compileEnergy(fn: string, tasks: readonly unknown[], devices: readonly unknown[], deviceIds: readonly string[], r: Report, prefix = 'problem.', anySource = true, internal = false): CompiledEnergy {
  const m = devices.length;
  if (internal) {
    // No device with power or price and no task with a source: the defaults, shared read-only (problem/buffers.ts).
    let any = anySource;
    for (let j = 0; !any && j < m; j++) {
      const d: unknown = devices[j];
      if (isObject(d) && (d.power !== undefined || d.price !== undefined)) any = true;
    }
    if (!any) {
      const zeros = sharedConstant(m, 0);
      return { powerBusy: zeros, powerTransfer: zeros, powerIdle: zeros, pricePerSecond: zeros, priceGranularity: sharedConstant(m, 1), priceMinimum: zeros, source: sharedNoSource(tasks.length) };
    }
  }
  const powerBusy = new Float64Array(m);
  const powerTransfer = new Float64Array(m);
  const powerIdle = new Float64Array(m);
  const pricePerSecond = new Float64Array(m);
  const priceGranularity = new Float64Array(m).fill(1);
  const priceMinimum = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const d: unknown = devices[j];
    if (!isObject(d)) continue; // reported by the device loop
    if (d.power === undefined && d.price === undefined) continue;
    const f = `${prefix}devices[${j}]`;
    if (d.power !== undefined) {
      const p = d.power;
      if (!isObject(p)) {
        r.guard(() => typeError(fn, `${f}.power`, 'an object {busy?, transfer?, idle?} (watts)', p));
      } else {
        checkKeys(fn, `${f}.power`, p, POWER_KEYS, r);
        if (p.busy !== undefined) powerBusy[j] = num(fn, `${f}.power.busy`, p.busy, false, 0, r);
        if (p.transfer !== undefined) powerTransfer[j] = num(fn, `${f}.power.transfer`, p.transfer, false, 0, r);
        if (p.idle !== undefined) powerIdle[j] = num(fn, `${f}.power.idle`, p.idle, false, 0, r);
      }
    }
    if (d.price !== undefined) {
      const p = d.price;
      if (!isObject(p)) {
        r.guard(() => typeError(fn, `${f}.price`, 'an object {perSecond, granularity?, minimum?}', p));
      } else {
        checkKeys(fn, `${f}.price`, p, PRICE_KEYS, r);
        if (p.perSecond === undefined) r.guard(() => typeReason(fn, `${f}.price.perSecond`, 'is missing: a price needs perSecond, the money per billed second (e.g. {perSecond: 0.17 / 3600} for 0.17 an hour)'));
        else pricePerSecond[j] = num(fn, `${f}.price.perSecond`, p.perSecond, false, 0, r);
        if (p.granularity !== undefined) {
          const g = p.granularity;
          if (typeof g === 'number' && g > 0 && g !== Infinity) priceGranularity[j] = g;
          else r.guard(() => (typeof g === 'number' ? rangeError(fn, `${f}.price.granularity`, 'a finite number > 0 (seconds)', g) : typeError(fn, `${f}.price.granularity`, 'a finite number > 0 (seconds)', g)));
        }
        if (p.minimum !== undefined) priceMinimum[j] = num(fn, `${f}.price.minimum`, p.minimum, false, 0, r);
      }
    }
  }
  const n = tasks.length;
  const source = new Int32Array(n).fill(-1);
  let index: Map<string, number> | undefined;
  for (let i = 0; anySource && i < n; i++) {
    const t: unknown = tasks[i];
    if (!isObject(t) || t.source === undefined) continue;
    const s = t.source;
    const field = `${prefix}tasks[${i}].source`;
    if (typeof s !== 'string') {
      r.guard(() => typeError(fn, field, 'a device id (string)', s));
      continue;
    }
    if (index === undefined) {
      index = new Map();
      for (let j = m - 1; j >= 0; j--) index.set(deviceIds[j]!, j);
    }
    const j = index.get(s);
    if (j === undefined) r.guard(() => rangeError(fn, field, `the id of one of ${prefix}devices`, s));
    else source[i] = j;
  }
  return { powerBusy, powerTransfer, powerIdle, pricePerSecond, priceGranularity, priceMinimum, source };
}
