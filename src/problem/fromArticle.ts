/**
 * Build a {@link Problem} from the seed article's quantities: task criteria,
 * per-device execution times and per-device transfer phases (section 4.3).
 * @module
 */
import { checkArray, checkNonNegative, checkObject, checkOneOf, checkOptions, rangeReason, typeReason } from '../internal/errors.js';
import type { LoadCriteria } from '../models/load.js';
import type { PriorityCriteria } from '../models/priority.js';
import type { TransferCriteria } from '../models/transfer.js';
import { workedExample } from '../workedExample.js';
import { InfeasibleError } from '../errors.js';
import { compileFor } from './compile.js';
import type { DeviceSpec, Problem, TaskSpec, Tier } from './types.js';

/** Reads `items[i][field]` (finite, ≥ 0) into one column per field, naming `items[i].field` in errors. */
function columns(fn: string, name: string, items: unknown, fields: readonly string[]): Float64Array[] {
  checkArray(fn, name, items);
  const cols = fields.map(() => new Float64Array(items.length));
  items.forEach((item: unknown, i) => {
    checkObject(fn, `${name}[${i}]`, item);
    fields.forEach((f, c) => (cols[c]![i] = checkNonNegative(fn, `${name}[${i}].${f}`, item[f])));
  });
  return cols;
}

/** Options of {@link problemFromArticle}. */
export interface ProblemFromArticleOptions {
  /**
   * Tier of each device, one per device.
   * @defaultValue every device `'edge'`
   */
  readonly tiers?: readonly Tier[];
}

/**
 * Builds a problem the way the seed's worked example computes times
 * (section 4.3): the execution time of a task on device j is that device's
 * execution time T_j (the same for every task), and its transfer time is the
 * base form of the transfer row with the same index, Tp_j + Ts_j + Tr_j.
 *
 * - tasks: ids `task1`..`taskN` (the article's numbering), `criteria` as given
 *   (so `compileProblem` derives their normalized priority);
 * - devices: ids `device1`..`deviceM`, `budget` = remaining resources R_j;
 * - `execTime[i][j] = devices[j].execTime`, `transferTime[i][j] = Tp_j + Ts_j + Tr_j`.
 *
 * The capacity C_j is carried by the article's load model only; it does not
 * enter any time. Units are the article's (unspecified, consistent) time unit.
 *
 * Complexity: O(n·m).
 *
 * @param tasks - Priority criteria of each task, finite and ≥ 0.
 * @param devices - Capacity, remaining resources and execution time of each device, finite and ≥ 0.
 * @param transfers - One transfer row per device (same index), finite and ≥ 0.
 * @param options - {@link ProblemFromArticleOptions}.
 * @returns A new plain {@link Problem}.
 * @throws {@link InputTypeError} for non-arrays, missing fields, `transfers` or `tiers` not one per device, a bad tier, an unknown option.
 * @throws {@link InputRangeError} for a NaN, infinite or negative quantity, or a task criterion that sums to 0 over the tasks (its normalized priority would divide by 0).
 *
 * @example
 * ```ts
 * const p = problemFromArticle(
 *   [{ importance: 3, urgency: 5, satisfaction: 4 }],
 *   [{ capacity: 1000, remaining: 500, execTime: 20 }, { capacity: 3000, remaining: 2000, execTime: 50 }],
 *   [{ pack: 5, send: 10, unpack: 3 }, { pack: 1, send: 2, unpack: 1 }],
 *   { tiers: ['edge', 'cloud'] },
 * );
 * p.execTime;     // [[20, 50]]
 * p.transferTime; // [[18, 4]]
 * ```
 */
