/**
 * The binary program HiGHS solves for the exact GAP path, built as arrays
 * (no LP text) on a rescaled copy of the instance: costs divided by a power
 * of two near the objective's magnitude, each budget row by a power of two
 * near its budget, pairs that cannot beat the incumbent left out.
 * @internal
 * @module
 */
import type { HighsModelData } from '../../internal/highs.js';
import type { CompiledGap } from './gap.js';
import type { GapCover } from './gapExactCheck.js';
import { exponentToUnit, mulPow2 } from './gapScale.js';

/** Largest scaled |cost| handed to HiGHS (its costs ≥ 1e20 count as infinite; its tolerances are absolute). */
const COST_CAP = 2 ** 40;

/** How to build one model. @internal */
export interface GapModelSpec {
  /** An exactly feasible assignment (columns that cannot beat it are left out), if any. */
  readonly incumbent: Int32Array | undefined;
  /** Its objective magnitude Σ|cost| (or, without one, Σ_i |min_j cost|). */
  readonly magnitude: number;
  /** Per-task minimum cost. */
  readonly minima: Float64Array;
  /** Cover cuts: sets of tasks that cannot all sit on their device (exactly). */
  readonly cuts: readonly GapCover[];
  /** Budgets reduced by `tighten` (in scaled units, where budgets are about 1); 0 for the exact model. */
  readonly tighten: number;
}

/** A built model and how to read its columns back. @internal */
export interface GapModel {
  readonly data: HighsModelData;
  /** Task and device of each column. */
  readonly task: Int32Array;
  readonly device: Int32Array;
  /** Column of each (task, device) pair, −1 when left out. */
  readonly column: Int32Array;
  /** Scaled cost = cost · 2^costExponent. */
  readonly costExponent: number;
  /** The spec's magnitude, scaled like the costs. */
  readonly scaledMagnitude: number;
  /** Whether some positive cost was capped (then the model's objective is below the true one: its bound stays valid). */
  readonly capped: boolean;
}

/**
 * min Σ c_ij x_ij s.t. Σ_j x_ij = 1 per task, Σ_i a_ij x_ij ≤ b_j per
 * finite budget, Σ_{i ∈ C} x_{i,j} ≤ |C| − 1 per cover cut (C, j), x binary. A pair is
 * left out when c_ij − min_j' c_ij' exceeds (incumbent value − Σ_i min_j
 * c_ij) by more than 1e-9 of the magnitudes: every assignment using it costs
 * more than the incumbent, so leaving it out changes neither the optimum
 * nor the validity of the bound.
 * @internal
 */
export function buildGapModel(g: CompiledGap, spec: GapModelSpec, infinity: number): GapModel {
  const { n, m, cost, demand, budget, allowed } = g;
  const { minima, incumbent } = spec;
  let lb0 = 0;
  let absMin = 0;
  let maxNeg = 0;
  for (let i = 0; i < n; i++) {
    lb0 += minima[i] as number;
    absMin += Math.abs(minima[i] as number);
    maxNeg = Math.max(maxNeg, -(minima[i] as number));
  }
  let ref = spec.magnitude > 0 ? spec.magnitude : absMin;
  if (!(ref > 0)) {
    for (let k = 0; k < n * m; k++) if (allowed[k] === 1) ref = Math.max(ref, Math.abs(cost[k] as number));
  }
  // No negative cost may be capped (that would raise the model's objective): widen the reference instead.
  ref = Math.max(ref, maxNeg / COST_CAP);
  const kc = ref > 0 ? exponentToUnit(ref) : 0;
  let slack = Infinity;
  if (incumbent !== undefined) {
    let v = 0;
    for (let i = 0; i < n; i++) v += cost[i * m + (incumbent[i] as number)] as number;
    slack = v - lb0 + 1e-9 * (spec.magnitude + absMin);
  }
  const column = new Int32Array(n * m).fill(-1);
  const task: number[] = [];
  const device: number[] = [];
  const colCost: number[] = [];
  let capped = false;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const k = i * m + j;
      if (allowed[k] === 0) continue;
      const keep = incumbent?.[i] === j || (cost[k] as number) - (minima[i] as number) <= slack;
      if (!keep) continue;
      column[k] = task.length;
      task.push(i);
      device.push(j);
      let c = mulPow2(cost[k] as number, kc);
      if (c > COST_CAP) {
        c = COST_CAP;
        capped = true;
      }
      colCost.push(c);
    }
  }
  const numCols = task.length;
  // Rows in CSR: tasks, finite budgets, cuts.
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const c = column[i * m + j] as number;
      if (c >= 0) {
        indices.push(c);
        values.push(1);
      }
    }
    starts.push(indices.length);
    rowLower.push(1);
    rowUpper.push(1);
  }
  for (let j = 0; j < m; j++) {
    const b = budget[j] as number;
    if (b === Infinity) continue;
    const kj = exponentToUnit(b);
    let any = false;
    for (let i = 0; i < n; i++) {
      const c = column[i * m + j] as number;
      const a = demand[i * m + j] as number;
      if (c < 0 || a === 0) continue;
      indices.push(c);
      values.push(mulPow2(a, kj));
      any = true;
    }
    if (!any) continue;
    starts.push(indices.length);
    rowLower.push(-infinity);
    rowUpper.push(mulPow2(b, kj) - spec.tighten);
  }
  for (const cut of spec.cuts) {
    let present = 0;
    for (const i of cut.tasks) {
      const c = column[i * m + cut.device] as number;
      if (c < 0) continue; // left out: x = 0, the rest of the cut stays valid
      indices.push(c);
      values.push(1);
      present++;
    }
    if (present === 0) continue;
    starts.push(indices.length);
    rowLower.push(-infinity);
    rowUpper.push(cut.tasks.length - 1);
  }
  const numRows = rowLower.length;
  const data: HighsModelData = {
    numCols,
    numRows,
    colCost: Float64Array.from(colCost),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    matrix: { format: 'csr', numRows, numCols, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality: new Int32Array(numCols).fill(1),
  };
  return { data, task: Int32Array.from(task), device: Int32Array.from(device), column, costExponent: kc, scaledMagnitude: mulPow2(spec.magnitude, kc), capped };
}
