import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGap } from '../../../src/solvers/gap/gapCompile.js';
import { exponentToUnit, mulPow2, scaleForSearch } from '../../../src/solvers/gap/gapScale.js';

describe('gapScale: power-of-two rescaling', () => {
  it('exponentToUnit(x) puts x · 2^k in [1/2, 1) for every positive double, subnormals and MAX_VALUE included', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        const y = mulPow2(x, exponentToUnit(x));
        expect(y).toBeGreaterThanOrEqual(0.5);
        expect(y).toBeLessThan(1);
      }),
    );
    expect(mulPow2(5e-324, exponentToUnit(5e-324))).toBe(0.5);
    expect(mulPow2(mulPow2(1e300, -1000), 1000)).toBe(1e300);
  });

  it('scaleForSearch keeps every cost ratio and every budget comparison (largest |cost| and each finite budget in [1/2, 1))', () => {
    const g = compileGap('t', { cost: [[1e-300, 3e300], [2e300, 7]], demand: [[1e-200, 5e-201], [1e-200, 0]], budget: [2e-200, Infinity] }, false);
    const s = scaleForSearch(g);
    expect(Math.max(...Array.from(s.cost).map(Math.abs))).toBeGreaterThanOrEqual(0.5);
    expect(s.budget[0]).toBeGreaterThanOrEqual(0.5);
    expect(s.budget[0]).toBeLessThan(1);
    expect(s.budget[1]).toBe(Infinity);
    expect((s.demand[0]! + s.demand[2]!) <= s.budget[0]!).toBe((g.demand[0]! + g.demand[2]!) <= g.budget[0]!);
    expect(s.cost[1]! / s.cost[2]!).toBe(g.cost[1]! / g.cost[2]!);
  });
});
