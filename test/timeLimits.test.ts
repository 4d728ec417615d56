// timeLimitMs is honoured: the iterative solvers stop within their limit plus
// a documented margin (README "Numerical guarantees and hardening"): the
// work before the search starts (validation, the Min-Min start, bounds) and
// after it ends (one evaluation), and for HiGHS the gap between its own time
// checks. The margins below are generous so that a loaded CI machine cannot
// fail them; they bound a run that ignored its limit (seconds to minutes).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateEtc, parseHcsp, parseOrLibraryGap, solve, solveGap } from '../src/index.js';

const braun = parseHcsp(readFileSync(new URL('../data/hcsp/u_c_hihi.0', import.meta.url), 'utf8'));
const gapd = parseOrLibraryGap(readFileSync(new URL('../data/gap/gapd.txt', import.meta.url), 'utf8'), { fileName: 'gapd.txt' });

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

describe('time limits (edge cases)', () => {
  it("solve(braun 512×16, {strategy: 'local-search', timeLimitMs: 50}) stops early, within the limit + 1 s", () => {
    const [s, ms] = timed(() => solve(braun, { strategy: 'local-search', timeLimitMs: 50, maxIterations: 1e9 }));
    expect(s.stoppedEarly).toBe(true);
    expect(ms).toBeLessThan(50 + 1000);
  });

  it("solve(generated 2048×64, {strategy: 'local-search', timeLimitMs: 50}) stops within the limit + 1 s (large steps check the clock too)", () => {
    const p = generateEtc({ tasks: 2048, machines: 64, seed: 5 });
    const [s, ms] = timed(() => solve(p, { strategy: 'local-search', timeLimitMs: 50, maxIterations: 1e9 }));
    expect(s.stoppedEarly).toBe(true);
    expect(ms).toBeLessThan(50 + 1000);
  });

  it("solveGap(d20200, {method: 'heuristic' | 'exact', timeLimitMs: 100}) returns within the limit + 3 s", async () => {
    for (const method of ['heuristic', 'exact'] as const) {
      const t = performance.now();
      const r = await solveGap(gapd[5]!, { method, timeLimitMs: 100, maxIterations: 1e9 });
      expect(performance.now() - t).toBeLessThan(100 + 3000);
      expect(r.stoppedEarly).toBe(true);
    }
  });
});
