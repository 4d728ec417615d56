import { describe, expect, it } from 'vitest';
import { compileGap } from '../../../src/solvers/gap/gapCompile.js';
import { taskMinima } from '../../../src/solvers/gap/gapExactCheck.js';
import { buildGapModel } from '../../../src/solvers/gap/gapModel.js';

describe('buildGapModel: the arrays HiGHS gets', () => {
  const g = compileGap('t', { cost: [[1, 1e12], [3, 3], [9, 7], [2, 9]], demand: [[2, 1], [1, 4], [2, 4], [2, 1]], budget: [4, 6] }, false);
  const minima = taskMinima(g);

  it('buildGapModel(item 1, no incumbent) keeps every pair, scales costs by a power of two near Σ|min cost| and budgets into [1/2, 1)', () => {
    const m = buildGapModel(g, { incumbent: undefined, magnitude: 13, minima, cuts: [], tighten: 0 }, Infinity);
    expect(m.data.numCols).toBe(8);
    expect(m.data.numRows).toBe(4 + 2);
    expect(m.costExponent).toBe(-4); // 13 · 2^-4 in [1/2, 1)
    expect([...m.data.colCost]).toEqual([1, 1e12, 3, 3, 9, 7, 2, 9].map((c) => c / 16));
    expect([...m.data.rowUpper.slice(4)]).toEqual([4 / 8, 6 / 8]);
    expect(m.capped).toBe(false);
  });

  it('buildGapModel(item 1, incumbent of value 22) leaves out only the pair that cannot beat it (1e12)', () => {
    const m = buildGapModel(g, { incumbent: Int32Array.from([0, 1, 0, 1]), magnitude: 22, minima, cuts: [], tighten: 0 }, Infinity);
    expect(m.data.numCols).toBe(7);
    expect(m.column[1]).toBe(-1); // task 0 on device 1
    expect(Math.max(...m.data.colCost)).toBeLessThan(1);
  });

  it('buildGapModel adds one row per cover cut and lowers budgets by `tighten`', () => {
    const m = buildGapModel(g, { incumbent: undefined, magnitude: 13, minima, cuts: [{ device: 0, tasks: Int32Array.from([0, 2]) }], tighten: 1e-6 }, Infinity);
    expect(m.data.numRows).toBe(7);
    expect(m.data.rowUpper[6]).toBe(1);
    expect(m.data.rowUpper[4]).toBe(4 / 8 - 1e-6);
  });
});
