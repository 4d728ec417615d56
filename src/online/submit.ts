/**
 * Online scheduling, steps 1-2 of the seed: place a batch of arriving tasks.
 * @module
 */
import { checkArray, checkInteger, checkNonNegative, checkObject, checkOneOf, checkOptions, infeasible, notNonNegativeOrInfinity, rangeError, rangeReason, typeError, typeReason, unknownKey } from '../internal/errors.js';
import { checkString } from '../internal/primitives.js';
import type { PriorityCriteria } from '../models/priority.js';
import type { Problem, TaskSpec } from '../problem/types.js';
import type { TimeObjective } from '../solvers/registry.js';
import type { SolveOptions } from '../solvers/solve.js';
import { strategyNames, type StrategyName } from '../solvers/strategies.js';
import { guardBatch, placeWithinBudgets, scaledTimes, type ReadTask } from './submitBudget.js';
import { checkState, type OnlineDeviceState, type OnlinePlannedTask, type OnlineState } from './stateTypes.js';

/** A task arriving at an online scheduler. */
export interface OnlineTask {
  /** Unique id (among the pending tasks and the batch). */
  readonly id: string;
  /** Nominal execution time on each device (one entry per device, `Infinity` = cannot run there). */
  readonly execTime: readonly number[];
  /** Transfer time to each device. @defaultValue all 0 */
  readonly transferTime?: readonly number[];
  /** Explicit priority (higher first). @defaultValue from `criteria` (normalized over the batch), else 0 */
  readonly priority?: number;
  /** Priority criteria (seed, section 4.1). @defaultValue none */
  readonly criteria?: PriorityCriteria;
  /** Resource demand, taken from the device budget until completion. @defaultValue 0 */
  readonly demand?: number;
  /** Absolute deadline. @defaultValue none */
  readonly deadline?: number;
}

/** Options of {@link submit}: how the batch is placed. */
export interface SubmitOptions {
  /** The strategy `solve` applies to the batch. @defaultValue `'min-min'` */
  readonly strategy?: StrategyName;
  /** What the strategy optimizes. @defaultValue `'makespan'` */
  readonly objective?: TimeObjective;
  /** Seed for randomized strategies. @defaultValue 0 */
  readonly seed?: number;
  /** Time budget of iterative strategies, in ms. @defaultValue `solve`'s default */
  readonly timeLimitMs?: number;
  /** Iteration budget of iterative strategies. @defaultValue `solve`'s default */
  readonly maxIterations?: number;
}

/** Where and when one submitted task will run (planned). */
export interface OnlineDecision {
  /** Task id. */
  readonly id: string;
  /** Device index. */
  readonly device: number;
  /** Device id. */
  readonly deviceId: string;
  /** Planned start of its transfer. */
  readonly start: number;
  /** Planned transfer duration. */
  readonly transfer: number;
  /** Planned execution duration (nominal × the device's learnt ratio). */
  readonly exec: number;
  /** Planned finish. */
  readonly finish: number;
}

/** A submitted task that {@link submit} could not place within the device budgets. */
export interface OnlineUnplaced {
  /** Task id. */
  readonly id: string;
  /** Its index in the submitted batch. */
  readonly index: number;
  /** Why, e.g. the capacity-aware strategy's message naming the demand and the budgets left. */
  readonly reason: string;
}

/** What {@link submit} returns. */
export interface SubmitResult {
  /** The new state (the input state is untouched). */
  readonly state: OnlineState;
  /**
   * One decision per placed task, in input order: every submitted task
   * unless some are in `unplaced`.
   */
  readonly decisions: readonly OnlineDecision[];
  /**
   * Tasks that fit on no device: their demand exceeds the remaining budget
   * of every device they can run on (after the tasks placed before them).
   * They are not in the new state (not pending, not counted as submitted);
   * submit them again once completions give budget back. Empty when no
   * device has a finite budget or no task has a demand.
   */
  readonly unplaced: readonly OnlineUnplaced[];
  /** Whether the strategy hit its time or iteration budget. */
  readonly stoppedEarly: boolean;
}

