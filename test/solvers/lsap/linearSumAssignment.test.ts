import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InfeasibleError, InputRangeError, InputTypeError } from '../../../src/errors.js';
import { createRng } from '../../../src/internal/random.js';
import { linearSumAssignment, linearSumAssignmentMatrix } from '../../../src/solvers/lsap/linearSumAssignment.js';
import { deepFreeze } from '../helpers.js';

/** Brute-force optimum over all assignments of min(n, m) pairs (Infinity when none avoids a forbidden pair). */
function bruteForce(c: readonly (readonly number[])[], maximize = false): number {
  const n = c.length;
  const m = c[0]?.length ?? 0;
  const k = Math.min(n, m);
  const forbidden = maximize ? -Infinity : Infinity;
  const used = new Array<boolean>(m).fill(false);
  let best = maximize ? -Infinity : Infinity;
  const rec = (i: number, count: number, sum: number): void => {
    if (count === k) {
      if (maximize ? sum > best : sum < best) best = sum;
      return;
    }
    if (i === n) return;
    if (n - i > k - count) rec(i + 1, count, sum);
    for (let j = 0; j < m; j++) {
      const v = c[i]![j]!;
      if (used[j] || v === forbidden) continue;
      used[j] = true;
      rec(i + 1, count + 1, sum + v);
      used[j] = false;
    }
  };
  rec(0, 0, 0);
  return best;
}

/** Checks shape and injectivity, and that `cost` is the sum of the chosen entries. */
function expectValid(c: readonly (readonly number[])[], r: { assignment: number[]; cost: number }): void {
  const n = c.length;
  const m = c[0]?.length ?? 0;
  expect(r.assignment).toHaveLength(n);
  const cols = r.assignment.filter((j) => j >= 0);
  expect(cols).toHaveLength(Math.min(n, m));
  expect(new Set(cols).size).toBe(cols.length);
  const sum = r.assignment.reduce((s, j, i) => (j < 0 ? s : s + c[i]![j]!), 0);
  // The cost is the exactly rounded sum: the naive sum in row order is
  // within its rounding error, k·2^-52·Σ|terms|.
  const terms = r.assignment.reduce((s, j, i) => (j < 0 ? s : s + Math.abs(c[i]![j]!)), 0);
  expect(Math.abs(r.cost - sum)).toBeLessThanOrEqual(5e-10 + cols.length * 2 ** -52 * terms);
}

const matrixArb = (maxSize: number, withForbidden: boolean): fc.Arbitrary<number[][]> =>
  fc
    .record({ n: fc.integer({ min: 1, max: maxSize }), m: fc.integer({ min: 1, max: maxSize }) })
    .chain(({ n, m }) =>
      fc.array(
        fc.array(
          withForbidden
            ? fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -5, max: 9 }) }, { weight: 1, arbitrary: fc.constant(Infinity) })
            : fc.integer({ min: -5, max: 9 }),
          { minLength: m, maxLength: m },
        ),
        { minLength: n, maxLength: n },
      ),
    );

const transpose = (c: readonly (readonly number[])[]): number[][] =>
  (c[0] ?? []).map((_, j) => c.map((row) => row[j]!));

