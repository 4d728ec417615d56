/**
 * Validate a {@link Problem} once, at the boundary, and compile it to the dense
 * typed arrays every solver and the evaluator share.
 * @module
 */
import { infeasible, notOneOf, rangeReason, TIER_NAMES, typeError } from '../internal/errors.js';
import { priorities, type PriorityCriteria } from '../models/priority.js';
import { execArray, sharedConstant, zeroTransfer } from './buffers.js';
import { Report, checkKeys, isObject as isObjectImport, num, onlyKnownKeys as onlyKnownKeysImport } from './check.js';
import { compileEnergy, ENERGY_DEVICE_KEYS, ENERGY_TASK_KEYS } from './compileEnergy.js';
import { distinct, ids, onlyTaskKeys, quickIds } from './ids.js';
import type { IssueLog, ProblemIssue } from './issueLog.js';
import { matrix, readScanned } from './matrix.js';
import { exactPriorityOrder } from './priorityOrder.js';
import { checkScannedTimeSums, scanRows, type RowScan } from './timeSums.js';
import type { CompiledProblem, Problem } from './types.js';

export type { ProblemIssue } from './issueLog.js';

// Module-local bindings for the per-task calls: test runners compile a call to an imported name into a
// property read on the module per call, which loops over n tasks then pay n times.
const isObject = isObjectImport;
const onlyKnownKeys = onlyKnownKeysImport;

const PROBLEM_KEYS = ['tasks', 'devices', 'execTime', 'transferTime'];
const TASK_KEYS = ['id', 'priority', 'criteria', 'demand', 'release', 'deadline', ...ENERGY_TASK_KEYS];
const DEVICE_KEYS = ['id', 'tier', 'ready', 'budget', ...ENERGY_DEVICE_KEYS];
const CRITERIA = ['importance', 'urgency', 'satisfaction'] as const;

/** Result of {@link checkProblem}: the compiled problem, or the issues found. @internal */
export interface CheckResult {
  readonly compiled: CompiledProblem | undefined;
  /** The kept issues (at most a few per kind; `log` counts them all). */
  readonly issues: readonly ProblemIssue[];
  readonly log: IssueLog;
  /** The row scan of the compiled matrices (for `lowerBoundCompiled`); set with `compiled`. */
  readonly scan?: RowScan;
}

/**
 * Validates and compiles; with `collect` every issue is gathered instead of
 * throwing the first. `fn` prefixes every message. `internal`: the compiled
 * problem stays inside the library (see `zeroTransfer` and `execArray`, problem/buffers.ts). @internal
 */