const FN = 'submit';
const TASK_KEYS = ['id', 'execTime', 'transferTime', 'priority', 'criteria', 'demand', 'deadline'];
const CRITERIA = ['importance', 'urgency', 'satisfaction'] as const;
const OBJECTIVES: readonly TimeObjective[] = ['makespan', 'flowtime', 'weighted-flowtime'];

/**
 * Places a batch of tasks arriving at time `now` (the seed's steps 1-2:
 * sort by priority, allocate to devices), pinning every earlier decision.
 *
 * The batch becomes a {@link Problem} for `solve` under the `'sequential'`
 * cost model: every task is released at `now`; device j is ready at
 * max(busyUntil_j, now) (so earlier tasks keep their places and times) with
 * its remaining budget; the execution time of task i on device j is
 * `execTime_i[j] × ratio_j`, the device's learnt observed ÷ expected ratio
 * (step 5, see {@link complete}). The strategy's assignment and sequential
 * schedule are the plan: each task's planned start, transfer, execution and
 * finish. Priorities come from `priority`, else from `criteria` normalized
 * over the batch (as in `compileProblem`).
 *
 * Budgets are honoured: a device whose remaining budget cannot take a
 * task's demand is skipped (the capacity-aware strategies of `solve`); a
 * task that fits on no device is left out and listed in `unplaced`, so no
 * budget ever goes negative (`'local-search'` keeps budgets too). With a
 * strategy that ignores budgets (`'optimal-flowtime'`), a task it puts on a device
 * without room for it is set aside and then placed by the capacity-aware
 * MCT rule (after the others), or listed in `unplaced`. Times are guarded as in `compileProblem`: an
 * allowed time that the learnt ratio would scale past the range of a double,
 * or sums of times that could overflow, are refused with an
 * `InputRangeError` naming `submit`.
 *
 * Complexity: O(b·m + pending) plus the strategy's cost on b tasks and m devices.
 *
 * @param state - The current state (never mutated).
 * @param tasks - The arriving tasks (may be empty: only the clock advances).
 * @param now - The current time, ≥ `state.now`.
 * @param options - {@link SubmitOptions}.
 * @returns The new state, the decisions (in input order) and whether the strategy stopped early.
 * @throws {@link InputTypeError} for a malformed state or task, a row of the wrong length, or an unknown option or field.
 * @throws {@link InputRangeError} for a duplicate id, a negative or NaN time, `now` before `state.now`, or times whose sums overflow a double.
 * @throws {@link InfeasibleError} for a task that no device can run.
 *
 * @example
 * ```ts
 * const s0 = createOnlineState([{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }]);
 * const { state, decisions } = submit(s0, [{ id: 'a', execTime: [4, 1], transferTime: [0, 2] }], 0);
 * decisions[0]; // { id: 'a', device: 1, deviceId: 'cloud', start: 0, transfer: 2, exec: 1, finish: 3 }
 * state.devices[1].busyUntil; // 3
 * ```
 */
