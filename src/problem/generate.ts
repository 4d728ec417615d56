/**
 * Generate ETC (expected time to compute) instances with the range-based
 * method of Ali et al. (2000), the method behind Braun et al.'s (2001)
 * benchmark.
 * @module
 */
import { checkInteger, checkOneOf, checkOptions, rangeReason } from '../internal/errors.js';
import { createRng, uniform } from '../internal/random.js';
import type { DeviceSpec, Problem, TaskSpec } from './types.js';

/** Consistency of an ETC matrix (Braun et al. 2001, section 2). */
export type EtcConsistency = 'consistent' | 'inconsistent' | 'semi-consistent';

/** Heterogeneity level of tasks or machines. */
export type Heterogeneity = 'hi' | 'lo';

/** Options of {@link generateEtc}. */
export interface GenerateEtcOptions {
  /** Number of tasks n. @defaultValue 512 */
  readonly tasks?: number;
  /** Number of machines m (≥ 1: every task needs somewhere to run). @defaultValue 16 */
  readonly machines?: number;
  /**
   * `'consistent'`: every row sorted ascending (machine 0 fastest for every
   * task); `'inconsistent'`: rows left as drawn; `'semi-consistent'`: within
   * each row, the even-indexed columns (0, 2, 4, ...) sorted ascending among
   * themselves, the odd ones left as drawn.
   * @defaultValue `'inconsistent'`
   */
  readonly consistency?: EtcConsistency;
  /** Task heterogeneity: range R_task = 3000 (`'hi'`) or 100 (`'lo'`). @defaultValue `'hi'` */
  readonly taskHeterogeneity?: Heterogeneity;
  /** Machine heterogeneity: range R_mach = 1000 (`'hi'`) or 10 (`'lo'`). @defaultValue `'hi'` */
  readonly machineHeterogeneity?: Heterogeneity;
  /** PRNG seed (mulberry32; any integer, low 32 bits used). @defaultValue 0 */
  readonly seed?: number;
}

const KEYS = ['tasks', 'machines', 'consistency', 'taskHeterogeneity', 'machineHeterogeneity', 'seed'];

/**
 * A random ETC instance by the range-based method (Ali, Siegel, Maheswaran,
 * Hensgen, Ali, "Representing task and machine heterogeneities for
 * heterogeneous computing systems", Tamkang J. Sci. Eng. 3(3), 2000), with
 * Braun et al.'s (2001) ranges:
 *
 * for each task i, τ_i = U[1, R_task); then for each machine j,
 * ETC[i][j] = τ_i · U[1, R_mach), with R_task = 3000 (hi) / 100 (lo) and
 * R_mach = 1000 (hi) / 10 (lo); then the consistency transform (see
 * {@link GenerateEtcOptions.consistency}). Draws are row by row from a seeded
 * mulberry32 stream, so a seed gives the same matrix everywhere.
 *
 * The problem has tasks `t0..t(n−1)`, edge devices `d0..d(m−1)`, no transfer
 * times (ETC already includes everything), all ready at 0: the setting of
 * Braun et al.
 *
 * Complexity: O(n·m log m) (O(n·m) when inconsistent).
 *
 * @param options - {@link GenerateEtcOptions}.
 * @returns A new plain {@link Problem} with `execTime` n×m, entries in [1, R_task·R_mach).
 * @throws {@link InputTypeError} for an unknown option or a bad consistency/heterogeneity name.
 * @throws {@link InputRangeError} for a non-integer or negative size or seed, 0 machines, or more than 2^24 entries.
 *
 * @example
 * ```ts
 * const p = generateEtc({ tasks: 4, machines: 3, consistency: 'consistent', seed: 7 });
 * p.execTime.length;    // 4
 * p.execTime[0].length; // 3
 * p.execTime.every((row) => row[0] <= row[1] && row[1] <= row[2]); // true
 * ```
 */
export function generateEtc(options?: GenerateEtcOptions): Problem {
  const fn = 'generateEtc';
  const o = checkOptions(fn, options, KEYS);
  const n = o.tasks === undefined ? 512 : checkInteger(fn, 'options.tasks', o.tasks, 0);
  const m = o.machines === undefined ? 16 : checkInteger(fn, 'options.machines', o.machines, 1);
  if (n * m > 1 << 24) rangeReason(fn, 'options.tasks', `× options.machines = ${n * m} entries exceeds the limit of ${1 << 24}`);
  const consistency = o.consistency === undefined ? 'inconsistent' : checkOneOf(fn, 'options.consistency', o.consistency, ['consistent', 'inconsistent', 'semi-consistent'] as const);
  const th = o.taskHeterogeneity === undefined ? 'hi' : checkOneOf(fn, 'options.taskHeterogeneity', o.taskHeterogeneity, ['hi', 'lo'] as const);
  const mh = o.machineHeterogeneity === undefined ? 'hi' : checkOneOf(fn, 'options.machineHeterogeneity', o.machineHeterogeneity, ['hi', 'lo'] as const);
  const seed = o.seed === undefined ? 0 : checkInteger(fn, 'options.seed', o.seed, 0);
  const rTask = th === 'hi' ? 3000 : 100;
  const rMach = mh === 'hi' ? 1000 : 10;
  const rng = createRng(seed);
  const execTime: number[][] = [];
  const row = new Float64Array(m);
  const evens = new Float64Array(Math.ceil(m / 2));
  for (let i = 0; i < n; i++) {
    const tau = uniform(rng, 1, rTask);
    for (let j = 0; j < m; j++) row[j] = tau * uniform(rng, 1, rMach);
    if (consistency === 'consistent') row.sort();
    else if (consistency === 'semi-consistent') {
      for (let j = 0; j < m; j += 2) evens[j >> 1] = row[j]!;
      evens.sort();
      for (let j = 0; j < m; j += 2) row[j] = evens[j >> 1]!;
    }
    execTime.push(Array.from(row));
  }
  const tasks: TaskSpec[] = [];
  for (let i = 0; i < n; i++) tasks.push({ id: `t${i}` });
  const devices: DeviceSpec[] = [];
  for (let j = 0; j < m; j++) devices.push({ id: `d${j}`, tier: 'edge' });
  return { tasks, devices, execTime };
}
