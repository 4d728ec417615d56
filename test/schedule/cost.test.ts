import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem, type Problem } from '../../src/index.js';
import { billedSeconds, busyTimes, costCompiled, costTotalCompiled, deviceCost } from '../../src/schedule/cost.js';
import { deepFreeze, problemWithAssignmentArb } from '../arbitraries.js';

/** One cloud device per billing scheme, one task each (times exact in binary). */
const billing = (): Problem =>
  deepFreeze({
    tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    devices: [
      { id: 'edge', tier: 'edge' },
      // per-hour billing, at least one hour: 2^-10 per second = 3.515625 per hour
      { id: 'hourly', tier: 'cloud', price: { perSecond: 2 ** -10, granularity: 3600, minimum: 3600 } },
      // per-second billing, 60 s minimum
      { id: 'perSecond', tier: 'cloud', price: { perSecond: 0.125, minimum: 60 } },
    ],
    execTime: [[10, 7000, 100], [10, 3600, 30], [10, 0.5, 90.5]],
    transferTime: [[0, 200, 0], [0, 0, 0], [0, 0, 0]],
  });

describe('costCompiled: reference values', () => {
  it('costCompiled(billing, [1, 2, 2]) bills an exact two hours as two (not three) and 120.5 s as 121 whole seconds', () => {
    // hourly: a busy 200 + 7000 = 7200 s = exactly 2 hours → billed 7200 s · 2^-10 = 7.03125.
    // perSecond: b 30 + c 90.5 = 120.5 s → ⌈120.5 / 1⌉ = 121 s (above the 60 s minimum) · 0.125 = 15.125.
    // edge: no price → 0. total = 22.15625.
    const c = costCompiled(compileProblem(billing()), [1, 2, 2]);
    expect(c.perDevice).toEqual([0, 7.03125, 15.125]);
    expect(c.total).toBe(22.15625);
  });

  it('costCompiled(billing, [1, 1, 1]) rounds 10800.5 s up to four hours', () => {
    // hourly busy 7200 + 3600 + 0.5 = 10800.5 s → ⌈3.0001⌉ = 4 hours = 14400 s · 2^-10 = 14.0625.
    const c = costCompiled(compileProblem(billing()), [1, 1, 1]);
    expect(c.perDevice).toEqual([0, 14.0625, 0]);
    expect(c.total).toBe(14.0625);
  });

  it('costCompiled(billing, [0, 0, 1]) bills 0.5 s on the hourly device as one hour', () => {
    // hourly busy 0.5 s → ⌈0.5 / 3600⌉ = 1 hour (also the minimum) → 3600 · 2^-10 = 3.515625.
    expect(costCompiled(compileProblem(billing()), [0, 0, 1]).perDevice).toEqual([0, 3.515625, 0]);
  });

  it('costCompiled(billing, ...) on the per-second device: 90.5 s → 91 s, 100 s → 100 s, 30 s → the 60 s minimum', () => {
    expect(costCompiled(compileProblem(billing()), [0, 0, 2]).perDevice).toEqual([0, 0, 11.375]); // 91 · 0.125
    expect(costCompiled(compileProblem(billing()), [2, 0, 0]).perDevice).toEqual([0, 0, 12.5]); // 100 · 0.125
    expect(costCompiled(compileProblem(billing()), [0, 2, 0]).perDevice).toEqual([0, 0, 7.5]); // max(60, 30) · 0.125
  });

  it('billedSeconds gives the TSDoc example', () => {
    expect(billedSeconds(3600, 3600, 0)).toBe(3600);
    expect(billedSeconds(3600.5, 3600, 0)).toBe(7200);
    expect(billedSeconds(10, 1, 60)).toBe(60);
    expect(billedSeconds(0, 3600, 60)).toBe(0);
  });

  it('billedSeconds bills one whole unit to a used device even when busy / granularity underflows to 0 (found by the fuzz suite)', () => {
    expect(1e-68 / 1e300).toBe(0);
    expect(billedSeconds(1e-68, 1e300, 0)).toBe(1e300);
    expect(billedSeconds(5e-324, 1, 0)).toBe(1);
  });
});

describe('costCompiled: properties', () => {
  it('costCompiled with per-second billing and no minimum is perSecond · busy, busy summed in task order', () => {
    fc.assert(
      fc.property(problemWithAssignmentArb({ integers: true }), fc.integer({ min: 0, max: 64 }), ({ problem, assignment }, k) => {
        const rate = k / 8;
        const cp = compileProblem({ ...problem, devices: problem.devices.map((d) => ({ ...d, price: { perSecond: rate } })) });
        const busy = busyTimes(cp, assignment);
        const c = costCompiled(cp, assignment);
        for (let j = 0; j < cp.m; j++) expect(c.perDevice[j]).toBe(rate * busy[j]!);
        expect(costTotalCompiled(cp, assignment)).toBe(c.total);
      }),
    );
  });

  it('billedSeconds is ≥ busy, a whole number of units or the minimum, and never two units more than needed', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e7, noNaN: true }), fc.constantFrom(1, 60, 3600, 0.3), fc.constantFrom(0, 60, 3600), (busy, g, min) => {
        const b = billedSeconds(busy, g, min);
        expect(b).toBeGreaterThanOrEqual(busy * (1 - 1e-9));
        if (b > min) {
          const units = b / g;
          expect(Math.abs(units - Math.round(units))).toBeLessThan(1e-6);
          expect(b - busy).toBeLessThan(g * (1 + 1e-9));
        }
      }),
    );
  });
});

describe('costCompiled: edge cases', () => {
  it('billedSeconds bills 0.1 + 0.2 s at a 0.3 s granularity as one unit, not two (float noise tolerance)', () => {
    const busy = 0.1 + 0.2; // 0.30000000000000004
    expect(Math.ceil(busy / 0.3)).toBe(2); // the naive rounding would bill two units
    expect(billedSeconds(busy, 0.3, 0)).toBe(0.3);
  });

  it('billedSeconds with a granularity far below the precision of busy bills busy itself (no Infinity · 0)', () => {
    // 1 / 5e-324 overflows to Infinity units; 2^53 units or more cannot change busy by rounding.
    expect(billedSeconds(1, 5e-324, 0)).toBe(1);
    expect(billedSeconds(3, 1e-300, 5)).toBe(5);
  });

  it('costCompiled bills an unused device 0 even with a minimum charge, and a zero-time task 0', () => {
    const p: Problem = { tasks: [{ id: 'a' }], devices: [{ id: 'c', tier: 'cloud', price: { perSecond: 1, minimum: 60 } }], execTime: [[0]] };
    const cp = compileProblem(p);
    expect(costCompiled(cp, [0])).toEqual({ total: 0, perDevice: [0] });
    expect(deviceCost(cp, 0, 0)).toBe(0);
  });

  it('costCompiled on an empty problem is 0 with one zero per device', () => {
    const cp = compileProblem({ tasks: [], devices: [{ id: 'c', tier: 'cloud', price: { perSecond: 3 } }], execTime: [] });
    expect(costCompiled(cp, [])).toEqual({ total: 0, perDevice: [0] });
  });
});
