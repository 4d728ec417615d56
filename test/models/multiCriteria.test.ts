import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../arbitraries.js';
import {
  InputRangeError,
  InputTypeError,
  loads,
  multiCriteriaScores,
  multiCriteriaScoresOf,
  workedExample,
  type CriterionDirection,
  type Normalization,
} from '../../src/index.js';

const NORMS: readonly Normalization[] = ['sum', 'max', 'min-max', 'vector'];
const devices = workedExample.devices;
const deviceCols = [devices.map((d) => d.capacity), devices.map((d) => d.remaining), devices.map((d) => d.execTime)];
const BBC: CriterionDirection[] = ['benefit', 'benefit', 'cost'];

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected[i]!)));
}


/** Naive reference: the table in the TSDoc, formula by formula, no scaling. */
function naive(cols: readonly (readonly number[])[], norm: Normalization, dirs: readonly CriterionDirection[], w: readonly number[]): number[] {
  const n = cols[0]?.length ?? 0;
  const out = new Array<number>(n).fill(0);
  cols.forEach((x, c) => {
    const cost = dirs[c] === 'cost';
    const S = x.reduce((a, b) => a + b, 0);
    const M = Math.max(...x);
    const m = Math.min(...x);
    const N = Math.sqrt(x.reduce((a, b) => a + b * b, 0));
    x.forEach((v, i) => {
      let r: number;
      if (norm === 'min-max') r = M === m ? 0 : cost ? (M - v) / (M - m) : (v - m) / (M - m);
      else if (M === 0) r = cost ? (norm === 'sum' ? 1 / n : 1) : 0;
      else if (norm === 'sum') r = cost ? (n === 1 ? 1 : (S - v) / ((n - 1) * S)) : v / S;
      else if (norm === 'max') r = cost ? 1 - v / M : v / M;
      else r = cost ? 1 - v / N : v / N;
      out[i] = out[i]! + w[c]! * r;
    });
  });
  return out;
}

const value = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e3, noNaN: true }));
const problemArb = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 5 }))
  .chain(([n, k]) =>
    fc.record({
      cols: fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: k, maxLength: k }),
      norm: fc.constantFrom(...NORMS),
      dirs: fc.array(fc.constantFrom<CriterionDirection>('benefit', 'cost'), { minLength: k, maxLength: k }),
      w: fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: k, maxLength: k }),
    }),
  );

describe('multiCriteriaScores: reference values (worked example devices, execTime as a cost)', () => {
  it("normalization 'sum' gives C/7500 + R/4300 + (140 − T)/(3·140)", () => {
    const expected = devices.map((d) => d.capacity / 7500 + d.remaining / 4300 + (140 - d.execTime) / 420);
    expectClose(multiCriteriaScores(deviceCols, { directions: BBC }), expected);
  });
  it("normalization 'max' gives C/3000 + R/2000 + 1 − T/50 (the TSDoc example: 1.1833, 1.3, 1.3667, 2)", () => {
    const expected = devices.map((d) => d.capacity / 3000 + d.remaining / 2000 + 1 - d.execTime / 50);
    expectClose(multiCriteriaScores(deviceCols, { normalization: 'max', directions: BBC }), expected);
    expectClose(multiCriteriaScoresOf(devices, ['capacity', 'remaining', 'execTime'], { normalization: 'max', directions: BBC }), [71 / 60, 1.3, 82 / 60, 2]);
  });
  it("normalization 'min-max' gives (C − 1000)/2000 + (R − 500)/1500 + (50 − T)/30 (the TSDoc example)", () => {
    const out = multiCriteriaScores(deviceCols, { normalization: 'min-max', directions: BBC });
    expectClose(out, devices.map((d) => (d.capacity - 1000) / 2000 + (d.remaining - 500) / 1500 + (50 - d.execTime) / 30));
    expectClose(out, [1, 1 + 7 / 60, 1 + 1 / 6, 2]);
  });
  it("normalization 'vector' gives C/‖C‖ + R/‖R‖ + 1 − T/‖T‖", () => {
    const [nc, nr, nt] = [Math.sqrt(16.25e6), Math.sqrt(5.89e6), Math.sqrt(5400)];
    const expected = devices.map((d) => d.capacity / nc + d.remaining / nr + 1 - d.execTime / nt);
    expectClose(multiCriteriaScores(deviceCols, { normalization: 'vector', directions: BBC }), expected);
  });
  it('every normalization ranks the cloud first and device 1 last once execTime is a cost: 4 > 3 > 2 > 1', () => {
    for (const normalization of NORMS) {
      const s = multiCriteriaScores(deviceCols, { normalization, directions: BBC });
      expect([0, 1, 2, 3].sort((a, b) => s[b]! - s[a]!)).toEqual([3, 2, 1, 0]);
    }
  });
  it("normalization 'sum' with every criterion a benefit is the seed's normalized load", () => {
    expectClose(multiCriteriaScores(deviceCols), loads(devices, { form: 'normalized' }));
  });
});

