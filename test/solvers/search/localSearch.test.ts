import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRng } from '../../../src/internal/random.js';
import type { Problem } from '../../../src/problem/types.js';
import { generateEtc } from '../../../src/problem/generate.js';
import { solve } from '../../../src/solvers/solve.js';
import { bruteForceMakespan, deepFreeze, loadBraun, problemArb } from '../helpers.js';

/** 20 fixed instances: n = 10 or 11 tasks on 3 devices (3^n > 2^15, so the search runs, not the enumeration), integer times 1..30, ready 0..5. */
function searchInstances(): Problem[] {
  const rng = createRng(2024);
  return Array.from({ length: 20 }, (_, k) => {
    const n = 10 + (k % 2);
    const execTime = Array.from({ length: n }, () => Array.from({ length: 3 }, () => 1 + Math.floor(rng() * 30)));
    return {
      tasks: execTime.map((_, i) => ({ id: `t${i}` })),
      devices: [0, 1, 2].map((j) => ({ id: `d${j}`, tier: 'edge' as const, ready: Math.floor(rng() * 6) })),
      execTime,
    };
  });
}

describe("solve(…, {strategy: 'local-search'}): oracles (brute force)", () => {
  it('the search (n = 10–11, m = 3, 20 fixed instances) is never below and almost always at the brute-force optimum', () => {
    let optimal = 0;
    for (const p of searchInstances()) {
      const s = solve(p, { strategy: 'local-search', seed: 1, timeLimitMs: 600_000, maxIterations: 15, trace: false });
      const best = bruteForceMakespan(p);
      expect(s.makespan).toBeGreaterThanOrEqual(best);
      if (s.makespan === best) optimal++;
    }
    expect(optimal).toBeGreaterThanOrEqual(18);
  });

  it('tiny instances (n ≤ 7, m ≤ 3: enumerated) get the brute-force optimal makespan', () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 7, maxDevices: 3, releases: false }), (p) => {
        deepFreeze(p);
        const s = solve(p, { strategy: 'local-search', timeLimitMs: 60_000, maxIterations: 10 });
        expect(s.makespan).toBeGreaterThanOrEqual(bruteForceMakespan(p));
        expect(s.makespan).toBe(bruteForceMakespan(p));
      }),
      { numRuns: 25 },
    );
  });
});

describe("solve(…, {strategy: 'local-search'}): properties", () => {
  it('never returns worse than Min-Min, and the bound never exceeds the makespan found', () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 12, maxDevices: 4, releases: true }), fc.integer({ min: 0, max: 99 }), (p, seed) => {
        const ls = solve(p, { strategy: 'local-search', seed, maxIterations: 5, timeLimitMs: 60_000 });
        const mm = solve(p, { strategy: 'min-min' });
        expect(ls.makespan).toBeLessThanOrEqual(mm.makespan);
        expect(ls.lowerBound).toBeLessThanOrEqual(ls.makespan);
        expect(ls.gap).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('is deterministic for a seed when the iteration budget binds', () => {
    const full = loadBraun('u_s_lolo.0');
    const p = { ...full, tasks: full.tasks.slice(0, 96), execTime: full.execTime.slice(0, 96) };
    const a = solve(p, { strategy: 'local-search', seed: 3, maxIterations: 3, timeLimitMs: 600_000, trace: false });
    const b = solve(p, { strategy: 'local-search', seed: 3, maxIterations: 3, timeLimitMs: 600_000, trace: false });
    expect(a.assignment).toEqual(b.assignment);
    expect(a.stoppedEarly).toBe(true);
  });

  it('on Braun u_c_lolo.0 it improves on Min-Min within 1 s (Min-Min is 6% above the LP bound)', () => {
    const p = loadBraun('u_c_lolo.0');
    const mm = solve(p, { strategy: 'min-min', trace: false });
    const ls = solve(p, { strategy: 'local-search', timeLimitMs: 1000, trace: false });
    expect(ls.makespan).toBeLessThan(mm.makespan * 0.97);
  });
});

