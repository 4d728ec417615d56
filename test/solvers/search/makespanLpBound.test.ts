import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputTypeError } from '../../../src/errors.js';
import { makespanLowerBound } from '../../../src/schedule/lowerBound.js';
import { makespanLpBound } from '../../../src/solvers/search/makespanLpBound.js';
import { bruteForceMakespan, loadBraun, problemArb } from '../helpers.js';

describe('makespanLpBound: reference values', () => {
  it('makespanLpBound(doc example) is 8/3', async () => {
    const v = await makespanLpBound({
      tasks: [{ id: 'a' }, { id: 'b' }],
      devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'edge' }],
      execTime: [[2, 4], [2, 4]],
    });
    expect(v).toBeCloseTo(8 / 3, 6);
  });

  it('makespanLpBound(u_c_lolo.0) lies between the combinatorial bound and the Min-Min makespan', async () => {
    const p = loadBraun('u_c_lolo.0');
    const lp = await makespanLpBound(p);
    expect(lp).toBeGreaterThan(makespanLowerBound(p) * 1.5);
    expect(lp).toBeLessThan(5441.4);
  });
});

describe('makespanLpBound: oracles and properties', () => {
  it('makespanLpBound(p) ≤ the brute-force optimum and ≥ makespanLowerBound(p)', async () => {
    await fc.assert(
      fc.asyncProperty(problemArb({ maxTasks: 6, maxDevices: 3, releases: false }), async (p) => {
        const lp = await makespanLpBound(p);
        expect(lp).toBeLessThanOrEqual(bruteForceMakespan(p));
        expect(lp).toBeGreaterThanOrEqual(makespanLowerBound(p));
      }),
      { numRuns: 40 },
    );
  });
});

describe('makespanLpBound: edge cases', () => {
  it('no tasks gives 0; malformed problems reject', async () => {
    expect(await makespanLpBound({ tasks: [], devices: [{ id: 'x', tier: 'edge' }], execTime: [] })).toBe(0);
    await expect(makespanLpBound({ tasks: 'x' } as never)).rejects.toThrow(InputTypeError);
  });
});

describe('makespanLpBound: options and HiGHS numerics', () => {
  const p = {
    tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    devices: [{ id: 'x', tier: 'edge' as const }, { id: 'y', tier: 'edge' as const }],
    execTime: [[2, 4], [2, 4], [3, 1]],
  };

  it('makespanLpBound(p, {feasibilityTolerance, timeLimitMs}) passes them to HiGHS and stays ≤ the brute-force optimum', async () => {
    for (const feasibilityTolerance of [1e-10, 1e-7, 1e-3]) {
      const v = await makespanLpBound(p, { feasibilityTolerance, timeLimitMs: 10_000 });
      expect(v).toBeLessThanOrEqual(bruteForceMakespan(p));
      expect(v).toBeGreaterThanOrEqual(makespanLowerBound(p));
    }
  });

  it('makespanLpBound rejects unknown or out-of-range options', async () => {
    await expect(makespanLpBound(p, { threads: 2 } as never)).rejects.toThrow(/makespanLpBound: options.threads is not a known option/);
    await expect(makespanLpBound(p, { feasibilityTolerance: 0.5 })).rejects.toThrow(/options.feasibilityTolerance must be a number in \[1e-10, 1e-3\], got 0.5/);
    await expect(makespanLpBound(p, { timeLimitMs: -1 })).rejects.toThrow(/options.timeLimitMs must be a finite number >= 0, got -1/);
  });

  it('makespanLpBound stays a bound when times span 1e-150 … 1e150 (the dual certificate, not the LP objective)', async () => {
    for (const k of [-150, -20, 0, 20, 150]) {
      const s = 10 ** k;
      const q = { ...p, execTime: p.execTime.map((r) => r.map((t) => t * s)) };
      const v = await makespanLpBound(q);
      expect(v).toBeLessThanOrEqual(bruteForceMakespan(q));
      expect(v).toBeGreaterThanOrEqual(makespanLowerBound(q));
      expect(v / s).toBeGreaterThan(2.4); // the LP optimum is 2.5 · s
    }
  });
});

interface ReadyCase { exec: (number | null)[][]; transfer: number[][]; ready: number[]; lp: number; brute: number }

describe('makespanLpBound with ready times: against scipy linprog and brute force (fixture from scripts/lp-ready-scipy.py)', () => {
  const cases = (JSON.parse(readFileSync(new URL('../../fixtures/lp-ready-scipy.json', import.meta.url), 'utf8')) as { instances: ReadyCase[] }).instances;

  it('makespanLpBound(p) ≤ the brute-force optimum and within 1e-6 of scipy\'s LP optimum (a dual certificate, not HiGHS\'s objective)', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    let tight = 0;
    for (const c of cases) {
      const p = {
        tasks: c.exec.map((_, i) => ({ id: `t${i}` })),
        devices: c.ready.map((r, j) => ({ id: `d${j}`, tier: 'edge' as const, ready: r })),
        execTime: c.exec.map((row) => row.map((v) => v ?? Infinity)),
        transferTime: c.transfer,
      };
      const v = await makespanLpBound(p);
      const comb = makespanLowerBound(p);
      expect(v).toBeLessThanOrEqual(c.brute);
      // The certificate never exceeds the LP optimum (weak duality); the combinatorial bound may.
      expect(v).toBeLessThanOrEqual(Math.max(comb, c.lp + 1e-9 * Math.abs(c.lp)));
      expect(v).toBeGreaterThanOrEqual(Math.max(comb, c.lp - 1e-6 * Math.abs(c.lp)));
      if (c.lp > comb * (1 + 1e-6)) tight++;
    }
    expect(tight).toBeGreaterThan(10); // the LP (and so the certificate) beats the combinatorial bound on many of them
  });
});
