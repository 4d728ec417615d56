/**
 * The energy a schedule uses: per device, execution, transfer (receiving, and
 * sending for the tasks it is the source of) and idle power over time.
 * @module
 */
import type { CompiledProblem } from '../problem/types.js';
import type { DeviceEnergy, EnergyMetrics } from './types.js';

/** w · s, and 0 when w is 0 (never 0 · Infinity = NaN). @internal */
export function joules(watts: number, seconds: number): number {
  return watts === 0 ? 0 : watts * seconds;
}

/**
 * Energy of task i on device j apart from idle power, in joules:
 * e_ij = busy_j · exec[i][j] + transfer_j · transfer[i][j]
 *        + (source s_i ≥ 0 and s_i ≠ j ? transfer_{s_i} · transfer[i][j] : 0).
 *
 * With it the schedule's energy is linear in the assignment plus one makespan
 * term whenever every device is busy at most the makespan (always so under
 * the sequential cost model):
 * energy = Σ_i (e_{i,a(i)} − idle_{a(i)} · (transfer + exec)_{i,a(i)}) + makespan · Σ_j idle_j.
 * O(1). @internal
 */
export function taskEnergy(cp: CompiledProblem, i: number, j: number): number {
  const k = i * cp.m + j;
  const t = cp.transfer[k]!;
  let e = joules(cp.powerBusy[j]!, cp.exec[k]!) + joules(cp.powerTransfer[j]!, t);
  const s = cp.source[i]!;
  if (s >= 0 && s !== j) e += joules(cp.powerTransfer[s]!, t);
  return e;
}

/** Per-device execution, transfer and busy seconds of an assignment (task index order). */
function seconds(cp: CompiledProblem, assignment: ArrayLike<number>, execS: Float64Array, transferS: Float64Array, busyS: Float64Array): void {
  const { n, m, exec, transfer, source } = cp;
  execS.fill(0);
  transferS.fill(0);
  busyS.fill(0);
  for (let i = 0; i < n; i++) {
    const j = assignment[i]!;
    const e = exec[i * m + j]!;
    const t = transfer[i * m + j]!;
    execS[j] = execS[j]! + e;
    transferS[j] = transferS[j]! + t;
    busyS[j] = busyS[j]! + (t + e);
    const s = source[i]!;
    if (s >= 0 && s !== j) transferS[s] = transferS[s]! + t;
  }
}

/**
 * The energy of an assignment whose schedule has the given makespan.
 *
 * Formula, per device j (sums over the tasks i assigned to j):
 * - execution_j = power.busy_j · Σ exec[i][j]
 * - transfer_j = power.transfer_j · (Σ transfer[i][j] + Σ_{i with source j, run on k ≠ j} transfer[i][k])
 * - idle_j = power.idle_j · max(0, makespan − busy_j), busy_j = Σ (transfer[i][j] + exec[i][j])
 *
 * energy = Σ_j (execution_j + transfer_j + idle_j), in joules. Every device is
 * on from 0 to the makespan (a device that switches off when idle has
 * idle power 0). A source's uploads do not occupy it in the schedule (its
 * radio sends while the device computes or idles), so they add to its idle
 * time instead of replacing it. Devices without `power` contribute 0.
 * Sums run in task index order: the result depends on the assignment and the
 * makespan only.
 *
 * Complexity: O(n + m).
 *
 * @param cp - A compiled problem.
 * @param assignment - `assignment[i]`: device of task i (valid, allowed; not checked).
 * @param makespan - The schedule's makespan (≥ 0).
 * @returns {@link EnergyMetrics}: total and per device split.
 * @internal
 */
export function energyCompiled(cp: CompiledProblem, assignment: ArrayLike<number>, makespan: number): EnergyMetrics {
  const m = cp.m;
  // No power figures: every term below is joules(0, ·) = 0, so skip the pass over the tasks.
  if (allZero(cp.powerBusy) && allZero(cp.powerTransfer) && allZero(cp.powerIdle)) return noEnergy(m);
  const execS = new Float64Array(m);
  const transferS = new Float64Array(m);
  const busyS = new Float64Array(m);
  seconds(cp, assignment, execS, transferS, busyS);
  const perDevice = new Array<DeviceEnergy>(m);
  let total = 0;
  for (let j = 0; j < m; j++) {
    const execution = joules(cp.powerBusy[j]!, execS[j]!);
    const transfer = joules(cp.powerTransfer[j]!, transferS[j]!);
    const gap = makespan - busyS[j]!;
    const idle = joules(cp.powerIdle[j]!, gap > 0 ? gap : 0);
    const t = execution + transfer + idle;
    perDevice[j] = { execution, transfer, idle, total: t };
    total += t;
  }
  return { total, perDevice };
}

/** Scratch arrays for {@link energyTotalCompiled}. @internal */
export interface EnergyScratch {
  readonly exec: Float64Array;
  readonly transfer: Float64Array;
  readonly busy: Float64Array;
}

/** Allocates scratch for {@link energyTotalCompiled} on m devices. @internal */
export function energyScratch(m: number): EnergyScratch {
  return { exec: new Float64Array(m), transfer: new Float64Array(m), busy: new Float64Array(m) };
}

/**
 * {@link energyCompiled}'s total, identical to it bit for bit, without
 * allocating when given scratch. For search loops. O(n + m). @internal
 */
export function energyTotalCompiled(cp: CompiledProblem, assignment: ArrayLike<number>, makespan: number, scratch: EnergyScratch = energyScratch(cp.m)): number {
  seconds(cp, assignment, scratch.exec, scratch.transfer, scratch.busy);
  let total = 0;
  for (let j = 0; j < cp.m; j++) {
    const gap = makespan - scratch.busy[j]!;
    total += joules(cp.powerBusy[j]!, scratch.exec[j]!) + joules(cp.powerTransfer[j]!, scratch.transfer[j]!) + joules(cp.powerIdle[j]!, gap > 0 ? gap : 0);
  }
  return total;
}

/**
 * The energy of a schedule on m devices that carry no power figures: 0 J
 * everywhere (the online simulator's devices, for instance). O(m). @internal
 */
export function noEnergy(m: number): EnergyMetrics {
  const perDevice = new Array<DeviceEnergy>(m);
  for (let j = 0; j < m; j++) perDevice[j] = { execution: 0, transfer: 0, idle: 0, total: 0 };
  return { total: 0, perDevice };
}

/** Whether every entry is 0. @internal */
export function allZero(a: Float64Array): boolean {
  for (let j = 0; j < a.length; j++) if (a[j] !== 0) return false;
  return true;
}
