/**
 * Which completion reports `complete` accepts: the ones a device that runs
 * its tasks one at a time, in the planned order, can produce. Its own file so
 * that the rule is stated (and tested) once, apart from the learning and
 * re-timing of `complete`.
 * @internal
 * @module
 */
import { rangeReason } from '../internal/errors.js';
import type { OnlinePlannedTask, OnlineState } from './stateTypes.js';

/**
 * How far below `start + transfer + exec` an explicit finish may be and still
 * count as that time: 4 units in the last place of the sum, relative
 * (`4·ε·sum`, ε = 2⁻⁵²), enough for the rounding of the same three terms
 * added in another order by the caller, far below any real clock's
 * resolution.
 * @internal
 */
export const FINISH_SLACK = 4 * Number.EPSILON;

/** `"a", "b", "c"` for the first `max` ids, then `and k more`. */
function listIds(pending: readonly OnlinePlannedTask[], max: number): string {
  const shown = pending.slice(0, max).map((p) => JSON.stringify(p.id)).join(', ');
  return pending.length > max ? `${shown} and ${pending.length - max} more` : shown;
}

/**
 * The position in `state.pending` of the task `id` reports complete, after
 * checking that a device running one task at a time can report it now:
 *
 * 1. The task is pending: submitted (and placed, not `unplaced`) and not
 *    reported complete yet. The state keeps no finished ids (it would grow
 *    without bound), so a task never submitted and a task completed twice
 *    get the same error, which names both causes.
 * 2. It is the first pending task of its device: `state.pending` lists each
 *    device's tasks in run order (decisions are pinned), the device runs
 *    them one at a time, so the task queued before it on the same device
 *    has finished first and must be reported first.
 *
 * No did-you-mean for an unknown id: ids such as t1, t2 are one edit apart,
 * so a task completed twice would be pointed at the next one. O(pending).
 * @throws {@link InputRangeError} naming `taskId`.
 * @internal
 */
export function reportedTask(fn: string, state: OnlineState, id: string): number {
  const pending = state.pending;
  const k = pending.findIndex((p) => p.id === id);
  if (k < 0) {
    const known = pending.length === 0 ? 'no task is pending' : `the pending tasks are ${listIds(pending, 5)}`;
    rangeReason(fn, 'taskId', `(${JSON.stringify(id)}) is not a pending task: it was never submitted (or submit listed it in unplaced), or it was already reported complete (a task is completed once); ${known}`);
  }
  const task = pending[k]!;
  const j = task.device;
  const h = pending.findIndex((p) => p.device === j);
  if (h < k) {
    const first = pending[h]!;
    const before = pending.slice(h, k).filter((p) => p.device === j).length;
    const device = `device ${j} (${JSON.stringify(state.devices[j]?.id ?? '?')})`;
    const also = before > 1 ? ` (and ${before - 1} more task${before > 2 ? 's' : ''} after it)` : '';
    rangeReason(fn, 'taskId', `(${JSON.stringify(id)}, pending[${k}]) is queued behind task ${JSON.stringify(first.id)} (pending[${h}])${also} on ${device}, which runs one task at a time in order, so it cannot have finished first: complete task ${JSON.stringify(first.id)} first`);
  }
  return k;
}

/**
 * Checks that an explicit `finish` leaves room for the observed transfer
 * and execution after the task's earliest possible start:
 * `finish ≥ start + transfer + exec` (up to {@link FINISH_SLACK}). For the
 * first pending task of its device (as {@link reportedTask} ensures) the
 * planned `start` is that earliest start: max(its submit time, the previous
 * task's reported finish on the device or the device's ready time), since
 * `submit` plans and `complete` re-times the queue exactly so. A later start
 * (the device idled, the task waited) is possible and accepted.
 * O(1).
 * @throws {@link InputRangeError} naming `observed.finish`.
 * @internal
 */
export function checkFinish(fn: string, state: OnlineState, task: OnlinePlannedTask, transfer: number, exec: number, finish: number): void {
  const earliest = task.start + transfer + exec;
  if (!(finish < earliest) || (earliest < Infinity && earliest - finish <= FINISH_SLACK * earliest)) return;
  const j = task.device;
  const why = task.start === task.submitted
    ? `it was submitted at ${task.submitted}`
    : `device ${j} (${JSON.stringify(state.devices[j]?.id ?? '?')}) runs one task at a time and was busy until then (the previous task's reported finish, or the device's ready time)`;
  rangeReason(fn, 'observed.finish', `must be >= start + transfer + exec = ${task.start} + ${transfer} + ${exec} = ${earliest}, got ${finish}: task ${JSON.stringify(task.id)} cannot have started before ${task.start} (${why}); omit observed.finish (it then defaults to that sum), or report the transfer and exec actually observed`);
}
