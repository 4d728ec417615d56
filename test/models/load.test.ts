import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, load, loads, loadsFromColumns, workedExample, type LoadCriteria } from '../../src/index.js';

// Shared properties of the three models are in criteria.test.ts; this file
// holds what is specific to load (C·R/T, execTime > 0 in the base form).

const devices = workedExample.devices;
const criterion = fc.double({ min: 1e-3, max: 1e4, noNaN: true });
const deviceArb = fc.record({ capacity: criterion, remaining: criterion, execTime: criterion });

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected[i]!)));
}

describe('loads: reference values (seed, section 4.3)', () => {
  it('loads(workedExample.devices) gives the base form C·R/T = 25000, 40000, 50000, 120000', () => {
    expect(loads(devices)).toEqual(Float64Array.of(25000, 40000, 50000, 120000));
  });
  it("loads(workedExample.devices, {form: 'normalized'}) gives C/7500 + R/4300 + T/140", () => {
    expectClose(loads(devices, { form: 'normalized' }), [
      1000 / 7500 + 500 / 4300 + 20 / 140,
      1500 / 7500 + 800 / 4300 + 30 / 140,
      2000 / 7500 + 1000 / 4300 + 40 / 140,
      3000 / 7500 + 2000 / 4300 + 50 / 140,
    ]);
  });
  it('load(device) and loadsFromColumns of the TSDoc examples give 25000 and [25000, 40000]', () => {
    expect(load({ capacity: 1000, remaining: 500, execTime: 20 })).toBe(25000);
    expect(loadsFromColumns([[1000, 1500], [500, 800], [20, 30]])).toEqual(Float64Array.of(25000, 40000));
  });
});

describe('loads: the published loads 2.5, 2.2, 1.75, 1.4 are a documented discrepancy', () => {
  const published = workedExample.published.loads;

  it('neither the base form nor the normalized form (0.3925, 0.6003, 0.7849, 1.2223) gives them', () => {
    expect(published).toEqual([2.5, 2.2, 1.75, 1.4]);
    const base = loads(devices);
    const normalized = loads(devices, { form: 'normalized' });
    published.forEach((p, i) => {
      expect(Math.abs(p - base[i]!)).toBeGreaterThan(1);
      expect(Math.abs(p - normalized[i]!)).toBeGreaterThan(0.1);
    });
    // They sum to 7.85, but normalized loads of any set sum to 3.
    expect(published.reduce((a, b) => a + b, 0)).toBeCloseTo(7.85, 12);
    expect(normalized.reduce((a, b) => a + b, 0)).toBeCloseTo(3, 12);
  });

  it('no weights w1..w3 reproduce them: the exact least-squares fit leaves a residual sum of squares of 2.1125', () => {
    // Normal equations (XᵀX) w = Xᵀy, solved by Cramer's rule.
    const X = devices.map((d) => [d.capacity, d.remaining, d.execTime]);
    const M = [0, 1, 2].map((r) => [0, 1, 2].map((c) => X.reduce((s, row) => s + row[r]! * row[c]!, 0)));
    const v = [0, 1, 2].map((r) => X.reduce((s, row, i) => s + row[r]! * published[i]!, 0));
    const det = (m: number[][]) =>
      m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
      m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
      m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
    const d = det(M);
    const w = [0, 1, 2].map((c) => det(M.map((row, r) => row.map((x, j) => (j === c ? v[r]! : x)))) / d);
    const fitted = loads(devices, { form: 'weighted', weights: w });
    const rss = published.reduce((s, p, i) => s + (p - fitted[i]!) ** 2, 0);
    expect(rss).toBeCloseTo(2.1125, 6);
  });
});

describe('loads: properties', () => {
  it('load(device) base form is non-decreasing in capacity and remaining, non-increasing in execTime', () => {
    fc.assert(
      fc.property(deviceArb, fc.double({ min: 0, max: 1e4, noNaN: true }), (d, x) => {
        const l = load(d);
        expect(load({ ...d, capacity: d.capacity + x })).toBeGreaterThanOrEqual(l);
        expect(load({ ...d, remaining: d.remaining + x })).toBeGreaterThanOrEqual(l);
        expect(load({ ...d, execTime: d.execTime + x })).toBeLessThanOrEqual(l);
      }),
    );
  });
  it('load(device, options) equals loads([...], options)[i] in the base and weighted forms', () => {
    const w = fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }));
    fc.assert(
      fc.property(fc.array(deviceArb, { maxLength: 10 }), w, (set, weights) => {
        const base = loads(set);
        const weighted = loads(set, { form: 'weighted', weights });
        set.forEach((d, i) => {
          expect(load(d)).toBe(base[i]);
          expect(load(d, { form: 'weighted', weights })).toBe(weighted[i]);
        });
      }),
    );
  });
});

describe('loads: oracle', () => {
  it('loads(devices) equals a naive C*R/T over objects', () => {
    fc.assert(
      fc.property(fc.array(deviceArb, { maxLength: 30 }), (set: LoadCriteria[]) => {
        expect([...loads(set)]).toEqual(set.map((d) => (d.capacity * d.remaining) / d.execTime));
      }),
    );
  });
});

describe('loads: edge cases', () => {
  it('loads(devices) base form throws InputRangeError naming devices[i].execTime when it is 0', () => {
    const set = [devices[0]!, { capacity: 1, remaining: 1, execTime: 0 }];
    expect(() => loads(set)).toThrow(InputRangeError);
    expect(() => loads(set)).toThrow('loads: devices[1].execTime must be a finite number > 0 in the base form, got 0');
    expect(() => load(set[1]!)).toThrow('load: device.execTime must be a finite number > 0 in the base form, got 0');
    expect(() => loadsFromColumns([[1, 1], [1, 1], [20, 0]])).toThrow('loadsFromColumns: columns[2][1] must be a finite number > 0 in the base form, got 0');
  });
  it("loads(devices, {form: 'normalized'}) accepts an execTime of 0 when the column does not sum to 0", () => {
    const out = loads([devices[0]!, { capacity: 1000, remaining: 500, execTime: 0 }], { form: 'normalized' });
    expectClose(out, [0.5 + 0.5 + 1, 0.5 + 0.5 + 0]);
  });
  it('loads(devices) base form throws InputRangeError when C·R/T overflows', () => {
    expect(() => loads([{ capacity: 1e300, remaining: 1e300, execTime: 1 }])).toThrow('loads: devices[0] overflows');
    expect(() => loadsFromColumns([[1, 1e300], [1, 1e300], [1, 1]])).toThrow('loadsFromColumns: result[1] overflows');
  });
});
