/**
 * Validation of `simulate`'s inputs and the arrival sequence they
 * define. Not exported from the package.
 * @internal
 * @module
 */
import { checkArray, checkFinite, checkInteger, checkNonNegative, checkObject, checkOneOf, checkPositive, rangeError, rangeReason, typeError, typeReason, unknownKey } from '../internal/errors.js';
import { OVERFLOW_REASON } from '../problem/timeSums.js';
import { checkString } from '../internal/primitives.js';
import { createRng } from '../internal/random.js';
import type { TimeObjective } from '../solvers/registry.js';
import { strategyNames, type StrategyName } from '../solvers/strategies.js';
import type { SimTask } from './simulationTypes.js';

const FN = 'simulate';
const TIERS = ['edge', 'fog', 'cloud'] as const;
const OBJECTIVES: readonly TimeObjective[] = ['makespan', 'flowtime', 'weighted-flowtime'];

/** A validated device: nominal speed, transfer terms, true slowdown. @internal */
export interface DeviceIn {
  readonly id: string;
  readonly tier: 'edge' | 'fog' | 'cloud';
  readonly speed: number;
  readonly latency: number;
  readonly bandwidth: number;
  readonly slowdown: number;
}

/** The arrivals in time order. @internal */
export interface Arrivals {
  readonly time: Float64Array;
  readonly tasks: readonly SimTask[];
}

/** A validated policy. @internal */
export interface PolicyIn {
  readonly strategy: StrategyName;
  readonly batchInterval: number;
  readonly smoothing: number;
  readonly objective: TimeObjective;
  /** Passed through to `submit` when given. */
  readonly budget: { timeLimitMs?: number; maxIterations?: number };
}

function checkKeys(field: string, obj: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) typeReason(FN, `${field}.${key}`, unknownKey('field', key, allowed));
  }
}

/** Validates the devices (non-empty, unique ids, positive speeds). @internal */
export function readDevices(devices: unknown): DeviceIn[] {
  checkArray(FN, 'devices', devices);
  if (devices.length === 0) rangeError(FN, 'devices', 'a non-empty array', devices);
  const seen = new Map<string, number>();
  return devices.map((d, j) => {
    const f = `devices[${j}]`;
    checkObject(FN, f, d);
    checkKeys(f, d, ['id', 'tier', 'speed', 'latency', 'bandwidth', 'slowdown']);
    const id = checkString(FN, `${f}.id`, d.id);
    if (id === '') typeError(FN, `${f}.id`, 'a non-empty string', id);
    const first = seen.get(id);
    if (first !== undefined) rangeReason(FN, `${f}.id`, `duplicates devices[${first}].id (${JSON.stringify(id)})`);
    seen.set(id, j);
    let bandwidth = Infinity;
    if (d.bandwidth !== undefined && d.bandwidth !== Infinity) bandwidth = checkPositive(FN, `${f}.bandwidth`, d.bandwidth);
    return {
      id,
      tier: checkOneOf(FN, `${f}.tier`, d.tier, TIERS),
      speed: checkPositive(FN, `${f}.speed`, d.speed),
      latency: d.latency === undefined ? 0 : checkNonNegative(FN, `${f}.latency`, d.latency),
      bandwidth,
      slowdown: d.slowdown === undefined ? 1 : checkPositive(FN, `${f}.slowdown`, d.slowdown),
    };
  });
}

function readTask(field: string, t: unknown): SimTask {
  checkObject(FN, field, t);
  checkKeys(field, t, ['work', 'dataSize', 'deadline', 'priority', 'criteria']);
  checkNonNegative(FN, `${field}.work`, t.work);
  if (t.dataSize !== undefined) checkNonNegative(FN, `${field}.dataSize`, t.dataSize);
  if (t.deadline !== undefined) checkNonNegative(FN, `${field}.deadline`, t.deadline);
  if (t.priority !== undefined) checkNonNegative(FN, `${field}.priority`, t.priority);
  if (t.criteria !== undefined) {
    checkObject(FN, `${field}.criteria`, t.criteria);
    for (const k of ['importance', 'urgency', 'satisfaction']) {
      const v = checkNonNegative(FN, `${field}.criteria.${k}`, t.criteria[k]);
      // A batch may hold this task alone: its normalized priority then divides by this criterion.
      if (v === 0 && t.priority === undefined) rangeError(FN, `${field}.criteria.${k}`, 'a number > 0 for a task without an explicit priority (a batch holding only this task would have no normalized priority)', v);
    }
  }
  return t as unknown as SimTask;
}

/**
 * The arrival times and tasks of a workload, in time order. Poisson: times
 * are cumulative sums of Exp(rate) draws, −ln(1 − u)/rate, and each
 * template index is ⌊u·templates⌋, from two independent streams of `seed`.
 * @internal
 */