describe('linearSumAssignment: reference values', () => {
  it('linearSumAssignment(3×3) returns the documented optimum', () => {
    expect(linearSumAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]])).toEqual({ assignment: [1, 0, 2], cost: 5 });
    expect(linearSumAssignment([[1, Infinity], [2, 3]])).toEqual({ assignment: [0, 1], cost: 4 });
    expect(linearSumAssignmentMatrix(new Float64Array([4, 1, 3, 2, 6, 5]), 2, 3)).toEqual({ assignment: [1, 0], cost: 3 });
  });

  interface FixtureCase { name: string; maximize: boolean; cost: (number | null)[][]; optimum: number; assignment?: number[] }
  const fixture = JSON.parse(readFileSync(new URL('../../fixtures/lsap-scipy.json', import.meta.url), 'utf8')) as { cases: FixtureCase[] };
  it.each(fixture.cases.map((c) => [c.name, c] as const))('linearSumAssignment(%s) matches scipy.optimize.linear_sum_assignment', (_name, fc_) => {
    const forbidden = fc_.maximize ? -Infinity : Infinity;
    const cost = deepFreeze(fc_.cost.map((row) => row.map((v) => (v === null ? forbidden : v))));
    const r = linearSumAssignment(cost, { maximize: fc_.maximize });
    expectValid(cost, r);
    // Magnitude cases (1e-300 to 1e300): within 1e-12 of the size of the
    // terms of scipy's assignment (its sum may cancel); the 3-decimal cases: 6 digits.
    const terms = (fc_.assignment ?? []).reduce((t, j, i) => (j < 0 ? t : t + Math.abs(cost[i]![j]!)), 0);
    const tol = 5e-7 + 1e-12 * terms;
    expect(Math.abs(r.cost - fc_.optimum)).toBeLessThanOrEqual(tol);
    const flat = new Float64Array(cost.flat());
    expect(Math.abs(linearSumAssignmentMatrix(flat, cost.length, cost[0]!.length, { maximize: fc_.maximize }).cost - fc_.optimum)).toBeLessThanOrEqual(tol);
  });
});

describe('linearSumAssignment: oracles (brute force, n, m ≤ 7)', () => {
  it('linearSumAssignment(c) equals the brute-force optimum, with forbidden pairs and rectangular shapes', () => {
    fc.assert(
      fc.property(matrixArb(7, true), (c) => {
        deepFreeze(c);
        const best = bruteForce(c);
        if (best === Infinity) {
          expect(() => linearSumAssignment(c)).toThrow(InfeasibleError);
          return;
        }
        const r = linearSumAssignment(c);
        expectValid(c, r);
        expect(r.assignment.every((j, i) => j < 0 || c[i]![j] !== Infinity)).toBe(true);
        expect(r.cost).toBe(best);
      }),
    );
  });

  it('linearSumAssignment(c, {maximize: true}) equals the brute-force maximum', () => {
    fc.assert(
      fc.property(matrixArb(6, false), (c) => {
        const r = linearSumAssignment(c, { maximize: true });
        expectValid(c, r);
        expect(r.cost).toBe(bruteForce(c, true));
      }),
    );
  });

  it('linearSumAssignment on random float matrices up to 8×8 (JV initialization and padding paths) equals brute force', () => {
    const rng = createRng(11);
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(rng() * 8);
      const m = 1 + Math.floor(rng() * 8);
      const c = Array.from({ length: n }, () => Array.from({ length: m }, () => rng() * 100));
      expect(linearSumAssignment(c).cost).toBeCloseTo(bruteForce(c), 9);
    }
  });
});

