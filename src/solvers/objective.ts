/**
 * Objectives beyond time (energy, money, weighted sums) and constraints on
 * the makespan, the cost and the energy: option parsing, the measure every
 * objective-aware strategy shares, and the constraint report of a solution.
 * @module
 */
import { checkObject, describe, rangeReason, typeError, typeReason, unknownKey } from '../internal/errors.js';
import { didYouMean } from '../internal/suggest.js';
import type { CompiledProblem } from '../problem/types.js';
import { costTotalCompiled } from '../schedule/cost.js';
import { energyScratch, energyTotalCompiled, taskEnergy, type EnergyScratch } from '../schedule/energy.js';
import { lowerBoundCompiled } from '../schedule/lowerBound.js';
import type { CostModel, ScheduleMetrics } from '../schedule/types.js';
import type { Objective } from './registry.js';

/** The objectives in the order of a weight vector: makespan, flowtime, weighted flowtime, energy, cost. @internal */
export const OBJECTIVE_NAMES: readonly Objective[] = ['makespan', 'flowtime', 'weighted-flowtime', 'energy', 'cost'];

/**
 * A weighted sum of objectives, Σ weight · value, each weight finite and ≥ 0
 * and at least one > 0. The weights also convert units: `{makespan: 1,
 * energy: 0.01}` trades 100 J for one second.
 */
export type ObjectiveWeights = { readonly [K in Objective]?: number };

/**
 * Upper limits a solution should respect, each finite or `Infinity` (none)
 * and ≥ 0: a deadline on the makespan (time units), a money budget (currency
 * units) and an energy budget (joules).
 */
export interface SolveConstraints {
  /** Deadline: makespan ≤ this. @defaultValue Infinity (none) */
  readonly makespan?: number;
  /** Money budget: cost ≤ this. @defaultValue Infinity (none) */
  readonly cost?: number;
  /** Energy budget: energy ≤ this. @defaultValue Infinity (none) */
  readonly energy?: number;
}

/** One constraint a solution breaks. */
export interface ConstraintViolation {
  /** Which limit: `'makespan'` (the deadline), `'cost'` or `'energy'`. */
  readonly constraint: 'makespan' | 'cost' | 'energy';
  /** The limit given. */
  readonly limit: number;
  /** The solution's value (> limit). */
  readonly value: number;
}

/** How a solution stands against `options.constraints`. */
export interface ConstraintReport {
  /** No limit is broken. */
  readonly satisfied: boolean;
  /** Every broken limit, in the order makespan, cost, energy. */
  readonly violations: readonly ConstraintViolation[];
  /**
   * Limits that no assignment at all can meet, proved by a lower bound
   * (makespan: `makespanLowerBound`; cost: Σ_i min_j perSecond_j · p_ij;
   * energy: Σ_i min_j (e_ij − idle_j · p_ij) + makespan bound · Σ_j idle_j).
   * Empty does not prove that the limits can be met.
   */
  readonly provedInfeasible: readonly ('makespan' | 'cost' | 'energy')[];
}

/** A parsed objective: one weight per entry of {@link OBJECTIVE_NAMES}. @internal */
export interface ObjectiveSpec {
  /** The plain name when one objective was asked for, else `undefined` (a weighted sum). */
  readonly name: Objective | undefined;
  readonly weights: Float64Array;
}

