import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError } from '../../src/errors.js';
import { hypervolume } from '../../src/pareto/hypervolume.js';
import { deepFreeze } from '../arbitraries.js';

/** Oracle: inclusion–exclusion over every non-empty subset; the boxes' intersection is [max p, r]. */
function inclusionExclusion(points: readonly (readonly number[])[], r: readonly number[]): number {
  const n = points.length;
  let total = 0;
  for (let mask = 1; mask < 1 << n; mask++) {
    let vol = 1;
    let bits = 0;
    for (let k = 0; k < r.length; k++) {
      let lo = -Infinity;
      for (let i = 0; i < n; i++) if (mask & (1 << i)) lo = Math.max(lo, points[i]![k]!);
      vol *= Math.max(0, r[k]! - lo);
    }
    for (let i = 0; i < n; i++) if (mask & (1 << i)) bits++;
    total += bits % 2 === 1 ? vol : -vol;
  }
  return total;
}

/** Oracle: count the unit cells of an integer grid covered by some box. */
function grid(points: readonly (readonly number[])[], r: readonly number[]): number {
  let count = 0;
  const d = r.length;
  const cell = new Array<number>(d).fill(0);
  const walk = (k: number): void => {
    if (k === d) {
      if (points.some((p) => p.every((v, q) => v <= cell[q]!))) count++;
      return;
    }
    for (let c = 0; c < r[k]!; c++) {
      cell[k] = c;
      walk(k + 1);
    }
  };
  walk(0);
  return count;
}

describe('hypervolume', () => {
  it('hypervolume(points, reference) on hand-computed sets', () => {
    // Staircase: rectangles 3×1 + 2×1 + 1×1 = 6.
    expect(hypervolume(deepFreeze([[1, 3], [2, 2], [3, 1]]), deepFreeze([4, 4]))).toBe(6);
    // Two boxes: 2·2·2 + 1·1·3 − their overlap 1·1·2 = 9.
    expect(hypervolume([[1, 1, 1], [2, 2, 0]], [3, 3, 3])).toBe(9);
    expect(hypervolume([[5, 1]], [4, 4])).toBe(0);
    expect(hypervolume([[4, 1]], [4, 4])).toBe(0); // on the boundary: empty box
    expect(hypervolume([], [1, 1])).toBe(0);
    expect(hypervolume([[2], [1.5]], [4])).toBe(2.5);
    expect(hypervolume([[0, 0, 0]], [2, 3, 4])).toBe(24);
  });

  it('hypervolume(points, reference) equals inclusion–exclusion on small 2- and 3-objective sets (oracle)', () => {
    const coord = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.double({ min: -3, max: 12, noNaN: true }));
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }).chain((d) =>
          fc.record({
            pts: fc.array(fc.array(coord, { minLength: d, maxLength: d }), { maxLength: 8 }),
            ref: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: d, maxLength: d }),
          }),
        ),
        ({ pts, ref }) => {
          const hv = hypervolume(pts, ref);
          const oracle = inclusionExclusion(pts, ref);
          expect(hv).toBeGreaterThanOrEqual(0);
          expect(Math.abs(hv - oracle)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(oracle)));
        },
      ),
    );
  });

  it('hypervolume(points, reference) counts exactly the covered cells of an integer grid (oracle)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }).chain((d) =>
          fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: d, maxLength: d }), { maxLength: 10 }).map((pts) => ({ pts, ref: new Array<number>(d).fill(6) })),
        ),
        ({ pts, ref }) => {
          expect(hypervolume(pts, ref)).toBe(grid(pts, ref));
        },
      ),
    );
  });

  it('hypervolume(points, reference) ignores dominated points and duplicates and is order-independent', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), { maxLength: 9 }), (tuples) => {
        const pts = tuples.map((t) => [...t]);
        const ref = [10, 10, 10];
        const hv = hypervolume(pts, ref);
        expect(hypervolume([...pts].reverse(), ref)).toBe(hv);
        expect(hypervolume([...pts, ...pts], ref)).toBe(hv);
        if (pts.length > 0) expect(hypervolume([...pts, pts[0]!.map((v) => v + 1)], ref)).toBe(hv);
      }),
    );
  });

  it('hypervolume(points, reference) rejects mismatched dimensions, NaN and more than 3 objectives with typed errors', () => {
    expect(() => hypervolume([[1, 2, 3]], [4, 4])).toThrow('hypervolume: points[0] has 3 objective values, expected 2');
    expect(() => hypervolume([[1, NaN]], [4, 4])).toThrow(InputRangeError);
    expect(() => hypervolume([[1, NaN]], [4, 4])).toThrow('hypervolume: points[0][1] must be a finite number, got NaN');
    expect(() => hypervolume([[1, 1]], [4, Infinity])).toThrow('hypervolume: reference[1] must be a finite number, got Infinity');
    expect(() => hypervolume([], [1, 1, 1, 1])).toThrow(InputTypeError);
    expect(() => hypervolume([], [])).toThrow(InputTypeError);
    expect(() => hypervolume(null as never, [1])).toThrow(InputTypeError);
  });
});