export function checkProblem(fn: string, problem: unknown, collect: boolean, internal = false): CheckResult {
  const r = new Report(collect);
  if (!isObject(problem)) {
    r.guard(() => typeError(fn, 'problem', 'an object', problem));
    return { compiled: undefined, issues: r.issues, log: r.log };
  }
  checkKeys(fn, 'problem', problem, PROBLEM_KEYS, r);
  const tasks = Array.isArray(problem.tasks) ? problem.tasks : r.guard(() => typeError(fn, 'problem.tasks', 'an array', problem.tasks)) ?? [];
  const devices = Array.isArray(problem.devices) ? problem.devices : r.guard(() => typeError(fn, 'problem.devices', 'an array', problem.devices)) ?? [];
  const n = tasks.length;
  const m = devices.length;

  // Allocated at the first task with the field; with none, `internal` compiles share read-only defaults
  // (sharedConstant), others get fresh ones, after the loop.
  let priority: Float64Array | undefined;
  let release: Float64Array | undefined;
  let deadline: Float64Array | undefined;
  let demand: Float64Array | undefined;
  // Allocated at the first task with criteria, and with an explicit priority (most problems have neither).
  let criteria: (PriorityCriteria | undefined)[] | undefined;
  let explicit: Uint8Array | undefined;
  // Whether some task has criteria and no explicit priority (its priority is then derived from them).
  let derived = false;
  // The ids, read in this pass (what quickIds would return once they are known distinct); idsOk turns false
  // at the first task without a non-empty string id, for `ids` to report it after the loop, as before.
  const taskIdsRead = new Array<string>(n);
  let idsOk = true;
  // Whether some task names a `source` (compileEnergy reads the tasks only then).
  let anySource = false;
  for (let i = 0; i < n; i++) {
    const t: unknown = tasks[i];
    if (!isObject(t)) {
      idsOk = false;
      r.guard(() => typeError(fn, `problem.tasks[${i}]`, 'an object', t));
      continue;
    }
    const id = t.id;
    if (typeof id === 'string' && id !== '') taskIdsRead[i] = id;
    else idsOk = false;
    // The field name is built only when a task has an unknown key (most of n tasks in large problems have none).
    if (!onlyTaskKeys(t)) checkKeys(fn, () => `problem.tasks[${i}]`, t, TASK_KEYS, r);
    if (t.source !== undefined) anySource = true;
    if (t.priority === undefined && t.criteria === undefined && t.demand === undefined && t.release === undefined && t.deadline === undefined) continue;
    const f = `problem.tasks[${i}]`;
    if (t.priority !== undefined) {
      (priority ??= new Float64Array(n))[i] = num(fn, `${f}.priority`, t.priority, false, 0, r);
      (explicit ??= new Uint8Array(n))[i] = 1;
    }
    if (t.criteria !== undefined) {
      const c = t.criteria;
      if (!isObject(c)) {
        r.guard(() => typeError(fn, `${f}.criteria`, 'an object {importance, urgency, satisfaction}', c));
      } else {
        checkKeys(fn, `${f}.criteria`, c, CRITERIA, r);
        const [a, b, s] = CRITERIA.map((k) => num(fn, `${f}.criteria.${k}`, c[k], false, 0, r)) as [number, number, number];
        (criteria ??= new Array<PriorityCriteria | undefined>(n))[i] = { importance: a, urgency: b, satisfaction: s };
        if (t.priority === undefined) derived = true;
      }
    }
    if (t.demand !== undefined) (demand ??= new Float64Array(n))[i] = num(fn, `${f}.demand`, t.demand, false, 0, r);
    if (t.release !== undefined) (release ??= new Float64Array(n))[i] = num(fn, `${f}.release`, t.release, false, 0, r);
    if (t.deadline !== undefined) (deadline ??= new Float64Array(n).fill(Infinity))[i] = num(fn, `${f}.deadline`, t.deadline, true, Infinity, r);
  }
  // Derived priorities are written below (normalizedPriorities): never into a shared array.
  if (derived) priority ??= new Float64Array(n);
  priority ??= internal ? sharedConstant(n, 0) : new Float64Array(n);
  release ??= internal ? sharedConstant(n, 0) : new Float64Array(n);
  deadline ??= internal ? sharedConstant(n, Infinity) : new Float64Array(n).fill(Infinity);
  demand ??= internal ? sharedConstant(n, 0) : new Float64Array(n);
  const taskIds = idsOk && distinct(taskIdsRead) ? taskIdsRead : ids(fn, 'problem.tasks', tasks, r);

  let ready: Float64Array | undefined;
  let budget: Float64Array | undefined;
  const tier = new Uint8Array(m);
  for (let j = 0; j < m; j++) {
    const d: unknown = devices[j];
    const f = `problem.devices[${j}]`;
    if (!isObject(d)) {
      r.guard(() => typeError(fn, f, 'an object', d));
      continue;
    }
    if (!onlyKnownKeys(d, DEVICE_KEYS)) checkKeys(fn, f, d, DEVICE_KEYS, r);
    if (d.tier === 'cloud') tier[j] = 1;
    else if (d.tier === 'fog') tier[j] = 2;
    else if (d.tier !== 'edge') r.guard(() => notOneOf(fn, `${f}.tier`, d.tier, TIER_NAMES));
    if (d.ready !== undefined) (ready ??= new Float64Array(m))[j] = num(fn, `${f}.ready`, d.ready, false, 0, r);
    if (d.budget !== undefined) (budget ??= new Float64Array(m).fill(Infinity))[j] = num(fn, `${f}.budget`, d.budget, true, Infinity, r);
  }
  ready ??= internal ? sharedConstant(m, 0) : new Float64Array(m);
  budget ??= internal ? sharedConstant(m, Infinity) : new Float64Array(m).fill(Infinity);
  const deviceIds = quickIds(devices) ?? ids(fn, 'problem.devices', devices, r);

  const energy = compileEnergy(fn, tasks, devices, deviceIds, r, 'problem.', anySource, internal);

  const exec = execArray(n * m, internal);
  const transfer = zeroTransfer(n * m, internal && problem.transferTime === undefined);
  // Well-formed matrices are read and scanned in one pass (feasibility, overflow guard, row-minima bound);
  // anything else is read again by the reporting reader, then scanned.
  let scan = readScanned(problem.execTime, problem.transferTime, n, m, exec, transfer, release);
  if (scan === undefined) {
    exec.fill(0);
    if (problem.transferTime !== undefined) transfer.fill(0);
    matrix(fn, 'problem.execTime', problem.execTime, n, m, exec, r);
    if (problem.transferTime !== undefined) matrix(fn, 'problem.transferTime', problem.transferTime, n, m, transfer, r);
    scan = scanRows(n, m, exec, problem.transferTime === undefined ? undefined : transfer, release);
  }
  const before = r.log.total;
  for (const i of scan.infeasible) {
    const why = m === 0 ? 'has no device to run on (problem.devices is empty)' : 'has no device where the task can run (execTime + transferTime is Infinity on every device)';
    r.guard(() => infeasible(fn, `problem.execTime[${i}]`, why));
  }
  // derived implies some task has criteria; explicit stays undefined when no task has a priority.
  if (r.log.total === before && derived) normalizedPriorities(fn, criteria!, explicit ??= new Uint8Array(n), priority, r);
  if (r.log.total === 0) r.guard(() => checkScannedTimeSums(fn, scan, { n, m, exec, transfer, release, priority, ready }));
  if (r.log.total > 0) return { compiled: undefined, issues: r.issues, log: r.log };
  const priorityOrder = derived ? exactPriorityOrder(priority, criteria!, explicit ?? new Uint8Array(n)) : undefined;
  return {
    compiled: { n, m, exec, transfer, priority, release, deadline, demand, ready, budget, tier, ...energy, taskIds, deviceIds, ...(priorityOrder === undefined ? {} : { priorityOrder }) },
    issues: r.issues,
    log: r.log,
    scan,
  };
}

