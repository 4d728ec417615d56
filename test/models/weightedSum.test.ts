import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnNaming } from '../../src/models/columns.js';
import { columnSums, normalizedSum, weightedSum } from '../../src/models/weightedSum.js';

const columnsArb = fc.integer({ min: 1, max: 5 }).chain((k) =>
  fc.integer({ min: 0, max: 30 }).chain((n) =>
    fc.tuple(
      fc.array(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }), { minLength: k, maxLength: k }),
      fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: k, maxLength: k }),
    ),
  ),
);

describe('weightedSum / columnSums / normalizedSum: oracles', () => {
  it('weightedSum(cols, w, offset) equals Σ_c w_c·x_c + offset summed in column order, for k = 3 (unrolled) and other k', () => {
    fc.assert(
      fc.property(columnsArb, fc.double({ min: 0, max: 5, noNaN: true }), ([rows, w], offset) => {
        const cols = rows.map((r) => Float64Array.from(r));
        const n = cols[0]!.length;
        const got = weightedSum('f', cols, columnNaming, Float64Array.from(w), n, offset);
        for (let i = 0; i < n; i++) {
          // The unrolled k = 3 loop adds the offset last; the column loop starts from it.
          const plain = cols.length === 3 ? w[0]! * cols[0]![i]! + w[1]! * cols[1]![i]! + w[2]! * cols[2]![i]! + offset : cols.reduce((s, c, k) => s + w[k]! * c[i]!, offset);
          expect(got[i]).toBe(plain);
        }
      }),
    );
  });

  it('columnSums(cols) equals each column summed in index order', () => {
    fc.assert(
      fc.property(columnsArb, ([rows]) => {
        const cols = rows.map((r) => Float64Array.from(r));
        const got = columnSums('f', cols, columnNaming, cols[0]!.length);
        expect(Array.from(got)).toEqual(rows.map((r) => r.reduce((s, x) => s + x, 0)));
      }),
    );
  });
});

describe('weightedSum / normalizedSum: edge cases', () => {
  it('normalizedSum of a column that sums to 0 throws, naming the column', () => {
    expect(() => normalizedSum('f', [new Float64Array([0, 0])], columnNaming, 2)).toThrow(/^f: columns\[0\] sums to 0/);
  });

  it('normalizedSum of a column whose sum overflows still gives finite shares', () => {
    const out = normalizedSum('f', [new Float64Array([1e308, 1e308])], columnNaming, 2);
    expect(Array.from(out)).toEqual([0.5, 0.5]);
  });

  it('weightedSum names an overflowing result', () => {
    expect(() => weightedSum('f', [new Float64Array([1e308])], columnNaming, new Float64Array([10]), 1)).toThrow(/result\[0\] overflows/);
  });
});
