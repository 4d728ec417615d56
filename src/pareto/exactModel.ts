/**
 * The mixed-integer model behind the exact Pareto front: binary assignment
 * variables and, per objective, a linear expression whose value at an
 * optimum is the objective of the assignment (its LP-format text: `exactLp.ts`).
 * @internal
 * @module
 */
import type { CompiledProblem } from '../problem/types.js';
import { taskEnergy } from '../schedule/energy.js';
import type { CostModel } from '../schedule/types.js';
import { addTerm, expr, rowText, type LinearExpr } from './exactLp.js';
import type { ParetoObjective } from './types.js';

/** The model: columns in a fixed order, fixed constraint rows, one expression per objective. @internal */
export interface ExactModel {
  readonly n: number;
  readonly m: number;
  /** Every column name, in the order HiGHS numbers them. */
  readonly columns: readonly string[];
  /** Column index of x_ij, or −1 where task i cannot run on device j. */
  readonly xColumn: Int32Array;
  readonly rows: readonly string[];
  readonly binaries: readonly string[];
  readonly integers: readonly string[];
  readonly objectives: readonly LinearExpr[];
  /** Per objective: every achievable value is an integer (all the data it depends on are integers). */
  readonly integral: readonly boolean[];
  /** Per objective: an upper bound on its value over all assignments (≥ 1), for scaling. */
  readonly scale: readonly number[];
  /**
   * Whether every non-zero coefficient and bound lies within [1e-6, 1e9] in
   * magnitude ({@link SAFE_RANGE}): outside it a floating-point MILP solver's
   * tolerances (about 1e-9 here) can no longer tell feasible from infeasible,
   * so a front found on such data is never reported as proved.
   */
  readonly wellScaled: boolean;
}

/** The magnitudes of coefficients within which the exact front can be trusted. @internal */
export const SAFE_RANGE: readonly [number, number] = [1e-6, 1e9];

const isInt = (v: number): boolean => Number.isInteger(v);

/**
 * Builds the model. Requires no release dates under the sequential cost
 * model (the caller checks). Makespan: C ≥ ready_j·z_j + Σ_i p_ij x_ij per
 * device (sequential; z_j = 1 when device j has a task) or C ≥ release_i +
 * Σ_j p_ij x_ij per task (independent). Flowtime: Σ release_i + Σ p_ij x_ij
 * (independent), or the positional formulation of R||ΣC (sequential): y_ijk
 * = 1 when task i is k-th from the end on device j, flowtime = Σ_ij ready_j
 * x_ij + Σ_ijk k·p_ij·y_ijk. Energy: Σ e_ij x_ij + Σ_j idle_j·I_j with
 * I_j ≥ C − Σ_i p_ij x_ij, I_j ≥ 0. Cost: Σ_j perSecond_j·B_j with
 * B_j ≥ g_j·U_j, U_j integer, g_j·U_j ≥ Σ_i p_ij x_ij, B_j ≥ minimum_j·w_j,
 * w_j ≥ x_ij for every task with p_ij > 0. Every auxiliary variable only
 * bounds its objective from above, so "objective ≤ ε" has a solution exactly
 * when an assignment's true objective is ≤ ε, and minimizing drives it to
 * the true value. Budgets: Σ_i demand_i·x_ij ≤ budget_j per device with a
 * finite budget (the caller re-checks each assignment exactly).
 * @internal
 */