describe('linearSumAssignment: properties', () => {
  it('linearSumAssignment(c).cost ≤ the cost of any random permutation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((n) =>
          fc.tuple(
            fc.array(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
            fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
          ),
        ),
        ([c, perm]) => {
          const r = linearSumAssignment(c);
          const permCost = perm.reduce((s, j, i) => s + c[i]![j]!, 0);
          expect(r.cost).toBeLessThanOrEqual(permCost + 1e-9 * (1 + Math.abs(permCost)));
        },
      ),
    );
  });

  it('linearSumAssignment(c, {maximize: true}).cost == -linearSumAssignment(-c).cost', () => {
    fc.assert(
      fc.property(matrixArb(12, false), (c) => {
        const neg = c.map((row) => row.map((v) => -v));
        expect(linearSumAssignment(c, { maximize: true }).cost).toBe(0 - linearSumAssignment(neg).cost);
      }),
    );
  });

  it('linearSumAssignment(transpose(c)).cost == linearSumAssignment(c).cost', () => {
    fc.assert(
      fc.property(matrixArb(15, true), (c) => {
        let a: number;
        try {
          a = linearSumAssignment(c).cost;
        } catch (e) {
          expect(e).toBeInstanceOf(InfeasibleError);
          expect(() => linearSumAssignment(transpose(c))).toThrow(InfeasibleError);
          return;
        }
        expect(linearSumAssignment(transpose(c)).cost).toBe(a);
      }),
    );
  });

  it('linearSumAssignment is deterministic and does not mutate its input', () => {
    const rng = createRng(3);
    const c = deepFreeze(Array.from({ length: 30 }, () => Array.from({ length: 30 }, () => Math.floor(rng() * 4))));
    expect(linearSumAssignment(c)).toEqual(linearSumAssignment(c));
    const flat = new Float64Array(c.flat());
    const copy = flat.slice();
    linearSumAssignmentMatrix(flat, 30, 30);
    expect(flat).toEqual(copy);
  });

  it('linearSumAssignment on a 300×300 random matrix is optimal by its own dual certificate (cost ≤ 200 random permutations)', () => {
    const rng = createRng(5);
    const n = 300;
    const c = Array.from({ length: n }, () => Array.from({ length: n }, () => rng()));
    const r = linearSumAssignment(c);
    expectValid(c, r);
    for (let t = 0; t < 200; t++) {
      const perm = [...Array(n).keys()].sort(() => rng() - 0.5);
      expect(r.cost).toBeLessThanOrEqual(perm.reduce((s, j, i) => s + c[i]![j]!, 0));
    }
  });
  it('linearSumAssignment on 300×300 matrices (sparse path, column minima from the input pass) equals the dense optimum (wide extension), the matrix form and the maximized negation; a forbidden-pair variant is valid', () => {
    const rng = createRng(6);
    const n = 300;
    for (const kind of ['float', 'int3', 'negative'] as const) {
      const c = Array.from({ length: n }, () =>
        Array.from({ length: n }, () => (kind === 'float' ? rng() : kind === 'int3' ? Math.floor(rng() * 3) : Math.floor(rng() * 1000) - 500)),
      );
      const r = linearSumAssignment(c);
      expectValid(c, r);
      // Oracle: the dense kernel, through a wide extension (padded, never sparse).
      expect(linearSumAssignment(c.map((row) => [...row, 1e6])).cost).toBeCloseTo(r.cost, 9);
      // The matrix form computes its column minima in its own validation pass.
      const flat = Float64Array.from(c.flat());
      expect(linearSumAssignmentMatrix(flat, n, n).cost).toBeCloseTo(r.cost, 9);
      // Maximize and forbidden pairs solve a working copy (no minima handed in).
      expect(linearSumAssignment(c.map((row) => row.map((x) => -x)), { maximize: true }).cost).toBeCloseTo(-r.cost, 9);
      const withForbidden = c.map((row, i) => row.map((x, j) => (j === (r.assignment[i]! + 1) % n ? Infinity : x)));
      const f = linearSumAssignment(withForbidden);
      expectValid(withForbidden, f);
      expect(f.cost).toBeGreaterThanOrEqual(r.cost - 1e-9);
    }
  });
});