describe("solve(…, {strategy: 'local-search'}): edge cases", () => {
  it("solve(consistent 20 000×64 with release times, {strategy: 'local-search', timeLimitMs: 300}) stops within the limit + 3 s, its Min-Min start included", () => {
    const base = generateEtc({ tasks: 20_000, machines: 64, consistency: 'consistent', seed: 3 });
    const p: Problem = { ...base, tasks: base.tasks.map((t, i) => ({ ...t, release: (i * 7) % 1000 })) };
    const t = performance.now();
    const s = solve(p, { strategy: 'local-search', timeLimitMs: 300, trace: false });
    const ms = performance.now() - t;
    expect(s.stoppedEarly).toBe(true);
    expect(ms).toBeLessThan(300 + 3000);
  }, 60_000);

  it('one device, zero budget, and the independent model', () => {
    const one = { tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'x', tier: 'edge' as const }], execTime: [[2], [3]] };
    expect(solve(one, { strategy: 'local-search' }).makespan).toBe(5);
    const two = { tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'x', tier: 'edge' as const }, { id: 'y', tier: 'edge' as const }], execTime: [[2, 3], [2, 3]] };
    const z = solve(two, { strategy: 'local-search', maxIterations: 0 });
    expect(z.makespan).toBe(3);
    const ind = solve(two, { strategy: 'local-search', costModel: 'independent' });
    expect(ind.assignment).toEqual([0, 0]);
    expect(ind.gap).toBe(0);
  });
});

describe("solve(…, {strategy: 'local-search'}): its own bound (issue 11, item 10)", () => {
  it("solve(workedExampleProblem(30), local-search) proves makespan 80 optimal: bound {80, 'exhaustive'}, gap 0 (was 0.684 against 47.5)", async () => {
    const { workedExampleProblem } = await import('../../../src/problem/fromArticle.js');
    // python3 brute force over the 4^5 assignments (p = 38, 54, 64, 80 per device): optimum 80.
    const s = solve(workedExampleProblem(30), { strategy: 'local-search' });
    expect(s.makespan).toBe(80);
    expect(s.bound).toEqual({ value: 80, kind: 'exhaustive' });
    expect(s.gap).toBe(0);
    expect(solve(workedExampleProblem(30)).bound).toEqual({ value: 47.5, kind: 'combinatorial' });
  });

  it('the Lagrangian bound never exceeds the brute-force optimum and never falls below the combinatorial bound (20 fixed instances)', () => {
    for (const p of searchInstances()) {
      const s = solve(p, { strategy: 'local-search', seed: 1, maxIterations: 0, trace: false });
      const plain = solve(p, { strategy: 'min-min', trace: false });
      expect(s.bound.value).toBeLessThanOrEqual(bruteForceMakespan(p));
      expect(s.bound.value).toBeGreaterThanOrEqual(plain.bound.value);
      expect(s.bound.kind).toBe(s.bound.value > plain.bound.value ? 'lagrangian' : 'combinatorial');
      expect(s.lowerBound).toBe(s.bound.value);
    }
  });

  it("with release times the enumeration proves nothing (loads ignore releases): a tiny instance keeps the combinatorial bound", () => {
    const p: Problem = { tasks: [{ id: 'a', release: 5 }, { id: 'b' }], devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'edge' }], execTime: [[1, 2], [2, 1]] };
    expect(solve(p, { strategy: 'local-search' }).bound.kind).toBe('combinatorial');
  });

  it('on Braun u_c_hihi.0 (512×16) the gap is measured against a bound within 0.5% of the LP bound, even with timeLimitMs 0 (the combinatorial bound gives a gap of about 170%)', async () => {
    const p = loadBraun('u_c_hihi.0');
    // timeLimitMs 0: only the 100 price rounds that always run (deterministic), no search.
    const s = solve(p, { strategy: 'local-search', seed: 0, timeLimitMs: 0, trace: false });
    expect(s.stoppedEarly).toBe(true);
    expect(s.bound.kind).toBe('lagrangian');
    const combinatorial = solve(p, { strategy: 'min-min', trace: false }).bound.value;
    expect((s.makespan - combinatorial) / combinatorial).toBeGreaterThan(1.5);
    // The limit covers the start too, so with 0 ms the start is MCT's one pass (no Min-Min, no
    // search); its gap is measured against the Lagrangian bound, not the combinatorial one.
    expect(s.gap).toBeCloseTo((s.makespan - s.bound.value) / s.bound.value, 12);
    expect(s.gap).toBeLessThan(1);
    let lp: number | undefined;
    try {
      const { makespanLpBound } = await import('../../../src/solvers/search/makespanLpBound.js');
      lp = await makespanLpBound(p);
    } catch {
      lp = undefined; // highs not installed: the LP comparison is skipped
    }
    if (lp !== undefined) {
      expect(s.bound.value).toBeLessThanOrEqual(lp);
      expect(s.bound.value).toBeGreaterThan(0.995 * lp);
    }
  });
});