export function submit(state: OnlineState, tasks: readonly OnlineTask[], now: number, options?: SubmitOptions): SubmitResult {
  const opts = checkOptions(FN, options, ['strategy', 'objective', 'seed', 'timeLimitMs', 'maxIterations']);
  const strategy = opts.strategy === undefined ? undefined : checkOneOf(FN, 'options.strategy', opts.strategy, strategyNames);
  const solveOptions: { -readonly [K in keyof SolveOptions]: SolveOptions[K] } = { costModel: 'sequential', trace: false };
  if (strategy !== undefined) solveOptions.strategy = strategy;
  if (opts.objective !== undefined) solveOptions.objective = checkOneOf(FN, 'options.objective', opts.objective, OBJECTIVES);
  if (opts.seed !== undefined) solveOptions.seed = checkInteger(FN, 'options.seed', opts.seed, 0, 2 ** 32 - 1);
  if (opts.timeLimitMs !== undefined) solveOptions.timeLimitMs = checkNonNegative(FN, 'options.timeLimitMs', opts.timeLimitMs);
  if (opts.maxIterations !== undefined) solveOptions.maxIterations = checkInteger(FN, 'options.maxIterations', opts.maxIterations);
  checkState(FN, state);
  const t = checkNonNegative(FN, 'now', now);
  if (t < state.now) rangeError(FN, 'now', `a time >= state.now (${state.now})`, t);
  checkArray(FN, 'tasks', tasks);
  const m = state.devices.length;
  const pendingIds = new Set(state.pending.map((p) => p.id));
  const batchIds = new Map<string, number>();
  const batch = tasks.map((task, i) => readTask(task, i, m, pendingIds, batchIds));
  checkBatchCriteria(batch);
  const devicesNow = state.devices.map((d) => (d.busyUntil >= t ? d : { ...d, busyUntil: t }));
  if (batch.length === 0) {
    return { state: { ...state, now: t, devices: devicesNow }, decisions: [], unplaced: [], stoppedEarly: false };
  }

  const exec = scaledTimes(batch, state.devices);
  guardBatch(batch, exec, state.devices, t);
  const { solution, placed, unplaced, retry } = placeWithinBudgets(state, batch, exec, t, solveOptions);

  const decisions: OnlineDecision[] = solution === undefined ? [] : solution.schedule.tasks.map((s) => ({
    id: s.id,
    device: s.device,
    deviceId: state.devices[s.device]!.id,
    start: s.start,
    transfer: s.transfer,
    exec: s.exec,
    finish: s.finish,
  }));
  const order = decisions.map((_, i) => i).sort((a, b) => decisions[a]!.start - decisions[b]!.start || a - b);
  const planned: OnlinePlannedTask[] = order.map((i) => {
    const d = decisions[i]!;
    const b = batch[placed[i]!]!;
    return { id: d.id, device: d.device, submitted: t, start: d.start, transfer: d.transfer, nominalExec: b.exec[d.device]!, exec: d.exec, finish: d.finish, demand: b.demand, deadline: b.deadline };
  });
  const devices: OnlineDeviceState[] = devicesNow.map((d, j) => {
    let busyUntil = d.busyUntil;
    let used = 0;
    for (const p of planned) {
      if (p.device !== j) continue;
      if (p.finish > busyUntil) busyUntil = p.finish;
      used += p.demand;
    }
    if (busyUntil === d.busyUntil && used === 0) return d;
    return { ...d, busyUntil, budget: d.budget === null ? null : d.budget - used };
  });
  const first: SubmitResult = {
    state: { ...state, now: t, devices, pending: [...state.pending, ...planned], submitted: state.submitted + placed.length },
    decisions,
    unplaced,
    stoppedEarly: solution?.stoppedEarly ?? false,
  };
  if (retry.length === 0) return first;
  // Tasks a budget-ignoring strategy put on a full device: placed after the others by the capacity-aware MCT rule.
  const { strategy: _ignored, ...rest } = opts;
  const second = submit(first.state, retry.map((i) => tasks[i]!), t, { ...(rest as SubmitOptions), strategy: 'mct' });
  const byId = new Map(retry.map((i) => [batch[i]!.spec.id, i]));
  const indexed: [number, OnlineDecision][] = [...decisions.map((d, k): [number, OnlineDecision] => [placed[k]!, d]), ...second.decisions.map((d): [number, OnlineDecision] => [byId.get(d.id)!, d])];
  const moreUnplaced = second.unplaced.map((u) => ({
    id: u.id,
    index: retry[u.index]!,
    reason: `${u.reason.replace(/^tasks\[\d+\]/, `tasks[${retry[u.index]!}]`)} (set aside because strategy '${strategy ?? 'min-min'}' ignores budgets; then tried with the capacity-aware 'mct' rule)`,
  }));
  return {
    state: second.state,
    decisions: indexed.sort((a, b) => a[0] - b[0]).map(([, d]) => d),
    unplaced: [...unplaced, ...moreUnplaced].sort((a, b) => a.index - b.index),
    stoppedEarly: first.stoppedEarly || second.stoppedEarly,
  };
}

