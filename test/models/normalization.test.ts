import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnNaming } from '../../src/models/columns.js';
import { affine, columnSumsAndSquares, type Normalization } from '../../src/models/normalization.js';

/** Each normalization written directly from its definition. */
function direct(col: readonly number[], normalization: Normalization, cost: boolean): number[] {
  const n = col.length;
  const sum = col.reduce((s, x) => s + x, 0);
  const max = Math.max(0, ...col);
  const min = Math.min(...col);
  const norm = Math.sqrt(col.reduce((s, x) => s + x * x, 0));
  return col.map((x) => {
    if (normalization === 'min-max') return max > min ? (cost ? (max - x) / (max - min) : (x - min) / (max - min)) : 0;
    if (max === 0) return cost ? (normalization === 'sum' ? 1 / n : 1) : 0;
    if (normalization === 'sum') return cost ? (n === 1 ? 1 : (sum - x) / ((n - 1) * sum)) : x / sum;
    const d = normalization === 'max' ? max : norm;
    return cost ? 1 - x / d : x / d;
  });
}

describe('affine(col, …): oracles', () => {
  it('alpha·x + beta equals each normalization computed from its definition (within 1e-9)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true })), { minLength: 1, maxLength: 20 }),
        fc.constantFrom<Normalization>('sum', 'max', 'min-max', 'vector'),
        fc.boolean(),
        (values, normalization, cost) => {
          const col = Float64Array.from(values);
          const [st] = [columnSumsAndSquares('f', [col], columnNaming, col.length)];
          const t = affine(col, st[0]!, st[1]!, col.length, normalization, cost);
          const want = direct(values, normalization, cost);
          for (let i = 0; i < col.length; i++) expect(t.alpha * t.col[i]! + t.beta).toBeCloseTo(want[i]!, 9);
        },
      ),
    );
  });
});

describe('columnSumsAndSquares(cols): oracles and edge cases', () => {
  it('gives per column its sum and sum of squares in index order, for three columns (one loop) and others', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 15 }), (k, base) => {
        const cols = Array.from({ length: k }, (_, c) => Float64Array.from(base, (x) => x + c));
        const st = columnSumsAndSquares('f', cols, columnNaming, base.length);
        cols.forEach((col, c) => {
          expect(st[2 * c]).toBe(col.reduce((s, x) => s + x, 0));
          expect(st[2 * c + 1]).toBe(col.reduce((s, x) => s + x * x, 0));
        });
      }),
    );
  });

  it('rejects NaN, naming the entry', () => {
    expect(() => columnSumsAndSquares('f', [new Float64Array([1, NaN])], columnNaming, 2)).toThrow(/columns\[0\]\[1\]/);
  });
});
