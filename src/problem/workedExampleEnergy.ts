/**
 * The seed's worked example with power and price figures added: an energy
 * and money variant whose published numbers are untouched.
 * @module
 */
import { checkNonNegative } from '../internal/errors.js';
import { workedExampleProblem } from './fromArticle.js';
import type { DevicePower, DevicePrice, Problem } from './types.js';

/** Raspberry Pi 4 Model B class board: 6.4 W under full load, 2.7 W idle (measured), 3.2 W receiving (estimate). */
const PI4: DevicePower = { busy: 6.4, transfer: 3.2, idle: 2.7 };
/** Jetson Nano class board in its 10 W mode: 10 W busy, 2.5 W receiving and 2 W idle (estimates). */
const NANO: DevicePower = { busy: 10, transfer: 2.5, idle: 2 };
/** A rack server: 200 W under load, 100 W while receiving, released (0 W to this schedule) when idle. */
const SERVER: DevicePower = { busy: 200, transfer: 100, idle: 0 };
/** AWS EC2 on-demand order of magnitude: 0.17 currency units per hour, billed per second, 60 s minimum. */
const CLOUD_PRICE: DevicePrice = { perSecond: 0.17 / 3600, granularity: 1, minimum: 60 };

/**
 * The seed's worked example (section 4.3, {@link workedExampleProblem}) with
 * device power and a cloud price, reading the article's time unit as
 * seconds. Every published number (criteria, budgets, execution and transfer
 * times) is unchanged; only `power` and `price` are added. The article gives
 * no power or price figures: these are plausible, documented choices.
 *
 * - device1, device2 (edge): Raspberry Pi 4 Model B class, power
 *   {busy: 6.4, transfer: 3.2, idle: 2.7} W. Busy 6.4 W and idle 2.7 W are
 *   the Pi Dramble power benchmarks of the Pi 4 B (1280 mA and 540 mA at 5 V,
 *   stress test and idle); 3.2 W while receiving is an estimate (idle plus
 *   about 0.5 W for the network interface).
 * - device3 (edge): Jetson Nano class, power {busy: 10, transfer: 2.5, idle: 2} W.
 *   10 W is NVIDIA's documented maximum power mode (MAXN) of the Jetson Nano
 *   developer kit; 2 W idle and 2.5 W receiving are estimates.
 * - device4 (cloud): a rack server, power {busy: 200, transfer: 100, idle: 0} W.
 *   200 W is the order of a loaded 1U dual-socket server in published
 *   SPECpower_ssj2008 results; 100 W while receiving is an estimate (half
 *   load); idle 0 because an on-demand instance is released when it has no
 *   work, so its idle draw is not this schedule's. Price {perSecond: 0.17 / 3600,
 *   granularity: 1, minimum: 60}: the order of an AWS EC2 on-demand
 *   compute-optimized instance (c5.xlarge, about 0.17 USD per hour in
 *   us-east-1), Linux instances being billed per second with a 60 s minimum.
 * - the edge boards cost 0 (already owned); tasks have no `source` (the
 *   article does not say where their data lies).
 *
 * Complexity: O(1) (fixed size).
 *
 * @param cloudTransferTime - Transfer time to the cloud, finite and ≥ 0 (the article gives none; see {@link workedExampleProblem}).
 * @returns A new plain {@link Problem} (5 tasks × 4 devices) with power and price.
 * @throws {@link InputTypeError} when `cloudTransferTime` is not a number.
 * @throws {@link InputRangeError} when it is NaN, infinite or negative.
 *
 * @example
 * ```ts
 * const p = workedExampleEnergyProblem(30);
 * const s = evaluate(p, [0, 1, 2, 1, 0], { costModel: 'independent' });
 * s.metrics.makespan;                     // 64 (the published totals 38, 54, 64, 54, 38)
 * s.metrics.energy.total.toFixed(1);      // '1368.8' (device1 371.2 + device2 537.6 + device3 460 J)
 * s.metrics.cost.total;                   // 0 (nothing runs on the cloud)
 * evaluate(p, [3, 3, 3, 3, 3]).metrics.cost.total.toFixed(4); // '0.0189' (400 s at 0.17 per hour)
 * ```
 */
export function workedExampleEnergyProblem(cloudTransferTime: number): Problem & { readonly transferTime: readonly (readonly number[])[] } {
  checkNonNegative('workedExampleEnergyProblem', 'cloudTransferTime', cloudTransferTime);
  const p = workedExampleProblem(cloudTransferTime);
  const power = [PI4, PI4, NANO, SERVER];
  return {
    ...p,
    devices: p.devices.map((d, j) => (j === 3 ? { ...d, power: { ...power[j]! }, price: { ...CLOUD_PRICE } } : { ...d, power: { ...power[j]! } })),
  };
}