describe('multiCriteriaScores: oracle (naive formulas)', () => {
  it('multiCriteriaScores(columns, options) equals the naive table formulas', () => {
    fc.assert(
      fc.property(problemArb, ({ cols, norm, dirs, w }) => {
        expectClose(multiCriteriaScores(cols, { normalization: norm, directions: dirs, weights: w }), naive(cols, norm, dirs, w), 1e-12);
      }),
    );
  });
});

describe('multiCriteriaScores: properties', () => {
  it('multiCriteriaScores gives every score in [0, Σ weights] (up to rounding) for every normalization and direction', () => {
    fc.assert(
      fc.property(problemArb, ({ cols, norm, dirs, w }) => {
        const total = w.reduce((a, b) => a + b, 0);
        for (const s of multiCriteriaScores(cols, { normalization: norm, directions: dirs, weights: w })) {
          const tol = 1e-12 * total + 1e-300; // rounding, also of subnormal weights
          expect(s).toBeGreaterThanOrEqual(-tol);
          expect(s).toBeLessThanOrEqual(total + tol);
        }
      }),
    );
  });
  it('multiCriteriaScores is invariant to scaling one column by k > 0', () => {
    fc.assert(
      fc.property(problemArb, fc.double({ min: 1e-6, max: 1e6, noNaN: true }), ({ cols, norm, dirs, w }, k) => {
        const scaled = cols.map((c, j) => (j === 0 ? c.map((v) => v * k) : c));
        const o = { normalization: norm, directions: dirs, weights: w };
        expectClose(multiCriteriaScores(scaled, o), multiCriteriaScores(cols, o), 1e-12);
      }),
    );
  });
  it('multiCriteriaScores is permutation equivariant', () => {
    const arb = problemArb.chain((p) =>
      fc.tuple(fc.constant(p), fc.shuffledSubarray([...p.cols[0]!.keys()], { minLength: p.cols[0]!.length, maxLength: p.cols[0]!.length })),
    );
    fc.assert(
      fc.property(arb, ([{ cols, norm, dirs, w }, perm]) => {
        const o = { normalization: norm, directions: dirs, weights: w };
        const all = multiCriteriaScores(cols, o);
        expectClose(multiCriteriaScores(cols.map((c) => perm.map((i) => c[i]!)), o), perm.map((i) => all[i]!), 1e-12);
      }),
    );
  });
  it("an item's score never falls when one of its benefits rises, never rises when one of its costs rises", () => {
    fc.assert(
      fc.property(problemArb, fc.nat(), fc.double({ min: 0, max: 1e3, noNaN: true }), ({ cols, norm, dirs, w }, pick, d) => {
        const n = cols[0]!.length;
        const i = pick % n;
        const o = { normalization: norm, directions: dirs, weights: w };
        const before = multiCriteriaScores(cols, o)[i]!;
        const after = multiCriteriaScores(cols.map((c, j) => (j === 0 ? c.map((v, t) => (t === i ? v + d : v)) : c)), o)[i]!;
        if (dirs[0] === 'benefit') expect(after).toBeGreaterThanOrEqual(before - 1e-12);
        else expect(after).toBeLessThanOrEqual(before + 1e-12);
      }),
    );
  });
  it("a cost column scores 1 − its benefit score under 'max', 'min-max' and 'vector', and (1 − r)/(n − 1) under 'sum'", () => {
    const col = fc.array(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(col, fc.constantFrom(...NORMS), (x, normalization) => {
        const b = multiCriteriaScores([x], { normalization });
        const c = multiCriteriaScores([x], { normalization, directions: ['cost'] });
        const nonDegenerate = Math.max(...x) > Math.min(...x) || normalization !== 'min-max';
        fc.pre(nonDegenerate);
        const expected = [...b].map((r) => (normalization === 'sum' ? (1 - r) / (x.length - 1) : 1 - r));
        expectClose(c, expected, 1e-12);
      }),
    );
  });
  it('multiCriteriaScoresOf(items, three keys, options) (two passes over the objects) equals multiCriteriaScores on the columns double for double, zeros, ties and extreme magnitudes included', () => {
    // 1e-150 and 1e150 push a column sum outside [1e-140, 1e140] (the rescaled column path); equal values give ties for min-max.
    const entry = fc.oneof(fc.constant(0), fc.constant(7), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.constantFrom(1e-150, 1e150, 1e300));
    const arb = fc.integer({ min: 1, max: 10 }).chain((n) =>
      fc.record({
        rows: fc.array(fc.tuple(entry, entry, entry), { minLength: n, maxLength: n }),
        norm: fc.constantFrom(...NORMS),
        dirs: fc.array(fc.constantFrom<CriterionDirection>('benefit', 'cost'), { minLength: 3, maxLength: 3 }),
        w: fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ rows, norm, dirs, w }) => {
        const items = rows.map(([a, b, c]) => ({ a, b, c }));
        const o = { normalization: norm, directions: dirs, weights: w };
        const expected = multiCriteriaScores([rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])], o);
        const actual = multiCriteriaScoresOf(items, ['a', 'b', 'c'], o);
        expect(actual.length).toBe(expected.length);
        for (let i = 0; i < expected.length; i++) expect(Object.is(actual[i], expected[i]), `item ${i}: ${actual[i]} vs ${expected[i]}`).toBe(true);
      }),
    );
  });

  it('multiCriteriaScoresOf(items, keys, options) equals multiCriteriaScores on the extracted columns, and never mutates', () => {
    fc.assert(
      fc.property(problemArb, ({ cols, norm, dirs, w }) => {
        const keys = cols.map((_, c) => `k${c}`);
        const items = deepFreeze(cols[0]!.map((_, i) => Object.fromEntries(keys.map((key, c) => [key, cols[c]![i]!]))));
        const frozenCols = deepFreeze(cols.map((c) => [...c]));
        const o = deepFreeze({ normalization: norm, directions: [...dirs], weights: [...w] });
        expect(multiCriteriaScoresOf(items, keys, o)).toEqual(multiCriteriaScores(frozenCols, o));
        expect(frozenCols).toEqual(cols);
      }),
    );
  });
});

