/**
 * The online state as `simulate` keeps it: a private, mutable mirror of
 * {@link OnlineState} whose transitions give the same devices (busy-until
 * times, learnt ratios) and the same decisions as the public `submit` and
 * `complete` on the whole state, without copying the pending list per event.
 * @internal
 * @module
 */
import { rangeReason } from '../internal/errors.js';
import { complete } from './complete.js';
import type { OnlineDeviceState, OnlinePlannedTask, OnlineState } from './stateTypes.js';
import { submit, type OnlineTask, type SubmitOptions, type SubmitResult } from './submit.js';

/**
 * What the public transitions read of the pending list, and how `simulate`
 * uses it:
 *
 * - `submit` reads the pending tasks only for their ids (a new id must not
 *   repeat one) and appends the batch to them; `simulate`'s ids are unique by
 *   construction, so it is called on a state with no pending task and gives
 *   the same decisions and devices (O(b·m + m) instead of O(pending)).
 * - `complete` on task k of device j updates j's ratio from k alone and
 *   re-times the tasks queued behind k on j: start = max(free, submitted),
 *   free = start + transfer + nominal × ratio, busyUntil = the last free.
 *   It is called on a state holding k only (the ratio, budget and clock
 *   come out the same), and the re-timing is deferred: it reads only the
 *   queued tasks' submit time, transfer and nominal time (never their earlier
 *   re-timings) and the ratio, which changes only at the next completion on
 *   j, so only the last completion before a `submit` matters. Each device's
 *   queue is re-timed at most once per mapping event, with the same
 *   floating-point operations in the same order, in a loop over typed arrays.
 *
 * A device runs its queue in order and `simulate` completes a task when it
 * ends, so the finished task is always the first pending task of its device
 * (`complete`'s out-of-order branch never applies), and its planned start is
 * its real start (the re-timing from the previous finish, or the mapping
 * instant on an idle device).
 * @internal
 */
export class SimulationEngine {
  private now: number;
  private readonly smoothing: number;
  private devices: OnlineDeviceState[];
  private submitted = 0;
  private completed = 0;
  /** Per task: the submit time, planned transfer and nominal execution time of its plan. */
  private readonly sub: Float64Array;
  private readonly tr: Float64Array;
  private readonly nom: Float64Array;
  /** Per device: position in its queue of the first task behind the last completion not yet re-timed (−1: none). */
  private readonly dirtyFrom: Int32Array;
  private readonly dirtyFinish: Float64Array;

  /**
   * @param state - The initial state (from `createOnlineState`, no pending task).
   * @param n - Number of tasks of the simulation.
   * @param queues - Per device, the task indices in run order (appended to by the caller after each `map`).
   * @param ids - Task ids.
   */
  constructor(state: OnlineState, n: number, private readonly queues: readonly (readonly number[])[], private readonly ids: readonly string[]) {
    this.now = state.now;
    this.smoothing = state.smoothing;
    this.devices = state.devices.slice();
    this.sub = new Float64Array(n);
    this.tr = new Float64Array(n);
    this.nom = new Float64Array(n);
    this.dirtyFrom = new Int32Array(state.devices.length).fill(-1);
    this.dirtyFinish = new Float64Array(state.devices.length);
  }

  /** The learnt ratio of device j. */
  ratio(j: number): number {
    return this.devices[j]!.ratio;
  }

  /** `submit` of a batch (task indices `batch`, built by `task`) at time t; records each planned task. */
  map(batch: readonly number[], tasks: readonly OnlineTask[], t: number, options: SubmitOptions): SubmitResult {
    for (let j = 0; j < this.devices.length; j++) this.settle(j);
    const state: OnlineState = { now: this.now, smoothing: this.smoothing, devices: this.devices, pending: [], submitted: this.submitted, completed: this.completed };
    const r = submit(state, tasks, t, options);
    this.now = r.state.now;
    this.devices = r.state.devices.slice();
    this.submitted = r.state.submitted;
    const at = new Map<string, number>();
    batch.forEach((k, b) => at.set(tasks[b]!.id, k));
    for (const p of r.state.pending) {
      const k = at.get(p.id)!;
      this.sub[k] = p.submitted;
      this.tr[k] = p.transfer;
      this.nom[k] = p.nominalExec;
    }
    return r;
  }

  /**
   * `complete` of task k, which ran on device j from `start`, observed
   * (exec, transfer, finish); `behind` = position in j's queue of the first
   * task not yet started.
   */
  finish(k: number, j: number, start: number, behind: number, exec: number, transfer: number, finish: number): void {
    const task: OnlinePlannedTask = {
      id: this.ids[k]!, device: j, submitted: this.sub[k]!, start, transfer: this.tr[k]!, nominalExec: this.nom[k]!,
      exec: this.nom[k]! * this.devices[j]!.ratio, finish, demand: 0, deadline: null,
    };
    const state: OnlineState = { now: this.now, smoothing: this.smoothing, devices: this.devices, pending: [task], submitted: this.submitted, completed: this.completed };
    const s = complete(state, task.id, { exec, transfer, finish });
    this.now = s.now;
    this.devices = s.devices.slice();
    this.completed = s.completed;
    this.dirtyFrom[j] = behind;
    this.dirtyFinish[j] = finish;
  }

  /** The deferred re-timing of device j's queue behind its last completion (`complete`'s loop, same operations). */
  private settle(j: number): void {
    const from = this.dirtyFrom[j]!;
    if (from < 0) return;
    this.dirtyFrom[j] = -1;
    const queue = this.queues[j]!;
    if (from >= queue.length) return; // nothing queued behind: busyUntil is the finish, as `complete` set it
    const { sub, tr, nom } = this;
    const ratio = this.devices[j]!.ratio;
    let free = this.dirtyFinish[j]!;
    for (let q = from; q < queue.length; q++) {
      const p = queue[q]!;
      const s = Math.max(free, sub[p]!);
      const e = nom[p]! * ratio;
      const f = s + tr[p]! + e;
      if (!Number.isFinite(f)) rangeReason('complete', 'observed.exec', `re-times pending task ${JSON.stringify(this.ids[p]!)} beyond the range of a double`);
      free = f;
    }
    this.devices[j] = { ...this.devices[j]!, busyUntil: Math.max(free, 0) };
  }
}
