import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError } from '../../src/errors.js';
import { dominates, nonDominated } from '../../src/pareto/dominance.js';
import { deepFreeze } from '../arbitraries.js';

const vectors = (d: number) => fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: d, maxLength: d }), { maxLength: 12 });

describe('dominates', () => {
  it('dominates(a, b) on the documented example (reference values by hand)', () => {
    expect(dominates([1, 2], [1, 3])).toBe(true);
    expect(dominates([1, 2], [1, 2])).toBe(false);
    expect(dominates([1, 3], [2, 2])).toBe(false);
    expect(dominates([2, 2], [1, 3])).toBe(false);
    expect(dominates([0, 0, 0], [0, 0, 1e-300])).toBe(true);
  });

  it('dominates(a, b) is irreflexive, asymmetric and transitive', () => {
    fc.assert(
      fc.property(vectors(3).filter((v) => v.length >= 3), (v) => {
        const [a, b, c] = v as [number[], number[], number[]];
        expect(dominates(a, a)).toBe(false);
        if (dominates(a, b)) expect(dominates(b, a)).toBe(false);
        if (dominates(a, b) && dominates(b, c)) expect(dominates(a, c)).toBe(true);
      }),
    );
  });

  it('dominates(a, b) rejects mismatched lengths, empty vectors and NaN with typed errors', () => {
    expect(() => dominates([1, 2], [1])).toThrow(InputTypeError);
    expect(() => dominates([1, 2], [1])).toThrow('dominates: b has 1 objective values, expected 2');
    expect(() => dominates([], [])).toThrow(InputTypeError);
    expect(() => dominates([1, NaN], [1, 2])).toThrow(InputRangeError);
    expect(() => dominates([1, NaN], [1, 2])).toThrow('dominates: a[1] must be a finite number, got NaN');
    expect(() => dominates([1, 2], [Infinity, 2])).toThrow(InputRangeError);
    expect(() => dominates('x' as never, [1])).toThrow(InputTypeError);
  });
});

describe('nonDominated', () => {
  it('nonDominated(points) on the documented example keeps the lowest index of duplicates', () => {
    expect(nonDominated(deepFreeze([[3, 1], [1, 3], [2, 2], [3, 3], [1, 3]]))).toEqual([0, 1, 2]);
    expect(nonDominated([])).toEqual([]);
    expect(nonDominated([[5]])).toEqual([0]);
    expect(nonDominated([[2], [1], [1]])).toEqual([1]);
  });

  it('nonDominated(points) keeps exactly the vectors nothing dominates, one per distinct vector (oracle: definition)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }).chain((d) => vectors(d)), (pts) => {
        const kept = nonDominated(deepFreeze(pts));
        const key = (v: readonly number[]) => v.join(',');
        const expected: number[] = [];
        const seen = new Set<string>();
        pts.forEach((p, i) => {
          if (pts.some((q) => dominates(q, p))) return;
          if (seen.has(key(p))) return;
          seen.add(key(p));
          expected.push(i);
        });
        expect(kept).toEqual(expected);
      }),
    );
  });

  it('nonDominated(points) names the offending vector in its errors', () => {
    expect(() => nonDominated([[1, 2], [3]])).toThrow('nonDominated: points[1] has 1 objective values, expected 2');
    expect(() => nonDominated([[1, 2], [3, NaN]])).toThrow('nonDominated: points[1][1] must be a finite number, got NaN');
    expect(() => nonDominated({} as never)).toThrow(InputTypeError);
  });
});