describe('linearSumAssignment: edge cases', () => {
  it('linearSumAssignment([]) is empty with cost 0; rows without columns are left out', () => {
    expect(linearSumAssignment([])).toEqual({ assignment: [], cost: 0 });
    expect(linearSumAssignment([[], []])).toEqual({ assignment: [-1, -1], cost: 0 });
    expect(linearSumAssignmentMatrix(new Float64Array(0), 0, 5)).toEqual({ assignment: [], cost: 0 });
  });

  it('linearSumAssignment(1×1) and a single row of a wide matrix pick the minimum (lowest index on ties)', () => {
    expect(linearSumAssignment([[7]])).toEqual({ assignment: [0], cost: 7 });
    expect(linearSumAssignment([[3, 1, 2]]).assignment).toEqual([1]);
    expect(linearSumAssignment([[3], [1], [2]]).assignment).toEqual([-1, 0, -1]);
  });

  it('linearSumAssignment with more rows than columns leaves out rows (-1)', () => {
    const r = linearSumAssignment([[1, 9], [9, 1], [0, 0]]);
    expect(r.cost).toBe(1);
    expect(r.assignment.filter((j) => j === -1)).toHaveLength(1);
  });

  it('linearSumAssignment throws InfeasibleError when a complete assignment needs a forbidden pair', () => {
    expect(() => linearSumAssignment([[1, Infinity], [2, Infinity]])).toThrow(InfeasibleError);
    expect(() => linearSumAssignment([[1, Infinity], [2, Infinity]])).toThrow('rows 0, 1 have finite entries only in column 0 (2 rows, 1 column)');
    expect(() => linearSumAssignment([[1, 1], [Infinity, Infinity], [Infinity, Infinity]])).toThrow('columns 0, 1 have finite entries only in row 0 (2 columns, 1 row)');
    expect(() => linearSumAssignment([[Infinity]])).toThrow(/linearSumAssignment: cost has no allowed pair/);
    expect(() => linearSumAssignment([[-Infinity, 1], [2, -Infinity]], { maximize: true }).cost).not.toThrow();
    expect(() => linearSumAssignment([[-Infinity, 1], [-Infinity, 2]], { maximize: true })).toThrow(InfeasibleError);
  });

  it('linearSumAssignment handles huge and tiny magnitudes', () => {
    expect(linearSumAssignment([[1e12, 2e12], [3e12, 1e12]]).cost).toBe(2e12);
    expect(linearSumAssignment([[1e-12, 2e-12], [3e-12, 1e-12]]).assignment).toEqual([0, 1]);
    expect(linearSumAssignment([[1e-9, Infinity], [Infinity, 1e9]]).assignment).toEqual([0, 1]);
  });

  it('linearSumAssignment rejects NaN, the wrong infinity, ragged rows, non-numbers and unknown options', () => {
    expect(() => linearSumAssignment([[1, NaN]])).toThrow('linearSumAssignment: cost[0][1] must be a finite number or Infinity (forbidden), got NaN');
    expect(() => linearSumAssignment([[1, -Infinity]])).toThrow(InputRangeError);
    expect(() => linearSumAssignment([[1, Infinity]], { maximize: true })).toThrow(InputRangeError);
    expect(() => linearSumAssignment([[1, 2], [3]])).toThrow('linearSumAssignment: cost[1] must be an array of length 2 (as cost[0]), got an array of length 1');
    expect(() => linearSumAssignment([[1, '2' as unknown as number]])).toThrow(InputTypeError);
    expect(() => linearSumAssignment('x' as unknown as number[][])).toThrow(InputTypeError);
    expect(() => linearSumAssignment([[1]], { maximise: true } as never)).toThrow(/options.maximise is not a known option/);
    expect(() => linearSumAssignment([[1e308, 1e308], [1e308, 1e308]])).toThrow(InputRangeError);
    expect(() => linearSumAssignment([[1e308, 1e308], [1e308, 1e308]])).toThrow('linearSumAssignment: cost has an optimal total that overflows a double (|cost| up to 1e+308)');
    expect(() => linearSumAssignment([[1]], { costLimit: Infinity })).toThrow('linearSumAssignment: options.costLimit must be a finite number, got Infinity');
    expect(() => linearSumAssignmentMatrix([1, 2] as unknown as Float64Array, 1, 2)).toThrow(InputTypeError);
    expect(() => linearSumAssignmentMatrix(new Float64Array(3), 2, 2)).toThrow('linearSumAssignmentMatrix: data.length must be rows * cols = 4, got 3');
  });
});

