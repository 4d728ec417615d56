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