export function buildExactModel(cp: CompiledProblem, objectives: readonly ParetoObjective[], costModel: CostModel): ExactModel {
  const { n, m, exec, transfer, release, ready } = cp;
  const sequential = costModel === 'sequential';
  let wellScaled = true;
  const check = (v: number): void => {
    const a = Math.abs(v);
    if (a !== 0 && !(a >= SAFE_RANGE[0] && a <= SAFE_RANGE[1])) wellScaled = false;
  };
  const add = (e: LinearExpr, name: string, coef: number): void => {
    check(coef);
    addTerm(e, name, coef);
  };
  for (let i = 0; i < n; i++) check(release[i]!);
  for (let j = 0; j < m; j++) check(ready[j]!);
  const p = (i: number, j: number): number => exec[i * m + j]! + transfer[i * m + j]!;
  const xColumn = new Int32Array(n * m).fill(-1);
  const columns: string[] = [];
  const binaries: string[] = [];
  const integers: string[] = [];
  const rows: string[] = [];
  const x = (i: number, j: number): string => `x${i}_${j}`;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (!(p(i, j) < Infinity)) continue;
      xColumn[i * m + j] = columns.length;
      columns.push(x(i, j));
      binaries.push(x(i, j));
    }
  }
  const allowed = (i: number, j: number): boolean => xColumn[i * m + j]! >= 0;
  for (let i = 0; i < n; i++) {
    const e = expr();
    for (let j = 0; j < m; j++) if (allowed(i, j)) add(e, x(i, j), 1);
    rows.push(rowText(`t${i}`, e, '=', 1));
  }
  // Budgets (knapsack rows): Σ_i demand_i·x_ij ≤ budget_j for every finite budget that some demand uses.
  for (let j = 0; j < m; j++) {
    if (!(cp.budget[j]! < Infinity)) continue;
    const e = expr();
    for (let i = 0; i < n; i++) if (allowed(i, j)) add(e, x(i, j), cp.demand[i]!);
    if (e.terms.size === 0) continue;
    check(cp.budget[j]!);
    rows.push(rowText(`k${j}`, e, '<=', cp.budget[j]!));
  }
  // Bounds for scaling: the largest time of each task, and of the whole schedule.
  let maxStart = 0;
  let sumMaxP = 0;
  let maxTaskEnd = 0;
  let timesIntegral = true;
  for (let j = 0; j < m; j++) {
    maxStart = Math.max(maxStart, ready[j]!);
    if (!isInt(ready[j]!)) timesIntegral = false;
  }
  for (let i = 0; i < n; i++) {
    let mp = 0;
    for (let j = 0; j < m; j++) {
      if (!allowed(i, j)) continue;
      mp = Math.max(mp, p(i, j));
      if (!isInt(p(i, j))) timesIntegral = false;
    }
    sumMaxP += mp;
    maxTaskEnd = Math.max(maxTaskEnd, release[i]! + mp);
    if (!isInt(release[i]!)) timesIntegral = false;
  }
  const makespanBound = sequential ? maxStart + sumMaxP : maxTaskEnd;
  let idleTotal = 0;
  for (let j = 0; j < m; j++) idleTotal += cp.powerIdle[j]!;
  const needC = objectives.includes('makespan') || (objectives.includes('energy') && idleTotal > 0);
  if (needC) {
    columns.push('C');
    if (sequential) {
      for (let j = 0; j < m; j++) {
        const e = expr();
        add(e, 'C', 1);
        for (let i = 0; i < n; i++) if (allowed(i, j)) add(e, x(i, j), -p(i, j));
        if (ready[j]! > 0) {
          columns.push(`z${j}`);
          binaries.push(`z${j}`);
          add(e, `z${j}`, -ready[j]!);
          for (let i = 0; i < n; i++) {
            if (!allowed(i, j)) continue;
            const u = expr();
            add(u, `z${j}`, 1);
            add(u, x(i, j), -1);
            rows.push(rowText(`z${j}_${i}`, u, '>=', 0));
          }
        }
        rows.push(rowText(`c${j}`, e, '>=', 0));
      }
    } else {
      for (let i = 0; i < n; i++) {
        const e = expr();
        add(e, 'C', 1);
        for (let j = 0; j < m; j++) if (allowed(i, j)) add(e, x(i, j), -p(i, j));
        rows.push(rowText(`c${i}`, e, '>=', release[i]!));
      }
    }
  }
  const exprs: LinearExpr[] = [];
  const integral: boolean[] = [];
  const scale: number[] = [];
  for (const name of objectives) {
    const e = expr();
    if (name === 'makespan') {
      add(e, 'C', 1);
      integral.push(timesIntegral);
      scale.push(makespanBound);
    } else if (name === 'flowtime') {
      let bound = 0;
      if (!sequential) {
        for (let i = 0; i < n; i++) {
          e.constant += release[i]!;
          for (let j = 0; j < m; j++) if (allowed(i, j)) add(e, x(i, j), p(i, j));
        }
        bound = n * makespanBound;
      } else {
        for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (allowed(i, j)) add(e, x(i, j), ready[j]!);
        for (let j = 0; j < m; j++) {
          for (let k = 1; k <= n; k++) {
            const slot = expr();
            for (let i = 0; i < n; i++) {
              if (!allowed(i, j)) continue;
              const y = `y${i}_${j}_${k}`;
              columns.push(y);
              binaries.push(y);
              add(e, y, k * p(i, j));
              add(slot, y, 1);
            }
            if (slot.terms.size > 0) rows.push(rowText(`s${j}_${k}`, slot, '<=', 1));
          }
          for (let i = 0; i < n; i++) {
            if (!allowed(i, j)) continue;
            const link = expr();
            for (let k = 1; k <= n; k++) add(link, `y${i}_${j}_${k}`, 1);
            add(link, x(i, j), -1);
            rows.push(rowText(`l${i}_${j}`, link, '=', 0));
          }
        }
        bound = n * makespanBound;
      }
      integral.push(timesIntegral);
      scale.push(bound);
    } else if (name === 'energy') {
      let ok = true;
      let bound = 0;
      for (let i = 0; i < n; i++) {
        let mx = 0;
        for (let j = 0; j < m; j++) {
          if (!allowed(i, j)) continue;
          const v = taskEnergy(cp, i, j);
          add(e, x(i, j), v);
          mx = Math.max(mx, v);
          if (!isInt(v)) ok = false;
        }
        bound += mx;
      }
      for (let j = 0; j < m; j++) {
        const w = cp.powerIdle[j]!;
        if (w === 0) continue;
        columns.push(`I${j}`);
        add(e, `I${j}`, w);
        const r = expr();
        add(r, `I${j}`, 1);
        add(r, 'C', -1);
        for (let i = 0; i < n; i++) if (allowed(i, j)) add(r, x(i, j), p(i, j));
        rows.push(rowText(`i${j}`, r, '>=', 0));
        bound += w * makespanBound;
        if (!isInt(w) || !timesIntegral) ok = false;
      }
      integral.push(ok);
      scale.push(bound);
    } else {
      let ok = true;
      let bound = 0;
      for (let j = 0; j < m; j++) {
        const rate = cp.pricePerSecond[j]!;
        if (rate === 0) continue;
        const g = cp.priceGranularity[j]!;
        const min = cp.priceMinimum[j]!;
        const [U, B, W] = [`U${j}`, `B${j}`, `w${j}`];
        columns.push(U, B);
        integers.push(U);
        add(e, B, rate);
        const units = expr();
        add(units, U, g);
        for (let i = 0; i < n; i++) if (allowed(i, j)) add(units, x(i, j), -p(i, j));
        rows.push(rowText(`u${j}`, units, '>=', 0));
        const billed = expr();
        add(billed, B, 1);
        add(billed, U, -g);
        rows.push(rowText(`b${j}`, billed, '>=', 0));
        if (min > 0) {
          columns.push(W);
          binaries.push(W);
          const mb = expr();
          add(mb, B, 1);
          add(mb, W, -min);
          rows.push(rowText(`m${j}`, mb, '>=', 0));
          for (let i = 0; i < n; i++) {
            if (!allowed(i, j) || !(p(i, j) > 0)) continue;
            const used = expr();
            add(used, W, 1);
            add(used, x(i, j), -1);
            rows.push(rowText(`w${j}_${i}`, used, '>=', 0));
          }
        }
        bound += rate * Math.max(min, (Math.ceil(sumMaxP / g) + 1) * g);
        if (!isInt(rate * g) || !isInt(rate * min) || !timesIntegral) ok = false;
      }
      integral.push(ok);
      scale.push(bound);
    }
    exprs.push(e);
  }
  return { n, m, wellScaled, columns, xColumn, rows, binaries, integers, objectives: exprs, integral, scale: scale.map((s) => (s >= 1 && Number.isFinite(s) ? s : 1)) };
}