/** Reads `options.objective`: a name or a weights object. @internal */
export function readObjective(fn: string, v: unknown): ObjectiveSpec {
  const weights = new Float64Array(OBJECTIVE_NAMES.length);
  if (v === undefined) v = 'makespan';
  if (typeof v === 'string') {
    const k = (OBJECTIVE_NAMES as readonly string[]).indexOf(v);
    if (k < 0) typeReason(fn, 'options.objective', `must be one of ${OBJECTIVE_NAMES.map((a) => `'${a}'`).join(', ')}, or an object of weights, got ${describe(v)}${didYouMean(v, OBJECTIVE_NAMES)}`);
    weights[k] = 1;
    return { name: v as Objective, weights };
  }
  checkObject(fn, 'options.objective', v);
  for (const key of Object.keys(v)) {
    const k = (OBJECTIVE_NAMES as readonly string[]).indexOf(key);
    if (k < 0) typeReason(fn, `options.objective.${key}`, unknownKey('objective', key, OBJECTIVE_NAMES));
    const w = v[key];
    if (typeof w !== 'number') typeError(fn, `options.objective.${key}`, 'a finite number >= 0', w);
    if (!(w >= 0 && w < Infinity)) rangeReason(fn, `options.objective.${key}`, `must be a finite number >= 0, got ${String(w)}`);
    weights[k] = w;
  }
  if (!weights.some((w) => w > 0)) rangeReason(fn, 'options.objective', 'has no weight > 0 (give at least one objective a positive weight)');
  return { name: undefined, weights };
}

/** Reads `options.constraints` into limits [makespan, cost, energy] (`Infinity` = none), or `undefined` when absent. @internal */
export function readConstraints(fn: string, v: unknown): Float64Array | undefined {
  if (v === undefined) return undefined;
  checkObject(fn, 'options.constraints', v);
  const keys = ['makespan', 'cost', 'energy'] as const;
  for (const key of Object.keys(v)) {
    if (!(keys as readonly string[]).includes(key)) typeReason(fn, `options.constraints.${key}`, unknownKey('constraint', key, keys));
  }
  const limits = new Float64Array(3).fill(Infinity);
  keys.forEach((key, k) => {
    const x = v[key];
    if (x === undefined) return;
    if (typeof x !== 'number') typeError(fn, `options.constraints.${key}`, 'a number >= 0 or Infinity', x);
    if (!(x >= 0)) rangeReason(fn, `options.constraints.${key}`, `must be a number >= 0 or Infinity, got ${String(x)}`);
    limits[k] = x;
  });
  return limits;
}

/** The weighted objective of a schedule's metrics: Σ weight_k · value_k (zero weights skipped). @internal */
export function weightedValue(metrics: ScheduleMetrics, weights: Float64Array): number {
  const v = [metrics.makespan, metrics.flowtime, metrics.weightedFlowtime, metrics.energy.total, metrics.cost.total];
  let s = 0;
  for (let k = 0; k < v.length; k++) if (weights[k]! > 0) s += weights[k]! * v[k]!;
  return s;
}

/**
 * Relative excess over the limits: Σ max(0, value − limit) / max(limit, 1)
 * over [makespan, cost, energy]; 0 when every limit holds. @internal
 */
export function violationOf(makespan: number, cost: number, energy: number, limits: Float64Array | undefined): number {
  if (limits === undefined) return 0;
  const v = [makespan, cost, energy];
  let s = 0;
  for (let k = 0; k < 3; k++) {
    const x = v[k]! - limits[k]!;
    if (x > 0) s += x / (limits[k]! > 1 ? limits[k]! : 1);
  }
  return s;
}

/** Scratch for measuring assignments quickly. @internal */
export interface Measure {
  readonly cp: CompiledProblem;
  readonly costModel: CostModel;
  readonly free: Float64Array;
  readonly finish: Float64Array;
  readonly energy: EnergyScratch;
  readonly busy: Float64Array;
  /** makespan, flowtime, weighted flowtime, energy, cost of the last measured assignment. */
  readonly values: Float64Array;
}

/** Allocates a {@link Measure}. O(n + m). @internal */
export function createMeasure(cp: CompiledProblem, costModel: CostModel): Measure {
  return { cp, costModel, free: new Float64Array(cp.m), finish: new Float64Array(cp.n), energy: energyScratch(cp.m), busy: new Float64Array(cp.m), values: new Float64Array(5) };
}

