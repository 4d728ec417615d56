import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError } from '../../../src/errors.js';
import { copyRows, lastCopyCertifiedIdentity, magnitudeScale, readOptions, scanStats, workBuffer } from '../../../src/solvers/lsap/lsapInput.js';
import { columnMinima } from '../../../src/solvers/lsap/lsapMinima.js';
import { identityDuals } from '../../../src/solvers/lsap/lsapMonge.js';
import { linearSumAssignment } from '../../../src/solvers/lsap/linearSumAssignment.js';
import { createRng } from '../../../src/internal/random.js';

describe('magnitudeScale: properties', () => {
  it('magnitudeScale(maxAbs, k) is 1 for moderate magnitudes, else a power of two bringing maxAbs · 32(k + 2) under 2^1022', () => {
    expect(magnitudeScale(0, 5)).toBe(1);
    expect(magnitudeScale(1e300, 1000)).toBe(1);
    for (const [maxAbs, k] of [[8e307, 2], [1.7976931348623157e308, 1], [1e305, 2000], [1e306, 1]] as const) {
      const s = magnitudeScale(maxAbs, k);
      expect(Number.isInteger(Math.log2(s))).toBe(true);
      expect(s).toBeLessThan(1);
      expect(maxAbs * s * 32 * (k + 2)).toBeLessThan(2 ** 1022);
      expect(maxAbs * s * 32 * (k + 2)).toBeGreaterThanOrEqual(2 ** 1019); // no more scaling than needed (within 8×)
    }
  });
});

describe('readOptions / scanStats: edge cases', () => {
  it('readOptions rejects a costLimit that is not a finite number and unknown keys', () => {
    expect(readOptions('f', { costLimit: 3 })).toEqual({ maximize: false, costLimit: 3 });
    expect(() => readOptions('f', { costLimit: Infinity })).toThrow('f: options.costLimit must be a finite number, got Infinity');
    expect(() => readOptions('f', { costLimit: '1' as unknown as number })).toThrow(InputTypeError);
    expect(() => readOptions('f', { costLimit: NaN })).toThrow(InputRangeError);
    expect(() => readOptions('f', { limit: 1 } as never)).toThrow(/options.limit is not a known option/);
  });

  it('scanStats counts forbidden entries and names the first bad one', () => {
    const s = scanStats('f', new Float64Array([1, Infinity, -3, 4]), 2, false, true);
    expect([s.lo, s.hi, s.nForbidden]).toEqual([-3, 4, 1]);
    expect(() => scanStats('f', new Float64Array([1, -Infinity]), 2, false, true)).toThrow('f: cost[0][1] must be a finite number or Infinity (forbidden), got -Infinity');
  });

  it('scanStats(...).span equals the largest and smallest nonzero |c| and the integrality of the allowed entries (brute force), forbidden entries skipped', () => {
    const rng = createRng(77);
    for (let t = 0; t < 40; t++) {
      const data = Float64Array.from({ length: 6 * 9 }, () => {
        const r = rng();
        if (r < 0.1) return Infinity;
        if (r < 0.2) return 0;
        return t % 2 === 0 ? Math.floor(rng() * 2000) - 1000 : (rng() - 0.5) * 10 ** Math.floor(rng() * 12);
      });
      const allowed = [...data].filter((c) => c !== Infinity).map(Math.abs);
      const nonzero = allowed.filter((a) => a !== 0);
      const span = scanStats('f', data, 9, false, true).span;
      expect(span).toEqual({ max: Math.max(0, ...nonzero), min: Math.min(Infinity, ...nonzero), integral: allowed.every(Number.isInteger) });
    }
    expect(scanStats('f', new Float64Array([-Infinity, 0.5, 2, 0]), 2, true, true).span).toEqual({ max: 2, min: 0.5, integral: false });
  });
});

describe('workBuffer: properties', () => {
  it('workBuffer(size) above 2^18 entries has that length and is reused by the next call while alive (weakly held)', () => {
    const a = workBuffer(300_000);
    expect(a.length).toBe(300_000);
    const b = workBuffer(290_000);
    expect(b.length).toBe(290_000);
    expect(b.buffer).toBe(a.buffer);
    const small = workBuffer(1000);
    expect(small.buffer).not.toBe(a.buffer);
  });

  it('linearSumAssignment on two different 400×800 matrices in a row (one reused buffer) equals each solved after the other, and leaves the inputs intact', () => {
    const rng = createRng(5);
    const m1 = Array.from({ length: 400 }, () => Array.from({ length: 800 }, () => 1 + Math.floor(rng() * 1000)));
    const m2 = Array.from({ length: 400 }, () => Array.from({ length: 800 }, () => 1 + Math.floor(rng() * 1000)));
    const copy1 = JSON.stringify(m1);
    const r1 = linearSumAssignment(m1);
    const r2 = linearSumAssignment(m2);
    expect(linearSumAssignment(m1)).toEqual(r1);
    expect(linearSumAssignment(m2)).toEqual(r2);
    expect(JSON.stringify(m1)).toBe(copy1);
    expect(r1.cost).toBe(r1.assignment.reduce((t, j, i) => t + m1[i]![j]!, 0));
  });
});

describe('copyRows: oracles', () => {
  it('copyRows copies the rows, returns Σ|c|, and its column minima (ties to the lowest row) equal columnMinima of the copy, whether the identity certificate fails in the first row, a later row, or never', () => {
    const rng = createRng(9);
    let laterFailures = 0;
    for (let t = 0; t < 60; t++) {
      const n = 2 + (t % 9);
      // (i − j)² is Monge as given (the identity certified); lowering one entry
      // of row k breaks it there; small integers bring ties in the minima.
      const k = t % 3 === 0 ? -1 : Math.floor(rng() * n);
      const cost = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i - j) ** 2 + (t % 2 === 0 ? 0 : Math.floor(rng() * 2))));
      if (k >= 0) cost[k]![Math.floor(rng() * n)] = -1 - Math.floor(rng() * 2);
      const data = new Float64Array(n * n);
      const min = new Float64Array(n).fill(Infinity);
      const row = new Int32Array(n);
      const id = identityDuals(n, (i, j) => cost[i]![j]);
      const sumAbs = copyRows('f', cost, data, n, { min, row }, id);
      expect(Array.from(data)).toEqual(cost.flat());
      expect(sumAbs).toBe(cost.flat().reduce((a, c) => a + Math.abs(c), 0));
      const ref = columnMinima(data, n, n);
      if (!lastCopyCertifiedIdentity()) {
        expect(Array.from(min)).toEqual(Array.from(ref.min));
        expect(Array.from(row)).toEqual(Array.from(ref.row));
      }
      if (k > 0 && !lastCopyCertifiedIdentity()) laterFailures++;
      if (k < 0 && t % 2 === 0) expect(lastCopyCertifiedIdentity()).toBe(true);
    }
    expect(laterFailures).toBeGreaterThan(5); // the certificate failed after the first row
  });
});