describe('multiCriteriaScores: edge cases', () => {
  it('multiCriteriaScores([]) and on empty columns return an empty Float64Array', () => {
    expect(multiCriteriaScores([])).toEqual(new Float64Array(0));
    for (const normalization of NORMS) expect(multiCriteriaScores([[], []], { normalization, directions: ['benefit', 'cost'] })).toEqual(new Float64Array(0));
  });
  it('multiCriteriaScores on a single item: 1 per criterion, except min-max (0: nothing to tell apart)', () => {
    const o = { directions: ['benefit', 'cost'] as CriterionDirection[] };
    expect(multiCriteriaScores([[5], [7]], o)).toEqual(Float64Array.of(2));
    expect(multiCriteriaScores([[5], [7]], { ...o, normalization: 'max' })).toEqual(Float64Array.of(1));
    expect(multiCriteriaScores([[5], [7]], { ...o, normalization: 'vector' })).toEqual(Float64Array.of(1));
    expect(multiCriteriaScores([[5], [7]], { ...o, normalization: 'min-max' })).toEqual(Float64Array.of(0));
  });
  it('an all-zero column scores benefit 0 and cost 1 (1/n under sum), never NaN', () => {
    const zero = [[0, 0, 0, 0]];
    expect(multiCriteriaScores(zero)).toEqual(new Float64Array(4));
    expect(multiCriteriaScores(zero, { directions: ['cost'] })).toEqual(new Float64Array(4).fill(0.25));
    for (const normalization of ['max', 'vector'] as const) {
      expect(multiCriteriaScores(zero, { normalization })).toEqual(new Float64Array(4));
      expect(multiCriteriaScores(zero, { normalization, directions: ['cost'] })).toEqual(new Float64Array(4).fill(1));
    }
  });
  it("'min-max' keeps full precision when the minimum dwarfs the range (1e12 + 1, 4, 7)", () => {
    const x = [1e12 + 1, 1e12 + 4, 1e12 + 7];
    expectClose(multiCriteriaScores([x], { normalization: 'min-max' }), [0, 0.5, 1], 1e-15);
    expectClose(multiCriteriaScores([x], { normalization: 'min-max', directions: ['cost'] }), [1, 0.5, 0], 1e-15);
  });
  it("an all-equal column contributes 0 under 'min-max' in both directions", () => {
    expect(multiCriteriaScores([[3, 3, 3], [1, 2, 3]], { normalization: 'min-max', directions: ['cost', 'benefit'] })).toEqual(Float64Array.of(0, 0.5, 1));
  });
  it('multiCriteriaScores is finite and scale-free for magnitudes 1e-300, 1e300, subnormal and near the double maximum', () => {
    for (const normalization of NORMS) {
      const o = { normalization, directions: BBC };
      const ref = multiCriteriaScores(deviceCols, o);
      for (const m of [1e-300, 1e300, 1e-318, 1.7e308 / 3000]) {
        const out = multiCriteriaScores(deviceCols.map((c) => c.map((v) => v * m)), o);
        expect(out.every(Number.isFinite)).toBe(true);
        expectClose(out, ref, m < 1e-300 ? 1e-5 : 1e-12); // subnormal inputs keep only ~22 significant bits
      }
    }
  });
  it('multiCriteriaScores names the column and index of a bad entry', () => {
    expect(() => multiCriteriaScores([[1, 2], [3, NaN]])).toThrow('multiCriteriaScores: columns[1][1] must be a finite number, got NaN');
    expect(() => multiCriteriaScores([[1, -2]])).toThrow(InputRangeError);
    expect(() => multiCriteriaScores([[1, Infinity]])).toThrow('columns[0][1] must be a finite number, got Infinity');
    expect(() => multiCriteriaScores([[1, 2], [1]])).toThrow(InputTypeError);
    for (const normalization of NORMS) {
      expect(() => multiCriteriaScores([Float64Array.of(1, 2), Float64Array.of(1, -3)], { normalization })).toThrow('multiCriteriaScores: columns[1][1] must be a finite number >= 0, got -3');
      expect(() => multiCriteriaScores([Float64Array.of(Infinity, 2)], { normalization })).toThrow('columns[0][0] must be a finite number, got Infinity');
    }
  });
  it('multiCriteriaScoresOf names the item and key of a bad or missing criterion', () => {
    expect(() => multiCriteriaScoresOf([{ a: 1 }, { a: -1 }], ['a'])).toThrow('multiCriteriaScoresOf: items[1].a must be a finite number >= 0, got -1');
    expect(() => multiCriteriaScoresOf([{ a: 1 }, {} as never], ['a'])).toThrow('multiCriteriaScoresOf: items[1].a must be a finite number, got undefined');
    expect(() => multiCriteriaScoresOf([null as never], ['a'])).toThrow('items[0] must be an object, got null');
    // Three keys (one read site per key): still the first bad value item by item, then key by key.
    expect(() => multiCriteriaScoresOf([{ a: 1, b: 1, c: -1 }, { a: -1, b: 1, c: 1 }], ['a', 'b', 'c'])).toThrow('multiCriteriaScoresOf: items[0].c must be a finite number >= 0, got -1');
    expect(() => multiCriteriaScoresOf([{ a: 1, b: 1, c: 1 }, [] as never, { a: NaN, b: 1, c: 1 }], ['a', 'b', 'c'])).toThrow('multiCriteriaScoresOf: items[1] must be an object, got');
    expect(() => multiCriteriaScoresOf([{ a: 1, b: 'x' as never, c: 1 }], ['a', 'b', 'c'])).toThrow('multiCriteriaScoresOf: items[0].b must be a finite number, got "x"');
    expect(() => multiCriteriaScoresOf([{ a: 1 }], [1 as never])).toThrow('keys[0] must be a string, got 1');
  });
  it('multiCriteriaScores rejects bad options: unknown keys, normalizations, directions and weights', () => {
    expect(() => multiCriteriaScores([[1]], { normalisation: 'max' } as never)).toThrow('multiCriteriaScores: options.normalisation is not a known option');
    expect(() => multiCriteriaScores([[1]], { normalization: 'l2' } as never)).toThrow("options.normalization must be one of 'sum', 'max', 'min-max', 'vector'");
    expect(() => multiCriteriaScores([[1]], { directions: ['benefit', 'cost'] })).toThrow('options.directions must be an array of length 1');
    expect(() => multiCriteriaScores([[1]], { directions: ['gain'] as never })).toThrow("options.directions[0] must be one of 'benefit', 'cost'");
    expect(() => multiCriteriaScores([[1]], { weights: [1, 2] })).toThrow('options.weights must be an array of length 1');
    expect(() => multiCriteriaScores([[1]], { weights: [-1] })).toThrow('options.weights[0] must be a finite number >= 0, got -1');
    expect(() => multiCriteriaScores([[1]], { weights: [NaN] })).toThrow(InputRangeError);
  });
});