/** The first `n` tasks of Braun u_i_hihi.0 (inconsistent, high task and machine heterogeneity; 16 devices). */
function braunHead(n: number): Problem {
  const full = loadBraun('u_i_hihi.0');
  return { ...full, tasks: full.tasks.slice(0, n), execTime: full.execTime.slice(0, n) };
}

/**
 * Runs `f` under a fake `performance.now()`: the real clock plus `shift(k)`
 * ms at its k-th read (k from 1); returns `f`'s result and the reads made.
 */
function underClock<T>(shift: (k: number) => number, f: () => T): { result: T; reads: number } {
  const real = performance.now.bind(performance);
  let reads = 0;
  const spy = vi.spyOn(performance, 'now').mockImplementation(() => real() + shift(++reads));
  try {
    return { result: f(), reads };
  } finally {
    spy.mockRestore();
  }
}

describe("solve(…, {strategy: 'local-search'}): same input, same output, whatever the clock (README, Time limits)", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("solve(256 tasks of u_i_hihi.0, {maxIterations: 3, timeLimitMs: 1e9}) twice gives the same JSON", () => {
    const p = braunHead(256);
    const options = { strategy: 'local-search', seed: 0, maxIterations: 3, timeLimitMs: 1e9, trace: false } as const;
    const a = JSON.stringify(solve(p, options));
    const b = JSON.stringify(solve(p, options));
    expect(b).toBe(a);
    expect(JSON.parse(a).stoppedEarly).toBe(true); // maxIterations stopped it
  });

  it('a clock 1 s slower at every read (a loaded machine) gives the same JSON when the limit covers the whole run: the priced start is not cut at a share of the limit', () => {
    const p = braunHead(256);
    const options = { strategy: 'local-search', seed: 0, maxIterations: 3, trace: false } as const;
    // Count the reads of an uncut run, then give a limit twice what they cost at 1 s each.
    const counted = underClock(() => 0, () => JSON.stringify(solve(p, { ...options, timeLimitMs: 1e12 })));
    const timeLimitMs = 2 * 1000 * counted.reads;
    const plain = JSON.stringify(solve(p, { ...options, timeLimitMs }));
    const slow = underClock((k) => 1000 * k, () => JSON.stringify(solve(p, { ...options, timeLimitMs })));
    // The headline numbers first (a short message on failure), then every byte.
    const head = (json: string): unknown => (({ makespan, lowerBound, gap, stoppedEarly }) => ({ makespan, lowerBound, gap, stoppedEarly }))(JSON.parse(json));
    expect(head(plain)).toEqual(head(counted.result));
    expect(head(slow.result)).toEqual(head(plain));
    expect(plain).toBe(counted.result);
    expect(slow.result).toBe(plain);
  });

  it('a run the clock cuts says stoppedEarly: true, even when the cut is in the last annealing of a run that then converges', () => {
    const p = braunHead(40);
    const options = { strategy: 'local-search', seed: 0, maxIterations: 100_000, timeLimitMs: 1e9, trace: false } as const;
    const uncut = underClock(() => 0, () => solve(p, options));
    // Converged within the iteration budget: nothing stopped it early.
    expect(uncut.result.stoppedEarly).toBe(false);
    // The clock jumps past the limit at the run's last read only.
    const cut = underClock((k) => (k >= uncut.reads ? 2e9 : 0), () => solve(p, options));
    expect(cut.result.stoppedEarly).toBe(true);
  });

  it('a clock that passes the limit during the start (Min-Min, priced start) says stoppedEarly: true', () => {
    const p = braunHead(128);
    const options = { strategy: 'local-search', seed: 0, maxIterations: 100_000, trace: false } as const;
    const uncut = underClock(() => 0, () => solve(p, { ...options, timeLimitMs: 1e9 }));
    // Every read 1 ms late: the limit passes at read 50, well inside the start.
    const cut = underClock((k) => k, () => solve(p, { ...options, timeLimitMs: 50 }));
    expect(cut.reads).toBeLessThan(uncut.reads);
    expect(cut.result.stoppedEarly).toBe(true);
  });
});