/**
 * Measures an assignment run in `order` under the cost model, with the same
 * arithmetic as `evaluateCompiled` (so the values equal the evaluated
 * metrics), into `ms.values` (returned). O(n + m), no allocation. @internal
 */
export function measure(ms: Measure, assignment: ArrayLike<number>, order: ArrayLike<number>): Float64Array {
  const { cp, free, finish, values } = ms;
  const { n, m, exec, transfer, release, priority } = cp;
  const sequential = ms.costModel === 'sequential';
  free.set(cp.ready);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const j = assignment[i]!;
    const p = transfer[i * m + j]! + exec[i * m + j]!;
    let s = release[i]!;
    if (sequential && free[j]! > s) s = free[j]!;
    const f = s + p;
    if (sequential) free[j] = f;
    finish[i] = f;
  }
  let makespan = 0;
  let flowtime = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const f = finish[i]!;
    if (f > makespan) makespan = f;
    flowtime += f;
    weighted += priority[i]! * f;
  }
  values[0] = makespan;
  values[1] = flowtime;
  values[2] = weighted;
  values[3] = energyTotalCompiled(cp, assignment, makespan, ms.energy);
  values[4] = costTotalCompiled(cp, assignment, ms.busy);
  return values;
}

/** Per pair: taskEnergy(i, j) − idle_j · (transfer + exec)_ij (Infinity where forbidden). O(n·m). @internal */
export function energyPrime(cp: CompiledProblem): Float64Array {
  const { n, m, exec, transfer, powerIdle } = cp;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const k = i * m + j;
      const p = exec[k]! + transfer[k]!;
      const e = p === Infinity ? Infinity : taskEnergy(cp, i, j);
      const x = e === Infinity ? Infinity : e - (powerIdle[j]! === 0 ? 0 : powerIdle[j]! * p);
      out[k] = x === -Infinity ? Infinity : x; // overflowed figures: never mix +Infinity and −Infinity
    }
  }
  return out;
}

/**
 * The constraint report of a solution's metrics, with the infeasibility
 * proofs of {@link ConstraintReport.provedInfeasible}. O(n·m). @internal
 */
export function constraintReport(cp: CompiledProblem, metrics: ScheduleMetrics, limits: Float64Array, costModel: CostModel): ConstraintReport {
  const names = ['makespan', 'cost', 'energy'] as const;
  const values = [metrics.makespan, metrics.cost.total, metrics.energy.total];
  const violations: ConstraintViolation[] = [];
  names.forEach((c, k) => {
    if (values[k]! > limits[k]!) violations.push({ constraint: c, limit: limits[k]!, value: values[k]! });
  });
  const { n, m, exec, transfer, pricePerSecond, powerIdle } = cp;
  const bound = lowerBoundCompiled(cp, costModel);
  const ePrime = energyPrime(cp);
  let costBound = 0;
  let energyBound = 0;
  for (let i = 0; i < n; i++) {
    let c = Infinity;
    let e = Infinity;
    for (let j = 0; j < m; j++) {
      const k = i * m + j;
      const p = exec[k]! + transfer[k]!;
      if (p === Infinity) continue;
      const cj = pricePerSecond[j]! === 0 ? 0 : pricePerSecond[j]! * p;
      if (cj < c) c = cj;
      if (ePrime[k]! < e) e = ePrime[k]!;
    }
    costBound += c;
    energyBound += e;
  }
  let idle = 0;
  for (let j = 0; j < m; j++) idle += powerIdle[j]!;
  if (idle > 0) energyBound += bound * idle;
  const proofs = [bound, costBound, energyBound];
  // A relative margin keeps rounding in the bounds from proving a limit that is met exactly.
  const provedInfeasible = names.filter((_, k) => proofs[k]! > limits[k]! * (1 + 1e-12) + 1e-300);
  return { satisfied: violations.length === 0, violations, provedInfeasible };
}
