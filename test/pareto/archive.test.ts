import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../src/pareto/archive.js';

/** Brute force: the first offer of each distinct vector that no offered vector dominates, in offer order. */
function reference(offers: readonly (readonly number[])[]): number[] {
  const dominates = (a: readonly number[], b: readonly number[]): boolean => a.every((x, d) => x <= b[d]!) && a.some((x, d) => x < b[d]!);
  const kept: number[] = [];
  offers.forEach((v, k) => {
    const first = offers.findIndex((w) => w.every((x, d) => x === v[d]));
    if (first === k && !offers.some((w) => dominates(w, v))) kept.push(k);
  });
  return kept;
}

describe('Archive (non-dominated archive of offered vectors)', () => {
  it('Archive.offer keeps exactly the first offer of each non-dominated distinct vector, in offer order (brute force, ties included)', () => {
    const vectors = fc.integer({ min: 2, max: 3 }).chain((dims) => fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: dims, maxLength: dims }), { maxLength: 30 }));
    fc.assert(
      fc.property(vectors, (offers) => {
        const archive = new Archive();
        offers.forEach((v, k) => archive.offer(Float64Array.from(v), Int32Array.of(k)));
        const kept = reference(offers);
        expect(archive.assignments.map((a) => a[0])).toEqual(kept);
        expect(archive.vectors.map((v) => [...v])).toEqual(kept.map((k) => offers[k]));
      }),
    );
  });

  it('Archive.offer copies what it keeps: changing the offered arrays afterwards changes nothing archived', () => {
    const archive = new Archive();
    const v = Float64Array.of(3, 1);
    const a = Int32Array.of(0, 1);
    archive.offer(v, a);
    v[0] = 0;
    a[0] = 9;
    expect([...archive.vectors[0]!]).toEqual([3, 1]);
    expect([...archive.assignments[0]!]).toEqual([0, 1]);
  });
});
