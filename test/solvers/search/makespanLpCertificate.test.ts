import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makespanLpCertificate, nextDown, nextUp } from '../../../src/solvers/search/makespanLpCertificate.js';

/** Brute-force optimum of max over used devices of r_j + Σ p_ij (Infinity: forbidden). */
function brute(n: number, m: number, p: Float64Array, ready: Float64Array): number {
  let best = Infinity;
  const a = new Array<number>(n).fill(0);
  const rec = (i: number): void => {
    if (i === n) {
      const load = new Array<number>(m).fill(0);
      const used = new Array<boolean>(m).fill(false);
      for (let k = 0; k < n; k++) {
        load[a[k]!] = load[a[k]!]! + p[k * m + a[k]!]!;
        used[a[k]!] = true;
      }
      let span = 0;
      for (let j = 0; j < m; j++) if (used[j]) span = Math.max(span, ready[j]! + load[j]!);
      best = Math.min(best, span);
      return;
    }
    for (let j = 0; j < m; j++) {
      if (p[i * m + j] === Infinity) continue;
      a[i] = j;
      rec(i + 1);
    }
  };
  rec(0);
  return best;
}

describe('makespanLpCertificate: outward rounding', () => {
  it('nextUp and nextDown step one double: 1 → 1 ± ulp, 0 → ±MIN_VALUE, MAX_VALUE → Infinity, -Infinity → -MAX_VALUE', () => {
    expect(nextUp(1)).toBe(1 + 2 ** -52);
    expect(nextDown(1)).toBe(1 - 2 ** -53);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextDown(0)).toBe(-Number.MIN_VALUE);
    expect(nextUp(Number.MAX_VALUE)).toBe(Infinity);
    expect(nextUp(-Infinity)).toBe(-Number.MAX_VALUE);
    expect(nextDown(Infinity)).toBe(Number.MAX_VALUE);
    expect(nextUp(-1)).toBe(-1 + 2 ** -53);
  });
});

describe('makespanLpCertificate: reference values', () => {
  it('makespanLpCertificate(2 tasks on [2, 4], w = (2/3, 1/3)) is 8/3 rounded down (the doc example\'s LP optimum)', () => {
    const p = Float64Array.from([2, 4, 2, 4]);
    const v = makespanLpCertificate(2, 2, p, new Float64Array(2), Float64Array.from([2, 1]), new Float64Array(4));
    expect(v).toBeLessThanOrEqual(8 / 3);
    expect(v).toBeGreaterThan(8 / 3 - 1e-14);
  });

  it('makespanLpCertificate(one task, ready r on its only device, μ = w·r) counts the ready time: bound r + p', () => {
    // One device with r = 5, p = 3: T ≥ w(3 + 5z), μ = 5 makes the z term 0 and adds 5 to the task.
    const v = makespanLpCertificate(1, 1, Float64Array.from([3]), Float64Array.from([5]), Float64Array.from([1]), Float64Array.from([5]));
    expect(v).toBeLessThanOrEqual(8);
    expect(v).toBeGreaterThan(8 - 1e-14);
    // μ larger than w·r: the z term subtracts what the task gained.
    expect(makespanLpCertificate(1, 1, Float64Array.from([3]), Float64Array.from([5]), Float64Array.from([1]), Float64Array.from([9]))).toBeLessThanOrEqual(8);
  });

  it('makespanLpCertificate is 0, not -MIN_VALUE, when the quotient underflows (found by the property below, seed 32)', () => {
    const v = makespanLpCertificate(1, 3, Float64Array.from([0, Infinity, Infinity]), Float64Array.from([3.4835127741890956e-187, 2.87027e-319, 5e-324]), Float64Array.from([-7.800634670442433e-137, -0.000008606592649969878, -1.9999913934073499]), Float64Array.from([2e-323, 0, 0]));
    expect(Object.is(v, 0)).toBe(true);
  });

  it('makespanLpCertificate gives 0 for zero weights, NaN or infinite multipliers count as 0', () => {
    const p = Float64Array.from([2, 4]);
    expect(makespanLpCertificate(1, 2, p, new Float64Array(2), new Float64Array(2), new Float64Array(2))).toBe(0);
    // w = (1, NaN → 0), μ = (NaN → 0, ·); device 1 forbidden: the task costs 1 · 2 on device 0.
    expect(makespanLpCertificate(1, 2, Float64Array.from([2, Infinity]), new Float64Array(2), Float64Array.from([1, NaN]), Float64Array.from([NaN, Infinity]))).toBeLessThanOrEqual(2);
    expect(makespanLpCertificate(1, 2, Float64Array.from([2, Infinity]), new Float64Array(2), Float64Array.from([1, NaN]), Float64Array.from([NaN, Infinity]))).toBeGreaterThan(2 - 1e-14);
  });
});

describe('makespanLpCertificate: properties (seeded by FC_SEED)', () => {
  it('makespanLpCertificate(any w, μ ≥ 0, including HiGHS-like garbage) never exceeds the brute-force optimum', () => {
    const real = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.oneof({ weight: 5, arbitrary: real }, { weight: 1, arbitrary: fc.constant(Infinity) }), { minLength: 15, maxLength: 15 }),
        fc.array(real, { minLength: 3, maxLength: 3 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 15, maxLength: 15 }),
        (n, m, pa, ra, wa, ma) => {
          const p = Float64Array.from(pa.slice(0, n * m));
          for (let i = 0; i < n; i++) if (p[i * m] === Infinity) p[i * m] = 1; // every task has a device
          const ready = Float64Array.from(ra.slice(0, m));
          const v = makespanLpCertificate(n, m, p, ready, Float64Array.from(wa.slice(0, m)), Float64Array.from(ma.slice(0, n * m)));
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(brute(n, m, p, ready));
        },
      ),
      { numRuns: 300 },
    );
  });
});