/**
 * The rule of `compileProblem`, checked here so the error names `submit`:
 * when some task takes its priority from criteria, every criterion must sum
 * to more than 0 over the batch's tasks with criteria.
 */
function checkBatchCriteria(batch: readonly ReadTask[]): void {
  if (!batch.some((b) => b.spec.criteria !== undefined && b.spec.priority === undefined)) return;
  for (const k of CRITERIA) {
    let sum = 0;
    for (const b of batch) if (b.spec.criteria !== undefined) sum += b.spec.criteria[k];
    if (!(sum > 0)) rangeReason(FN, `tasks[*].criteria.${k}`, "sums to 0 over the batch's tasks with criteria, so their normalized priority (which divides by the sum) is undefined; give those tasks an explicit priority");
  }
}

function readTask(task: unknown, i: number, m: number, pendingIds: ReadonlySet<string>, batchIds: Map<string, number>): ReadTask {
  const f = `tasks[${i}]`;
  checkObject(FN, f, task);
  for (const key of Object.keys(task)) {
    if (!TASK_KEYS.includes(key)) typeReason(FN, `${f}.${key}`, unknownKey('field', key, TASK_KEYS));
  }
  const id = checkString(FN, `${f}.id`, task.id);
  if (id === '') typeError(FN, `${f}.id`, 'a non-empty string', id);
  const first = batchIds.get(id);
  if (first !== undefined) rangeReason(FN, `${f}.id`, `duplicates tasks[${first}].id (${JSON.stringify(id)}) in this batch: give each task its own id`);
  if (pendingIds.has(id)) rangeReason(FN, `${f}.id`, `duplicates the id of a pending task (${JSON.stringify(id)}): complete it first, or give this task another id`);
  batchIds.set(id, i);
  const exec = row(`${f}.execTime`, task.execTime, m);
  const transfer = task.transferTime === undefined ? new Array<number>(m).fill(0) : row(`${f}.transferTime`, task.transferTime, m);
  let ok = false;
  for (let j = 0; j < m; j++) if (exec[j]! + transfer[j]! < Infinity) ok = true;
  if (!ok) infeasible(FN, `${f}.execTime`, m === 0 ? 'has no device to run on (the state has no devices: create it with createOnlineState and at least one device)' : 'is Infinity (or its transfer is) on every device: no device can run the task');
  const spec: { -readonly [K in keyof TaskSpec]: TaskSpec[K] } = { id };
  if (task.priority !== undefined) spec.priority = checkNonNegative(FN, `${f}.priority`, task.priority);
  if (task.criteria !== undefined) {
    const c = task.criteria;
    checkObject(FN, `${f}.criteria`, c);
    for (const k of CRITERIA) checkNonNegative(FN, `${f}.criteria.${k}`, c[k]);
    spec.criteria = { importance: c.importance as number, urgency: c.urgency as number, satisfaction: c.satisfaction as number };
  }
  const demand = task.demand === undefined ? 0 : checkNonNegative(FN, `${f}.demand`, task.demand);
  if (task.demand !== undefined) spec.demand = demand;
  const deadline = task.deadline === undefined ? null : checkNonNegative(FN, `${f}.deadline`, task.deadline);
  if (deadline !== null) spec.deadline = deadline;
  return { spec, exec, transfer, demand, deadline };
}

function row(field: string, value: unknown, m: number): number[] {
  checkArray(FN, field, value);
  if (value.length !== m) typeReason(FN, field, `has length ${value.length}, expected ${m} (one entry per device)`);
  return value.map((v, j) => {
    if (typeof v === 'number' && v >= 0) return v; // Infinity = the task cannot run there
    return notNonNegativeOrInfinity(FN, `${field}[${j}]`, v);
  });
}
