/**
 * The library's one source of randomness: a small, fast, seeded PRNG and a
 * few helpers over it. Every randomized function takes a `seed` (an integer)
 * and builds its generator here, so the same seed gives the same output, byte
 * for byte, on every platform (only 32-bit integer arithmetic is used).
 *
 * Generator: mulberry32 (Tommy Ettinger, public domain): a 32-bit state
 * advanced by the Weyl increment 0x6D2B79F5 and scrambled by two
 * multiply-xorshift rounds. Period 2^32, passes gjrand and PractRand to
 * sizes well beyond what a scheduler draws. Not cryptographic.
 *
 * @internal
 * @module
 */

/** A seeded generator: each call returns the next float in [0, 1). @internal */
export type Rng = () => number;

/**
 * A mulberry32 generator from a seed. The seed is reduced to 32 bits
 * (`seed >>> 0`), so any integer is accepted; seeds equal modulo 2^32 give
 * the same stream.
 *
 * Complexity: O(1) per draw, no allocation.
 *
 * @param seed - Any finite number (its low 32 bits are used).
 * @returns A function returning floats in [0, 1) with 32 bits of randomness.
 * @internal
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A float uniform in [lo, hi). @internal */
export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/** An integer uniform in [0, n) (n ≥ 1). @internal */
export function randomIndex(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Fisher–Yates shuffle of `a` in place; returns `a`. @internal */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(rng: Rng, a: T): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = a[i];
    a[i] = a[j];
    a[j] = tmp;
  }
  return a;
}