/** Fills the priority of tasks with criteria but no explicit priority (normalized form over the tasks with criteria). */
function normalizedPriorities(fn: string, criteria: readonly (PriorityCriteria | undefined)[], explicit: Uint8Array, out: Float64Array, r: Report): void {
  const withCriteria: number[] = [];
  let needed = false;
  for (let i = 0; i < criteria.length; i++) {
    if (criteria[i] === undefined) continue;
    withCriteria.push(i);
    if (explicit[i] === 0) needed = true;
  }
  if (!needed) return;
  const list = withCriteria.map((i) => criteria[i]!);
  for (const k of CRITERIA) {
    let sum = 0;
    for (const c of list) sum += c[k];
    if (!(sum > 0)) {
      r.guard(() => rangeReason(fn, `problem.tasks[*].criteria.${k}`, 'sums to 0 over the tasks with criteria, so their normalized priority (which divides by the sum) is undefined; give those tasks an explicit priority'));
      return;
    }
  }
  const p = priorities(list, { form: 'normalized' });
  for (let k = 0; k < withCriteria.length; k++) {
    const i = withCriteria[k]!;
    if (explicit[i] === 0) out[i] = p[k]!;
  }
}

/**
 * Validates a {@link Problem} and compiles it to dense, row-major typed arrays
 * (`exec[i * m + j]`), the form every solver and `evaluate` share.
 *
 * Checks, each error naming its field and index: `problem`, `tasks`,
 * `devices` are an object and arrays; unknown fields are rejected (a typo is
 * never silently ignored); ids are non-empty strings, unique within tasks and
 * within devices; `tier` is `'edge'`, `'fog'` or `'cloud'` (compiled 0, 2, 1); `priority`, `demand`,
 * `release`, `ready` and criteria are finite and ≥ 0; `deadline` and `budget`
 * are ≥ 0 (`Infinity` = none); `execTime` and `transferTime` are n×m (one row
 * per task, one entry per device), entries ≥ 0, `Infinity` = the task cannot
 * run there. Every task needs one device with finite execTime + transferTime.
 * Energy and money (all optional): a device's `power` has only the keys
 * `busy`, `transfer`, `idle`, each finite and ≥ 0 (watts); its `price` has a
 * required `perSecond` (finite, ≥ 0), a `granularity` finite and > 0 and a
 * `minimum` finite and ≥ 0 (seconds); a task's `source` is the id of one of
 * the devices.
 *
 * Times whose sums could overflow a double in some schedule are refused (the
 * guard: max ready + max release + Σ_i max_j (transfer + exec), times n
 * and times Σ priority, must be finite; m·max ready + that too), with the same message from every entry point.
 *
 * Priority per task: the explicit `priority`; else, for a task with
 * `criteria`, the normalized form (A/ΣA + B/ΣB + C/ΣC, seed section 4.1) with
 * sums over all tasks that have criteria; else 0. When some priority comes
 * from criteria, `priorityOrder` holds the tasks by priority decided in
 * exact arithmetic (equal fractions are ties, lowest index first), since the
 * doubles in `priority` carry rounding (2/3 computes as 0.66666666666666674
 * or 0.66666666666666663 depending on the criteria).
 *
 * Complexity: O(n·m) time, one pass over each matrix.
 *
 * @param problem - The problem (never mutated; the result shares no storage with it).
 * @returns A {@link CompiledProblem}.
 * @throws {@link InputTypeError} for a wrong shape: non-object, non-array, ragged rows, missing or non-string id, unknown field, bad tier.
 * @throws {@link InputRangeError} for NaN, negative or (where not allowed) infinite numbers, a granularity ≤ 0, a `source` naming no device, duplicate ids, criteria whose column sums to 0 when normalized priorities are needed, or times whose sums overflow a double (the same message from every entry point).
 * @throws {@link InfeasibleError} for a task with no device it can run on, naming `problem.execTime[i]`.
 *
 * @example
 * ```ts
 * const cp = compileProblem({
 *   tasks: [{ id: 'a' }, { id: 'b', priority: 2 }],
 *   devices: [{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }],
 *   execTime: [[3, 1], [Infinity, 2]],
 * });
 * cp.exec;     // Float64Array [3, 1, Infinity, 2]
 * cp.priority; // Float64Array [0, 2]
 * ```
 */
export function compileProblem(problem: Problem): CompiledProblem {
  return checkProblem('compileProblem', problem, false).compiled!;
}

/** {@link compileProblem} with another function name in messages (for public wrappers). @internal */
export function compileFor(fn: string, problem: Problem): CompiledProblem {
  return checkProblem(fn, problem, false).compiled!;
}

/**
 * {@link compileFor}, also returning the row scan made while compiling
 * (row minima, for `lowerBoundCompiled` without a second pass). The compiled
 * problem must not leave the library, nor have its arrays written: without
 * transfer times its `transfer` is shared zeros, and its `exec` may be a
 * reused array (given back with `releaseScanned`, problem/buffers.ts). @internal
 */
export function compileScanned(fn: string, problem: Problem): { readonly cp: CompiledProblem; readonly scan: RowScan } {
  const { compiled, scan } = checkProblem(fn, problem, false, true);
  return { cp: compiled!, scan: scan! };
}
