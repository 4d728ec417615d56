/**
 * Benchmark sizes. CI runs `BENCH_SCALE=small vitest bench --run` so every
 * benchmark file executes (and cannot rot) on its smallest cases only; a plain
 * `npm run bench` runs every size.
 */
export const SMALL = process.env.BENCH_SCALE === 'small';

/** Keeps only the first size in small mode. */
export function sizes<T>(all: readonly T[]): readonly T[] {
  return SMALL ? all.slice(0, 1) : all;
}

/** vitest bench options: few iterations in small mode. */
export const benchOptions = SMALL ? { iterations: 2, time: 0, warmupIterations: 0, warmupTime: 0 } : { time: 500 };
