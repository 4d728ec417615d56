import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, transferTime, transferTimes, transferTimesFromColumns, workedExample, type TransferCriteria } from '../../src/index.js';

// Shared properties of the three models are in criteria.test.ts; this file
// holds what is specific to transfer time (Tp + Ts + Tr).

const transfers = workedExample.transfers;
const phase = fc.double({ min: 0, max: 1e6, noNaN: true });
const transferArb = fc.record({ pack: phase, send: phase, unpack: phase });

describe('transferTimes: reference values (seed, section 4.3)', () => {
  it('transferTimes(workedExample.transfers) reproduces the published 18, 24, 24 exactly', () => {
    expect(transferTimes(transfers)).toEqual(Float64Array.of(18, 24, 24));
    expect([...transferTimes(transfers)]).toEqual(workedExample.published.transferTimes);
  });
  it("transferTimes(workedExample.transfers, {form: 'normalized'}) gives Tp/16 + Ts/37 + Tr/13", () => {
    const expected = [5 / 16 + 10 / 37 + 3 / 13, 8 / 16 + 12 / 37 + 4 / 13, 3 / 16 + 15 / 37 + 6 / 13];
    const out = transferTimes(transfers, { form: 'normalized' });
    expected.forEach((e, i) => expect(Math.abs(out[i]! - e)).toBeLessThanOrEqual(1e-12));
  });
  it("transferTimes(workedExample.transfers, {form: 'weighted', weights: [1, 1, 1]}) equals the base form", () => {
    expect(transferTimes(transfers, { form: 'weighted', weights: [1, 1, 1] })).toEqual(Float64Array.of(18, 24, 24));
  });
  it('transferTime(transfer) and transferTimesFromColumns of the TSDoc examples give 18 and [18, 24]', () => {
    expect(transferTime({ pack: 5, send: 10, unpack: 3 })).toBe(18);
    expect(transferTimesFromColumns([[5, 8], [10, 12], [3, 4]])).toEqual(Float64Array.of(18, 24));
  });
});

describe('transferTimes: properties', () => {
  it('transferTime(transfer) base form is non-decreasing in each phase', () => {
    fc.assert(
      fc.property(transferArb, fc.constantFrom('pack', 'send', 'unpack'), phase, (t, key, d) => {
        expect(transferTime({ ...t, [key]: t[key] + d })).toBeGreaterThanOrEqual(transferTime(t));
      }),
    );
  });
  it('transferTime(transfer, options) equals transferTimes([...], options)[i] in the base and weighted forms', () => {
    const w = fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }));
    fc.assert(
      fc.property(fc.array(transferArb, { maxLength: 10 }), w, (set, weights) => {
        const base = transferTimes(set);
        const weighted = transferTimes(set, { form: 'weighted', weights });
        set.forEach((t, i) => {
          expect(transferTime(t)).toBe(base[i]);
          expect(transferTime(t, { form: 'weighted', weights })).toBe(weighted[i]);
        });
      }),
    );
  });
});

describe('transferTimes: oracle', () => {
  it('transferTimes(transfers) equals a naive Tp + Ts + Tr over objects', () => {
    fc.assert(
      fc.property(fc.array(transferArb, { maxLength: 30 }), (set: TransferCriteria[]) => {
        expect([...transferTimes(set)]).toEqual(set.map((t) => t.pack + t.send + t.unpack));
      }),
    );
  });
});

describe('transferTimes: edge cases', () => {
  it('transferTime(transfer) names the single transfer in messages', () => {
    expect(() => transferTime({ pack: 1, send: -1, unpack: 1 })).toThrow(InputRangeError);
    expect(() => transferTime({ pack: 1, send: -1, unpack: 1 })).toThrow('transferTime: transfer.send must be a finite number >= 0, got -1');
  });
  it('transferTimes(transfers) base form accepts all-zero phases (a free transfer)', () => {
    expect(transferTimes([{ pack: 0, send: 0, unpack: 0 }])).toEqual(Float64Array.of(0));
  });
  it('transferTimes(transfers) base form throws InputRangeError when the sum overflows', () => {
    expect(() => transferTimes([{ pack: 1e308, send: 1e308, unpack: 0 }])).toThrow('transferTimes: transfers[0] overflows');
  });
});
