import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError } from '../../../src/errors.js';
import { magnitudeScale, readOptions, scanStats } from '../../../src/solvers/lsap/lsapInput.js';

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
});
