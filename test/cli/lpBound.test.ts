import { afterEach, describe, expect, it, vi } from 'vitest';
import { lpLine, withLpBound } from '../../src/cli/lpBound.js';
import { InputRangeError, solve, workedExampleProblem } from '../../src/index.js';

// Lets one test pretend that the optional 'highs' package is missing.
const missing = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/solvers/search/makespanLpBound.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/solvers/search/makespanLpBound.js')>();
  return {
    ...real,
    makespanLpBound: (p: never) => (missing.on
      ? Promise.reject(new InputRangeError('makespanLpBound', 'options.method', "makespanLpBound: this path needs the optional package 'highs' ...: run `npm install highs`"))
      : real.makespanLpBound(p)),
  };
});
afterEach(() => {
  missing.on = false;
});

describe('withLpBound: reference values', () => {
  it('withLpBound(worked example, min-min) raises the bound from 47.5 to the LP bound 5 / Σ_j 1/p_j = 68.531 and the gap to 0.1673 (scipy linprog agrees)', async () => {
    // python3: 5 / (1/38 + 1/54 + 1/64 + 1/80) = 68.53135175753528; scipy.optimize.linprog gives 68.53135175753529.
    const p = workedExampleProblem(30);
    const s = solve(p);
    expect(s.bound).toEqual({ value: 47.5, kind: 'combinatorial' });
    const { solution: t, lp } = await withLpBound(p, s);
    expect(lp).toBe(t.bound.value);
    expect(t.bound.kind).toBe('lp');
    expect(t.bound.value).toBeCloseTo(68.53135175753528, 6);
    expect(t.bound.value).toBeLessThanOrEqual(68.53135175753528);
    expect(t.lowerBound).toBe(t.bound.value);
    expect(t.gap).toBeCloseTo(0.16734892787524358, 6);
    expect(t.makespan).toBe(80);
  });
});

describe('withLpBound: edge cases', () => {
  it("withLpBound keeps a stronger own bound ('exhaustive' for local search) and the 'independent' model's exact bound", async () => {
    const p = workedExampleProblem(30);
    const ls = solve(p, { strategy: 'local-search' });
    const kept = await withLpBound(p, ls);
    expect(kept.solution).toEqual(ls);
    // The LP value is still returned, for the CLI to show: below the exhaustive 80.
    expect(kept.lp).toBeCloseTo(68.53135175753528, 6);
    expect(lpLine(kept.solution, kept.lp, String)).toBe(`  lp bound: ${String(kept.lp)}, not above the exhaustive bound 80 the gap is measured against`);
    const ind = solve(p, { costModel: 'independent' });
    expect(await withLpBound(p, ind)).toEqual({ solution: ind, lp: undefined });
    expect(lpLine(ind, undefined, String)).toBe("  lp bound: not computed under the 'independent' cost model (the combinatorial bound is exact there)");
  });

  it("withLpBound without the 'highs' package says how to get it (a usage error, not a stack trace)", async () => {
    missing.on = true;
    const p = workedExampleProblem(30);
    await expect(withLpBound(p, solve(p))).rejects.toThrow("--lp-bound needs the optional package 'highs' (HiGHS, WebAssembly), which is not installed: run `npm install highs`, or leave out --lp-bound");
  });
});
