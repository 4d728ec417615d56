import { describe, expect, it } from 'vitest';
import { loadHighs } from '../../../src/internal/highs.js';
import { compileGap } from '../../../src/solvers/gap/gapCompile.js';
import { costOf, exactlyFeasible, taskMinima } from '../../../src/solvers/gap/gapExactCheck.js';
import { buildGapModel } from '../../../src/solvers/gap/gapModel.js';
import { reverseGapModel, solveOnce } from '../../../src/solvers/gap/gapRun.js';

describe('reverseGapModel and solveOnce', () => {
  // Item 1 of issue 11 (brute-force optimum 20 at [0, 0, 1, 1]) with a cover cut row.
  const g = compileGap('t', { cost: [[1, 1e12], [3, 3], [9, 7], [2, 9]], demand: [[2, 1], [1, 4], [2, 4], [2, 1]], budget: [4, 6] }, false);
  const model = buildGapModel(g, { incumbent: undefined, magnitude: 13, minima: taskMinima(g), cuts: [{ device: 0, tasks: Int32Array.from([0, 2]) }], tighten: 0 }, Infinity);

  it('reverseGapModel(model) reverses columns, rows and entries; reversing twice gives the same arrays back', () => {
    const r = reverseGapModel(model);
    const n = model.data.numCols;
    expect([...r.data.colCost]).toEqual([...model.data.colCost].reverse());
    expect([...r.data.rowUpper]).toEqual([...model.data.rowUpper].reverse());
    for (let k = 0; k < 8; k++) expect(r.column[k]).toBe(model.column[k]! < 0 ? -1 : n - 1 - model.column[k]!);
    for (let c = 0; c < n; c++) expect([r.task[n - 1 - c], r.device[n - 1 - c]]).toEqual([model.task[c], model.device[c]]);
    const rr = reverseGapModel(r);
    expect(rr.data.matrix).toEqual(model.data.matrix);
    expect(rr.data.colCost).toEqual(model.data.colCost);
    expect(rr.column).toEqual(model.column);
  });

  it('solveOnce on the model and on its reverse (HiGHS) both find the optimum 20 and a bound of 20, with and without presolve', async () => {
    const highs = await loadHighs('t');
    const settings = { relativeGap: 1e-9, feasibilityTolerance: 1e-7, deadline: Infinity, randomSeed: 0 };
    for (const m of [model, reverseGapModel(model)]) {
      for (const presolve of [false, true]) {
        const out = solveOnce(highs, m, g, undefined, { ...settings, presolve }, 10_000);
        expect(out.kind).toBe('optimal');
        expect(exactlyFeasible(g, out.assignment!)).toBe(true);
        expect(costOf(g, out.assignment!)).toBe(20);
        expect(out.bound).toBeCloseTo(20, 6);
      }
    }
  });
});