export function problemFromArticle(
  tasks: readonly PriorityCriteria[],
  devices: readonly LoadCriteria[],
  transfers: readonly TransferCriteria[],
  options?: ProblemFromArticleOptions,
): Problem {
  const fn = 'problemFromArticle';
  const opts = checkOptions(fn, options, ['tiers']);
  const [a, b, c] = columns(fn, 'tasks', tasks, ['importance', 'urgency', 'satisfaction']) as [Float64Array, Float64Array, Float64Array];
  for (const [k, col] of [['importance', a], ['urgency', b], ['satisfaction', c]] as const) {
    if (col.length > 0 && !(col.reduce((x, y) => x + y, 0) > 0)) {
      rangeReason(fn, `tasks[*].${k}`, 'sums to 0, so the normalized priority compileProblem derives from the criteria (which divides by the sum) is undefined');
    }
  }
  const [, rem, t] = columns(fn, 'devices', devices, ['capacity', 'remaining', 'execTime']) as [Float64Array, Float64Array, Float64Array];
  const m = t.length;
  const [tp, ts, tr] = columns(fn, 'transfers', transfers, ['pack', 'send', 'unpack']) as [Float64Array, Float64Array, Float64Array];
  if (tp.length !== m) typeReason(fn, 'transfers', `has ${tp.length} rows, expected ${m} (one per device, same index)`);
  let tiers: readonly Tier[] | undefined;
  if (opts.tiers !== undefined) {
    const given = opts.tiers;
    checkArray(fn, 'options.tiers', given);
    if (given.length !== m) typeReason(fn, 'options.tiers', `has length ${given.length}, expected ${m} (one per device)`);
    tiers = given.map((x, j) => checkOneOf(fn, `options.tiers[${j}]`, x, ['edge', 'cloud'] as const));
  }
  const td = new Array<number>(m);
  for (let j = 0; j < m; j++) td[j] = tp[j]! + ts[j]! + tr[j]!;
  const exec = Array.from(t);
  const n = a.length;
  const outTasks: TaskSpec[] = [];
  for (let i = 0; i < n; i++) {
    outTasks.push({ id: `task${i + 1}`, criteria: { importance: a[i]!, urgency: b[i]!, satisfaction: c[i]! } });
  }
  const outDevices: DeviceSpec[] = [];
  for (let j = 0; j < m; j++) outDevices.push({ id: `device${j + 1}`, tier: tiers?.[j] ?? 'edge', budget: rem[j]! });
  const problem: Problem = {
    tasks: outTasks,
    devices: outDevices,
    execTime: outTasks.map(() => exec.slice()),
    transferTime: outTasks.map(() => td.slice()),
  };
  // Validate what later calls rely on (criteria sums, sums of times) here, under this function's name.
  // An infeasible problem is still a problem (solvers report it); anything else is the builder's error.
  try {
    compileFor('problemFromArticle', problem);
  } catch (e) {
    if (!(e instanceof InfeasibleError)) throw e;
  }
  return problem;
}

/**
 * The seed's worked example (section 4.3) as a ready {@link Problem}: five
 * tasks with their criteria, devices 1-3 (edge) and 4 (the cloud),
 * `execTime[i][j]` = device j's execution time (20, 30, 40, 50) and
 * `transferTime[i][j]` = transfer row j in the base form (18, 24, 24) for the
 * three edge devices.
 *
 * The article gives no transfer time for the cloud (it receives no task in
 * the published assignment), so the caller must choose one: it becomes
 * `transferTime[i][3]` for every task (built as a fourth transfer row
 * `{pack: 0, send: cloudTransferTime, unpack: 0}`). There is no default: a
 * silent 0 would make the cloud look free to reach.
 *
 * Complexity: O(1) (fixed size).
 *
 * @param cloudTransferTime - Transfer time to the cloud, finite and ≥ 0, in the article's time unit.
 * @returns A new plain {@link Problem} (5 tasks × 4 devices).
 * @throws {@link InputTypeError} when `cloudTransferTime` is not a number.
 * @throws {@link InputRangeError} when it is NaN, infinite or negative.
 *
 * @example
 * ```ts
 * const p = workedExampleProblem(30);
 * p.execTime[0];     // [20, 30, 40, 50]
 * p.transferTime[0]; // [18, 24, 24, 30]
 * evaluate(p, [0, 1, 2, 1, 0], { costModel: 'independent' }).tasks.map((t) => t.finish);
 * // [38, 54, 64, 54, 38]
 * ```
 */
export function workedExampleProblem(cloudTransferTime: number): Problem & { readonly transferTime: readonly (readonly number[])[] } {
  const cloud = checkNonNegative('workedExampleProblem', 'cloudTransferTime', cloudTransferTime);
  const w = workedExample;
  const p = problemFromArticle(w.tasks, w.devices, [...w.transfers, { pack: 0, send: cloud, unpack: 0 }], { tiers: w.tiers });
  return { ...p, transferTime: p.transferTime! };
}