describe('linearSumAssignment: forbidden pairs and magnitudes (issue 11)', () => {
  it('linearSumAssignment([[Infinity, 1e17]]) costs 1e17 and [[0, 8e307], [8e307, 0]] costs 0 (scipy agrees: fixture)', () => {
    expect(linearSumAssignment([[Infinity, 1e17]])).toEqual({ assignment: [1], cost: 1e17 });
    expect(linearSumAssignment([[0, 8e307], [8e307, 0]])).toEqual({ assignment: [0, 1], cost: 0 });
    expect(linearSumAssignment([[-Infinity, -1e300], [-1e300, 1e-300]], { maximize: true })).toEqual({ assignment: [1, 0], cost: -2e300 });
    expect(linearSumAssignment([[1e308, -1e308], [1e308, 1e308]]).cost).toBe(0);
  });

  it('linearSumAssignment on matrices with entries ±10^e, e in [-300, 300] (scaled near overflow), forbidden pairs, equals brute force within 1e-12 of the terms', () => {
    const magnitude = fc.tuple(fc.double({ min: -300, max: 307.5, noNaN: true }), fc.boolean(), fc.integer({ min: 0, max: 4 }))
      .map(([e, neg, f]) => (f === 0 ? Infinity : (neg ? -1 : 1) * 10 ** e));
    fc.assert(
      fc.property(
        fc.record({ n: fc.integer({ min: 1, max: 6 }), m: fc.integer({ min: 1, max: 6 }) }).chain(({ n, m }) =>
          fc.array(fc.array(magnitude, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        ),
        (c) => {
          const best = bruteForce(c);
          let r;
          try {
            r = linearSumAssignment(c);
          } catch (e) {
            // Refused only when infeasible (proved) or when the optimum overflows.
            if (best === Infinity) expect(e).toBeInstanceOf(InfeasibleError);
            else {
              expect(e).toBeInstanceOf(InputRangeError);
              expect(Math.abs(best)).toBeGreaterThan(1e308);
            }
            return;
          }
          expect(r.assignment.every((j, i) => j < 0 || c[i]![j] !== Infinity)).toBe(true);
          const terms = r.assignment.reduce((t, j, i) => (j < 0 ? t : t + Math.abs(c[i]![j]!)), 0);
          expect(Math.abs(r.cost - best)).toBeLessThanOrEqual(1e-12 * terms);
        },
      ),
    );
  });
});

/**
 * Brute-force optimum of the cost-limit objective: over every matching (any
 * size) avoiding forbidden pairs, min Σ matched (c − L) (max Σ (c − L) when
 * maximizing); lapjv's Σ matched + (L/2)·(unmatched rows + columns) differs by
 * a constant.
 */
function bruteLimit(c: readonly (readonly number[])[], L: number, maximize: boolean): number {
  const n = c.length;
  const m = c[0]?.length ?? 0;
  const used = new Array<boolean>(m).fill(false);
  const s = maximize ? -1 : 1;
  const rec = (i: number): number => {
    if (i === n) return 0;
    let best = rec(i + 1);
    for (let j = 0; j < m; j++) {
      const v = c[i]![j]!;
      if (used[j] || !Number.isFinite(v)) continue;
      used[j] = true;
      best = Math.min(best, s * (v - L) + rec(i + 1));
      used[j] = false;
    }
    return best;
  };
  return s * rec(0) + 0; // never -0
}

describe('linearSumAssignment(cost, {costLimit}): oracles and properties', () => {
  it('linearSumAssignment(c, {costLimit: L}) reaches the brute-force optimum of Σ matched (c − L), lists the unmatched rows and columns, never matches a pair dearer than L (also maximizing)', () => {
    fc.assert(
      fc.property(matrixArb(6, true), fc.integer({ min: -6, max: 12 }), fc.boolean(), (c, L, maximize) => {
        const cm = maximize ? c.map((row) => row.map((v) => (v === Infinity ? -Infinity : v))) : c;
        deepFreeze(cm);
        const r = linearSumAssignment(cm, { costLimit: L, maximize });
        const pairs = r.assignment.flatMap((j, i) => (j < 0 ? [] : [[i, j] as const]));
        expect(new Set(pairs.map(([, j]) => j)).size).toBe(pairs.length);
        expect(r.cost).toBe(pairs.reduce((t, [i, j]) => t + cm[i]![j]!, 0));
        expect(r.cost - L * pairs.length + 0).toBe(bruteLimit(cm, L, maximize));
        for (const [i, j] of pairs) {
          expect(Number.isFinite(cm[i]![j]!)).toBe(true);
          if (maximize) expect(cm[i]![j]!).toBeGreaterThanOrEqual(L);
          else expect(cm[i]![j]!).toBeLessThanOrEqual(L);
        }
        expect(r.unmatchedRows).toEqual(r.assignment.flatMap((j, i) => (j < 0 ? [i] : [])));
        const usedCols = new Set(pairs.map(([, j]) => j));
        expect(r.unmatchedColumns).toEqual([...Array(cm[0]!.length).keys()].filter((j) => !usedCols.has(j)));
      }),
    );
  });

  it('linearSumAssignment(c, {costLimit: above every entry}) equals the plain optimum when one exists', () => {
    fc.assert(
      fc.property(matrixArb(7, true), (c) => {
        const best = bruteForce(c);
        const r = linearSumAssignment(c, { costLimit: 1000 });
        if (best === Infinity) expect(r.assignment.filter((j) => j >= 0).length).toBeLessThan(Math.min(c.length, c[0]!.length));
        else expect(r.cost).toBe(best);
      }),
    );
  });

  it('linearSumAssignment([[1, 9], [9, 8]], {costLimit: 6}) leaves row 1 and column 1 unmatched (documented example)', () => {
    expect(linearSumAssignment([[1, 9], [9, 8]], { costLimit: 6 })).toEqual({ assignment: [0, -1], cost: 1, unmatchedRows: [1], unmatchedColumns: [1] });
    expect(linearSumAssignment([[Infinity, Infinity]], { costLimit: 6 })).toEqual({ assignment: [-1], cost: 0, unmatchedRows: [0], unmatchedColumns: [0, 1] });
    expect(linearSumAssignment([], { costLimit: 1 })).toEqual({ assignment: [], cost: 0, unmatchedRows: [], unmatchedColumns: [] });
  });
});

/** An exact rational a·2^e of a finite double: its integer significand and exponent, found by doubling (independent of the library's bit reading). */
function dyadic(x: number): { m: bigint; e: number } {
  let y = x;
  let e = 0;
  while (!Number.isInteger(y)) {
    y *= 2;
    e--;
  }
  return { m: BigInt(y), e };
}

/** Brute force in exact arithmetic: the minimum Σ over assignments of min(n, m) pairs, as an exact sum in units of 2^-unit, with the set of optimal assignments. */
function exactBruteForce(c: readonly (readonly number[])[]): { best: bigint; unit: number; optimal: string[] } | undefined {
  const n = c.length;
  const m = c[0]!.length;
  const k = Math.min(n, m);
  const unit = Math.min(0, ...c.flat().filter(Number.isFinite).map((x) => dyadic(x).e));
  const at = (x: number): bigint => {
    const d = dyadic(x);
    return d.m << BigInt(d.e - unit);
  };
  let best: bigint | undefined;
  let optimal: string[] = [];
  const used = new Array<boolean>(m).fill(false);
  const pick: number[] = [];
  const rec = (i: number, count: number, sum: bigint): void => {
    if (count === k) {
      const key = JSON.stringify([...pick, ...new Array<number>(n - pick.length).fill(-1)]);
      if (best === undefined || sum < best) [best, optimal] = [sum, [key]];
      else if (sum === best) optimal.push(key);
      return;
    }
    if (n - i > k - count) {
      pick.push(-1);
      rec(i + 1, count, sum);
      pick.pop();
    }
    for (let j = 0; j < m; j++) {
      const v = c[i]![j]!;
      if (used[j] || v === Infinity) continue;
      used[j] = true;
      pick.push(j);
      rec(i + 1, count + 1, sum + at(v));
      pick.pop();
      used[j] = false;
    }
  };
  rec(0, 0, 0n);
  return best === undefined ? undefined : { best, unit, optimal };
}

describe('linearSumAssignment: exact across the full range of magnitudes', () => {
  const I = Infinity;
  it('linearSumAssignment([[1, I, 1, I], [-1, I, 1, I], [-2e16, I, I, 1]]) is { assignment: [2, 0, 3], cost: 1 } (double rounding gave [0, 2, 3], cost 3)', () => {
    const c = deepFreeze([[1, I, 1, I], [-1, I, 1, I], [-2e16, I, I, 1]]);
    expect(exactBruteForce(c)?.optimal).toEqual(['[2,0,3]']);
    expect(linearSumAssignment(c)).toEqual({ assignment: [2, 0, 3], cost: 1 });
    expect(linearSumAssignmentMatrix(new Float64Array(c.flat()), 3, 4)).toEqual({ assignment: [2, 0, 3], cost: 1 });
  });

  it('linearSumAssignment on the transpose (4×3) is { assignment: [1, -1, 0, 2], cost: 1 }', () => {
    const c = deepFreeze([[1, -1, -2e16], [I, I, I], [1, 1, I], [I, I, 1]]);
    expect(linearSumAssignment(c)).toEqual({ assignment: [1, -1, 0, 2], cost: 1 });
  });

  it('linearSumAssignment on the FC_SEED=669041633 counterexample of the ±10^e property is the exact optimum', () => {
    const c = deepFreeze([[1, I, 1, I], [-1, I, 1, I], [-18106174530269576, I, I, 1]]);
    const ref = exactBruteForce(c)!;
    const r = linearSumAssignment(c);
    expect(ref.optimal).toContain(JSON.stringify(r.assignment));
    expect(r.cost).toBe(1);
  });

  it('linearSumAssignment(c) with entries ±2^k, k in [-60, 60], forbidden pairs, n, m ≤ 6, is an exactly optimal assignment with the exactly rounded cost (also maximizing -c)', () => {
    const entry = fc.oneof(
      { weight: 6, arbitrary: fc.record({ s: fc.constantFrom(-1, 1), k: fc.integer({ min: -60, max: 60 }), t: fc.integer({ min: 0, max: 3 }) }).map(({ s, k, t }) => s * (1 + t / 4) * 2 ** k) },
      { weight: 1, arbitrary: fc.constant(Infinity) },
    );
    const arb = fc.record({ n: fc.integer({ min: 1, max: 6 }), m: fc.integer({ min: 1, max: 6 }) }).chain(({ n, m }) => fc.array(fc.array(entry, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(arb, (c) => {
        deepFreeze(c);
        const ref = exactBruteForce(c);
        if (ref === undefined) {
          expect(() => linearSumAssignment(c)).toThrow(InfeasibleError);
          return;
        }
        // The exact optimum rounded once: |best| < 2^53 · 2^unit · 6 · 1.75 fits; Number() rounds to nearest, ×2^unit is exact here.
        const cost = Number(ref.best) * 2 ** ref.unit;
        const r = linearSumAssignment(c);
        expect(ref.optimal).toContain(JSON.stringify(r.assignment));
        expect(r.cost).toBe(cost + 0);
        const neg = c.map((row) => row.map((v) => -v));
        const rm = linearSumAssignment(neg, { maximize: true });
        expect(ref.optimal).toContain(JSON.stringify(rm.assignment));
        expect(rm.cost).toBe(-cost + 0);
      }),
      { numRuns: 300 },
    );
  });

  it('linearSumAssignment(c).cost is the exactly rounded sum: [[1e16, I, I], [I, 1, I], [I, I, 1]] costs 1e16 + 2 (the row-order sum rounds to 1e16)', () => {
    expect(linearSumAssignment([[1e16, I, I], [I, 1, I], [I, I, 1]])).toEqual({ assignment: [0, 1, 2], cost: 10000000000000002 });
  });

  it('linearSumAssignment on a 520×521 matrix around the counterexample (k²K > 2^27, past the BigInt solve) returns a valid assignment of all 520 rows, no error', () => {
    const c = Array.from({ length: 520 }, (_, i) => Array.from({ length: 521 }, (_, j) => (i >= 3 && j === i + 1 ? 0 : I)));
    [[1, I, 1, I], [-1, I, 1, I], [-2e16, I, I, 1]].forEach((row, i) => row.forEach((v, j) => (c[i]![j] = v)));
    deepFreeze(c);
    const r = linearSumAssignment(c);
    expect(new Set(r.assignment).size).toBe(520);
    expect(r.assignment.every((j, i) => j >= 0 && c[i]![j]! < I)).toBe(true);
  });

  it('linearSumAssignment keeps the double-precision optimum on ordinary fractional data (span ≤ 2^26): a 120×120 matrix of two-decimal costs is solved in place of an exact check, with a valid assignment whose total is within rounding of the dual bound', () => {
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const c = Array.from({ length: 120 }, () => Array.from({ length: 120 }, () => Math.round(rnd() * 99 + 1) / 100));
    const r = linearSumAssignment(deepFreeze(c));
    expect(new Set(r.assignment).size).toBe(120);
    const total = r.assignment.reduce((s, j, i) => s + c[i]![j]!, 0);
    expect(Math.abs(total - r.cost)).toBeLessThan(1e-12);
  });
});
