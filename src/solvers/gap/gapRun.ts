/**
 * One HiGHS run of the exact GAP path, and the model in reverse order (the
 * same program, another path through the solver) for the runs that check
 * it. No validation.
 * @internal
 * @module
 */
import type { HighsLike, HighsModelLike } from '../../internal/highs.js';
import type { CompiledGap } from './gap.js';
import type { GapExactSettings } from './gapExact.js';
import type { GapModel } from './gapModel.js';
import { mulPow2 } from './gapScale.js';

/**
 * The model with its columns and its rows in reverse order (each row's
 * entries too): the same binary program, so every claim about it must be
 * the same. O(entries).
 * @internal
 */
export function reverseGapModel(model: GapModel): GapModel {
  const d = model.data;
  const { numCols, numRows } = d;
  const { starts, indices, values } = d.matrix;
  const rev = <T extends Float64Array | Int32Array>(a: T): T => a.slice().reverse() as T;
  const s2 = new Int32Array(numRows + 1);
  const i2 = new Int32Array(indices.length);
  const v2 = new Float64Array(values.length);
  let at = 0;
  for (let r = numRows - 1; r >= 0; r--) {
    for (let k = (starts[r + 1] as number) - 1; k >= (starts[r] as number); k--) {
      i2[at] = numCols - 1 - (indices[k] as number);
      v2[at] = values[k] as number;
      at++;
    }
    s2[numRows - r] = at;
  }
  const column = model.column.map((c) => (c < 0 ? c : numCols - 1 - c));
  return {
    ...model,
    data: {
      numCols,
      numRows,
      colCost: rev(d.colCost),
      colLower: rev(d.colLower),
      colUpper: rev(d.colUpper),
      rowLower: rev(d.rowLower),
      rowUpper: rev(d.rowUpper),
      matrix: { format: 'csr', numRows, numCols, starts: s2, indices: i2, values: v2 },
      ...(d.integrality === undefined ? {} : { integrality: rev(d.integrality) }),
    },
    task: rev(model.task),
    device: rev(model.device),
    column,
  };
}

/** What one HiGHS run says. @internal */
export interface SolveOutcome {
  readonly kind: 'optimal' | 'time' | 'infeasible' | 'numerical' | 'other';
  readonly assignment: Int32Array | undefined;
  /** A lower bound on the model's optimum, in input units. */
  readonly bound: number | undefined;
}

/** How one run is set up: presolve or not, and HiGHS's random seed (0 is its default). @internal */
export interface RunSettings extends GapExactSettings {
  readonly presolve: boolean;
  readonly randomSeed: number;
}

/**
 * One HiGHS run on a built model (possibly {@link reverseGapModel}'s copy),
 * started from `start` when its pairs are all in the model. The bound is
 * HiGHS's `mip_dual_bound`, unscaled; the assignment the rounded columns.
 * @internal
 */
export function solveOnce(highs: HighsLike, model: GapModel, g: CompiledGap, start: Int32Array | undefined, settings: RunSettings, remainingMs: number): SolveOutcome {
  const st = highs.constants.modelStatus;
  const unscale = (v: number): number => mulPow2(v, -model.costExponent);
  return highs.withModel(model.data, (hm: HighsModelLike) => {
    hm.options.set({
      output_flag: false,
      time_limit: Math.max(0.001, remainingMs / 1000),
      mip_rel_gap: settings.relativeGap,
      // Integral costs: a gap below 1 proves optimality; else the relative gap of the (scaled, ≈ 1) magnitude.
      // (Stricter than the final check, so HiGHS's "optimal" passes it.)
      mip_abs_gap: g.integral ? mulPow2(1 - 2e-6, model.costExponent) : 0.25 * settings.relativeGap * model.scaledMagnitude,
      primal_feasibility_tolerance: settings.feasibilityTolerance,
      mip_feasibility_tolerance: settings.feasibilityTolerance,
      small_matrix_value: 1e-12,
      presolve: settings.presolve ? 'choose' : 'off',
      random_seed: settings.randomSeed,
    });
    if (start !== undefined) {
      const col = new Float64Array(model.task.length);
      let complete = true;
      for (let i = 0; i < g.n; i++) {
        const c = model.column[i * g.m + (start[i] as number)] as number;
        if (c < 0) complete = false;
        else col[c] = 1;
      }
      if (complete) hm.setSolution({ colValue: col });
    }
    hm.run();
    const status = hm.getModelStatus();
    if (status === st['infeasible']) return { kind: 'infeasible', assignment: undefined, bound: undefined };
    const kind: SolveOutcome['kind'] =
      status === st['optimal']
        ? 'optimal'
        : status === st['timeLimit'] || status === st['interrupted']
          ? 'time'
          : status === st['iterationLimit'] || status === st['solutionLimit'] || status === st['objectiveBound'] || status === st['objectiveTarget']
            ? 'other'
            : 'numerical';
    if (kind === 'numerical') return { kind, assignment: undefined, bound: undefined };
    const rawBound = Number(hm.info.get('mip_dual_bound'));
    const bound = Number.isFinite(rawBound) ? unscale(rawBound) : undefined;
    let assignment: Int32Array | undefined;
    if (Number(hm.info.get('primal_solution_status')) === 2) {
      const x = hm.getSolution().colValue;
      assignment = new Int32Array(g.n).fill(-1);
      const top = new Float64Array(g.n);
      for (let c = 0; c < model.task.length; c++) {
        const t = model.task[c] as number;
        const v = x[c] as number;
        if (v > 0.5 && v > (top[t] as number)) {
          top[t] = v;
          assignment[t] = model.device[c] as number;
        }
      }
      if (assignment.some((j) => j < 0)) assignment = undefined;
    }
    return { kind, assignment, bound };
  });
}