export function readArrivals(workload: unknown, seed: number): Arrivals {
  checkObject(FN, 'workload', workload);
  const kind = checkOneOf(FN, 'workload.kind', workload.kind, ['poisson', 'trace'] as const);
  if (kind === 'poisson') {
    checkKeys('workload', workload, ['kind', 'rate', 'count', 'tasks']);
    const rate = checkPositive(FN, 'workload.rate', workload.rate);
    const count = checkInteger(FN, 'workload.count', workload.count, 0, 2 ** 28);
    checkArray(FN, 'workload.tasks', workload.tasks);
    if (workload.tasks.length === 0) rangeError(FN, 'workload.tasks', 'a non-empty array of task templates', workload.tasks);
    const templates = workload.tasks.map((t, k) => readTask(`workload.tasks[${k}]`, t));
    const gap = createRng(seed);
    const pick = createRng((seed ^ 0x5bd1e995) >>> 0);
    const time = new Float64Array(count);
    const tasks: SimTask[] = new Array<SimTask>(count);
    let t = 0;
    for (let k = 0; k < count; k++) {
      t += -Math.log(1 - gap()) / rate;
      time[k] = t;
      tasks[k] = templates[Math.floor(pick() * templates.length)]!;
    }
    return { time, tasks };
  }
  checkKeys('workload', workload, ['kind', 'arrivals']);
  const list: unknown = workload.arrivals;
  checkArray(FN, 'workload.arrivals', list);
  const raw = list.map((a, k) => {
    const f = `workload.arrivals[${k}]`;
    checkObject(FN, f, a);
    checkKeys(f, a, ['time', 'task']);
    return { time: checkNonNegative(FN, `${f}.time`, a.time), task: readTask(`${f}.task`, a.task), k };
  });
  raw.sort((a, b) => a.time - b.time || a.k - b.k);
  return { time: Float64Array.from(raw, (a) => a.time), tasks: raw.map((a) => a.task) };
}

/** Validates the policy. @internal */
export function readPolicy(policy: unknown): PolicyIn {
  checkObject(FN, 'policy', policy);
  checkKeys('policy', policy, ['strategy', 'batchInterval', 'smoothing', 'objective', 'timeLimitMs', 'maxIterations']);
  const budget: { timeLimitMs?: number; maxIterations?: number } = {};
  if (policy.timeLimitMs !== undefined) budget.timeLimitMs = checkNonNegative(FN, 'policy.timeLimitMs', policy.timeLimitMs);
  if (policy.maxIterations !== undefined) budget.maxIterations = checkInteger(FN, 'policy.maxIterations', policy.maxIterations);
  const smoothing = policy.smoothing === undefined ? 0.3 : checkNonNegative(FN, 'policy.smoothing', policy.smoothing);
  if (smoothing > 1) rangeError(FN, 'policy.smoothing', 'a number in [0, 1]', smoothing);
  const strategy = checkOneOf(FN, 'policy.strategy', policy.strategy, strategyNames);
  const objective = policy.objective === undefined ? 'makespan' : checkOneOf(FN, 'policy.objective', policy.objective, OBJECTIVES);
  // As solve: 'optimal-flowtime' would silently return the unweighted optimum.
  if (strategy === 'optimal-flowtime' && objective === 'weighted-flowtime') {
    rangeReason(FN, 'policy.objective', "cannot be optimized by strategy 'optimal-flowtime' (it minimizes the unweighted flowtime only), got \"weighted-flowtime\"; use objective 'flowtime', or another strategy");
  }
  return {
    strategy,
    batchInterval: policy.batchInterval === undefined ? 0 : checkNonNegative(FN, 'policy.batchInterval', policy.batchInterval),
    smoothing,
    objective,
    budget,
  };
}


/**
 * The overflow guard of `compileProblem` (problem/timeSums.ts) for a whole
 * simulation, checked before the first event: with w_kj = latency_j +
 * dataSize_k / bandwidth_j + (work_k / speed_j) · max(1, slowdown_j) · 2
 * (the true time, noise at most ×1.87, and the most the learnt ratio can
 * plan), H = last arrival + Σ_k max_j w_kj, and n·H and Σ priority·H, must
 * be finite. Otherwise `simulate: workload has times whose sums overflow
 * ...`. O(n·m).
 * @internal
 */
export function checkSimulationSums(devices: readonly DeviceIn[], arrivals: Arrivals): void {
  const { time, tasks } = arrivals;
  const n = tasks.length;
  let sum = 0;
  let weight = 0;
  for (let k = 0; k < n; k++) {
    const t = tasks[k]!;
    const data = t.dataSize ?? 0;
    let worst = 0;
    for (const d of devices) {
      const w = d.latency + (data > 0 ? data / d.bandwidth : 0) + (t.work / d.speed) * Math.max(1, d.slowdown) * 2;
      if (w > worst) worst = w;
    }
    sum += worst;
    weight += t.priority ?? (t.criteria === undefined ? 0 : 3);
  }
  const horizon = ((n > 0 ? time[n - 1]! : 0) + sum) * (1 + 1e-6);
  if (horizon === 0) return;
  if (!Number.isFinite(horizon) || !Number.isFinite(n * horizon) || !Number.isFinite(weight * horizon)) {
    rangeReason(FN, 'workload', OVERFLOW_REASON);
  }
}
