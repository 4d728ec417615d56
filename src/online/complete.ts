/**
 * Online scheduling, steps 4-5 of the seed: a task has finished; reclaim its
 * device and learn from how long it took.
 * @module
 */
import { checkNonNegative, checkObject, rangeReason, typeReason, unknownKey } from '../internal/errors.js';
import { checkString } from '../internal/primitives.js';
import { checkFinish, reportedTask } from './completionReport.js';
import { checkState, clampRatio, type OnlineDeviceState, type OnlinePlannedTask, type OnlineState } from './stateTypes.js';

/** What was observed when a task finished. */
export interface OnlineObservation {
  /** The observed execution duration (the estimator learns from it). */
  readonly exec: number;
  /** The observed transfer duration. @defaultValue the planned transfer */
  readonly transfer?: number;
  /**
   * When the task finished. @defaultValue planned start + transfer + exec
   * (i.e. the task started when planned)
   */
  readonly finish?: number;
}

/**
 * Reports a finished task (the seed's steps 4-5: collect results, reclaim
 * resources, adjust from history) and returns the new state.
 *
 * - Reclaim: the task leaves `pending` and its `demand` returns to its
 *   device's budget.
 * - Learn (step 5): the device's ratio estimate is an exponentially weighted
 *   moving average of observed ÷ expected execution times,
 *   `ratio ← (1 − α)·ratio + α·(observed exec ÷ nominal exec)`, with α =
 *   `state.smoothing` (default 0.3). With a constant true ratio r the error
 *   after k completions is `(r − 1)(1 − α)^k`: α = 0.3 gets within 1% of
 *   r = 2 after 13 completions. A task with nominal time 0 carries no
 *   information and leaves the ratio as it is. Guard: the observed ratio and
 *   the result are clamped to [1e-6, 1e6] (an observed time of 0 counts as
 *   1e-6 of the nominal time, a huge one as 1e6 times it), so the ratio
 *   never reaches 0 (a later forbidden time would become 0 · Infinity = NaN)
 *   nor Infinity (not JSON-safe, and every allowed time would look forbidden).
 * - Re-plan the device: the tasks queued behind this one on the same device
 *   are re-timed from the observed finish, in their run order (start =
 *   max(previous finish, their submit time)), with execution times re-scaled
 *   by the new ratio; `busyUntil` becomes the last of them (or the observed
 *   finish). Their devices never change (decisions are pinned).
 * - The clock advances to max(now, finish).
 * - Possible reports only: a device runs its tasks one at a time in the
 *   order of `state.pending`, so the task reported is the first pending one
 *   of its device, and it finished no earlier than start + transfer + exec
 *   (its planned start is its earliest possible start; observed times may
 *   differ from the estimates either way, and a later start is fine).
 *   Devices report in any order relative to each other.
 *
 * Complexity: O(pending + m): the returned state is plain data with a new
 * `pending` array (the task leaves it and the tasks queued behind it get new
 * times), so each call copies it; a driver with many pending tasks should
 * keep its own queue (as `simulate` does, O(1) amortized per completion on
 * the plan).
 *
 * @param state - The current state (never mutated).
 * @param taskId - Id of a pending task.
 * @param observed - {@link OnlineObservation}.
 * @returns The new state.
 * @throws {@link InputTypeError} for a malformed state, a non-string id, or an unknown observation field.
 * @throws {@link InputRangeError} for a report a device running one task at a time cannot produce: an id that is not pending (never submitted, left unplaced, or already reported complete), naming `taskId`; a task queued behind another pending task on its device (report the first one first: each device runs `state.pending`'s tasks in order), naming `taskId`; an explicit `finish` before start + transfer + exec (the task cannot start before its planned start, which for the first pending task of a device is the latest of its submit time, the previous task's reported finish and the device's ready time; a later start is accepted), naming `observed.finish`; a negative or NaN duration.
 *
 * @example
 * ```ts
 * let s = createOnlineState([{ id: 'edge', tier: 'edge' }]);
 * s = submit(s, [{ id: 'a', execTime: [10] }], 0).state;
 * s = complete(s, 'a', { exec: 20 });   // took twice as long as expected
 * s.devices[0].ratio; // 1.3   (0.7 · 1 + 0.3 · 2)
 * ```
 */
export function complete(state: OnlineState, taskId: string, observed: OnlineObservation): OnlineState {
  const fn = 'complete';
  checkState(fn, state);
  const id = checkString(fn, 'taskId', taskId);
  checkObject(fn, 'observed', observed);
  const fields = ['exec', 'transfer', 'finish'];
  for (const key of Object.keys(observed)) if (!fields.includes(key)) typeReason(fn, `observed.${key}`, unknownKey('field', key, fields));
  const obs: Record<string, unknown> = observed;
  const k = reportedTask(fn, state, id);
  const task = state.pending[k]!;
  const exec = checkNonNegative(fn, 'observed.exec', obs.exec);
  const transfer = obs.transfer === undefined ? task.transfer : checkNonNegative(fn, 'observed.transfer', obs.transfer);
  const finish = obs.finish === undefined ? task.start + transfer + exec : checkNonNegative(fn, 'observed.finish', obs.finish);
  checkFinish(fn, state, task, transfer, exec, finish);
  if (!Number.isFinite(finish)) rangeReason(fn, 'observed', 'gives a finish time that overflows the range of a double');

  const j = task.device;
  const old = state.devices[j]!;
  const alpha = state.smoothing;
  // (1 − α)·ratio + α·x, written as ratio + α·(x − ratio) (exact when x = ratio).
  // The observation is clamped to [RATIO_FLOOR, RATIO_CEILING] first (0 and huge ratios would make
  // later plans 0 · Infinity = NaN or Infinity), and the result again (rounding).
  const ratio = task.nominalExec > 0 ? clampRatio(old.ratio + alpha * (clampRatio(exec / task.nominalExec) - old.ratio)) : old.ratio;
  const observations = task.nominalExec > 0 ? old.observations + 1 : old.observations;

  // Re-time the tasks queued behind it on the same device (it is the first of them: reportedTask).
  let free = finish;
  const pending: OnlinePlannedTask[] = [];
  for (let q = 0; q < state.pending.length; q++) {
    const p = state.pending[q]!;
    if (q === k) continue;
    if (p.device !== j) {
      pending.push(p);
      continue;
    }
    const start = Math.max(free, p.submitted);
    const e = p.nominalExec * ratio;
    const f = start + p.transfer + e;
    if (!Number.isFinite(f)) rangeReason(fn, 'observed.exec', `re-times pending task ${JSON.stringify(p.id)} beyond the range of a double`);
    free = f;
    pending.push({ ...p, start, exec: e, finish: f });
  }
  const device: OnlineDeviceState = {
    ...old,
    busyUntil: free,
    budget: old.budget === null ? null : old.budget + task.demand,
    ratio,
    observations,
  };
  const devices = state.devices.map((d, q) => (q === j ? device : d));
  return { ...state, now: Math.max(state.now, finish), devices, pending, completed: state.completed + 1 };
}
