import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, randomIndex, shuffleInPlace, uniform } from '../../src/internal/random.js';

/** mulberry32 written independently with BigInt arithmetic mod 2^32. */
function mulberry32BigInt(seed: number): () => number {
  const M = 1n << 32n;
  const u = (x: bigint): bigint => ((x % M) + M) % M;
  const mul = (a: bigint, b: bigint): bigint => u(a * b);
  let state = u(BigInt(seed >>> 0));
  return () => {
    state = u(state + 0x6d2b79f5n);
    let t = state;
    t = mul(t ^ (t >> 15n), t | 1n);
    t = u(t ^ u(t + mul(t ^ (t >> 7n), t | 61n)));
    return Number(t ^ (t >> 14n)) / 4294967296;
  };
}

describe('createRng: reference values', () => {
  it('createRng(0) and createRng(42) start with the mulberry32 streams (checked against a BigInt implementation)', () => {
    for (const seed of [0, 1, 42, 0xdeadbeef]) {
      const a = createRng(seed);
      const b = mulberry32BigInt(seed);
      for (let k = 0; k < 50; k++) expect(a()).toBe(b());
    }
  });
});

describe('createRng and helpers: properties', () => {
  it('createRng(seed) returns floats in [0, 1), the same stream for the same seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        for (let k = 0; k < 20; k++) {
          const x = a();
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
          expect(b()).toBe(x);
        }
      }),
    );
  });

  it('uniform(rng, lo, hi) stays in [lo, hi) and randomIndex(rng, n) in [0, n)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 1000 }), (seed, lo, width, n) => {
        const rng = createRng(seed);
        const x = uniform(rng, lo, lo + width);
        expect(x).toBeGreaterThanOrEqual(lo);
        expect(x).toBeLessThanOrEqual(lo + width);
        const i = randomIndex(rng, n);
        expect(Number.isInteger(i) && i >= 0 && i < n).toBe(true);
      }),
    );
  });

  it('shuffleInPlace returns a permutation of its input', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer()), (seed, a) => {
        const b = shuffleInPlace(createRng(seed), a.slice());
        expect([...b].sort((x, y) => x - y)).toEqual([...a].sort((x, y) => x - y));
      }),
    );
  });
});

describe('createRng: oracles', () => {
  it('createRng(seed) equals the BigInt mulberry32 for random seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (seed) => {
        const a = createRng(seed);
        const b = mulberry32BigInt(seed);
        for (let k = 0; k < 5; k++) expect(a()).toBe(b());
      }),
    );
  });

  it('createRng(7) has mean ≈ 1/2 and every decile ≈ 1/10 over 100 000 draws (fixed seed, deterministic)', () => {
    const rng = createRng(7);
    const bins = new Array<number>(10).fill(0);
    let sum = 0;
    for (let k = 0; k < 100_000; k++) {
      const x = rng();
      sum += x;
      bins[Math.floor(x * 10)]!++;
    }
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });
});

describe('createRng: edge cases', () => {
  it('createRng uses the low 32 bits: seeds 2^32 and 0 (and -1 and 2^32 - 1) give the same stream', () => {
    expect(createRng(2 ** 32)()).toBe(createRng(0)());
    expect(createRng(-1)()).toBe(createRng(2 ** 32 - 1)());
    expect(createRng(1)()).not.toBe(createRng(0)());
  });

  it('randomIndex(rng, 1) is always 0 and shuffleInPlace of [] or [x] is unchanged', () => {
    const rng = createRng(3);
    for (let k = 0; k < 10; k++) expect(randomIndex(rng, 1)).toBe(0);
    expect(shuffleInPlace(rng, [])).toEqual([]);
    expect(shuffleInPlace(rng, [5])).toEqual([5]);
  });
});
