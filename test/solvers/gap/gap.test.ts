import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { InputRangeError, InputTypeError } from '../../../src/errors.js';
import { parseOrLibraryGap } from '../../../src/io/orLibraryGap.js';
import { solveGap, type GapInstance } from '../../../src/solvers/gap/gap.js';
import { deepFreeze } from '../helpers.js';

/** Brute-force optimum over all m^n assignments (undefined when none fits). */
function bruteGap(g: GapInstance, sense: 'min' | 'max'): number | undefined {
  const n = g.cost.length;
  const m = g.budget.length;
  const asg = new Array<number>(n).fill(0);
  let best: number | undefined;
  const rec = (i: number): void => {
    if (i === n) {
      const load = new Array<number>(m).fill(0);
      let v = 0;
      for (let t = 0; t < n; t++) {
        const c = g.cost[t]![asg[t]!]!;
        if (!Number.isFinite(c)) return;
        load[asg[t]!] = load[asg[t]!]! + g.demand[t]![asg[t]!]!;
        v += c;
      }
      if (load.some((l, j) => l > g.budget[j]!)) return;
      if (best === undefined || (sense === 'min' ? v < best : v > best)) best = v;
      return;
    }
    for (let j = 0; j < m; j++) {
      asg[i] = j;
      rec(i + 1);
    }
  };
  rec(0);
  return best;
}

function expectRespectsBudgets(g: GapInstance, assignment: readonly number[]): void {
  const load = g.budget.map(() => 0);
  assignment.forEach((j, i) => {
    expect(j).toBeGreaterThanOrEqual(0);
    load[j]! += g.demand[i]![j]!;
  });
  load.forEach((l, j) => expect(l).toBeLessThanOrEqual(g.budget[j]!));
}

const gapArb = fc
  .record({ n: fc.integer({ min: 1, max: 6 }), m: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, m }) =>
    fc.record({
      cost: fc.array(fc.array(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      demand: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      budget: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: m, maxLength: m }),
    }),
  );

const PUBLISHED_GAP1 = [336, 327, 339, 341, 326]; // OR-Library gapinfo, maximization
const gap1 = deepFreeze(parseOrLibraryGap(readFileSync(new URL('../../../data/gap/gap1.txt', import.meta.url), 'utf8'), { fileName: 'gap1.txt' }));

describe('solveGap: reference values', () => {
  const g = deepFreeze({ cost: [[1, 4], [2, 5], [3, 6]], demand: [[1, 2], [1, 2], [1, 2]], budget: [2, 4] });

  it('solveGap(doc example, {method: "heuristic"}) finds the optimum 9 and reports the capacity-free bound 6', async () => {
    const r = await solveGap(g, { method: 'heuristic', maxIterations: 50 });
    expect(r.value).toBe(9);
    expect(r.status).toBe('feasible');
    expect(r.reason).toBe('iterations');
    expect(r.bound).toBe(6);
    expectRespectsBudgets(g, r.assignment);
    // Without a binding budget it stops by itself after 20 000 iterations without a better solution.
    const converged = await solveGap(g, { method: 'heuristic' });
    expect(converged).toMatchObject({ value: 9, status: 'feasible', reason: 'heuristic', stoppedEarly: false });
    expect(converged.iterations).toBeGreaterThanOrEqual(20_000);
    expect(converged.iterations).toBeLessThan(21_000);
  });

  it('solveGap(doc example, {method: "exact"}) proves the optimum 9 through HiGHS', async () => {
    const r = await solveGap(g, { method: 'exact' });
    expect(r).toMatchObject({ value: 9, status: 'optimal', bound: 9, stoppedEarly: false });
  });

  it('solveGap(gap1 c515-k, {sense: "max"}) reaches the published optima (heuristic), and exact proves two of them', async () => {
    for (let k = 0; k < 5; k++) {
      const r = await solveGap(gap1[k]!, { sense: 'max', method: 'heuristic', maxIterations: 3000, timeLimitMs: 60_000 });
      expect(r.value).toBe(PUBLISHED_GAP1[k]);
      expectRespectsBudgets(gap1[k]!, r.assignment);
      expect(r.bound).toBeGreaterThanOrEqual(r.value);
    }
    for (const k of [0, 3]) {
      const r = await solveGap(gap1[k]!, { sense: 'max', method: 'exact', timeLimitMs: 60_000 });
      expect(r).toMatchObject({ value: PUBLISHED_GAP1[k], status: 'optimal' });
    }
  });

  it('solveGap results agree with scipy.optimize.milp (fixture) on gap1-gap3, heuristic with a fixed iteration budget', async () => {
    const fixture = JSON.parse(readFileSync(new URL('../../fixtures/gap-scipy.json', import.meta.url), 'utf8')) as { instances: { file: string; name: string; status: string; value: number }[] };
    const ref = new Map(fixture.instances.map((e) => [e.name, e]));
    for (const f of ['gap2', 'gap3']) {
      const gs = parseOrLibraryGap(readFileSync(new URL(`../../../data/gap/${f}.txt`, import.meta.url), 'utf8'), { fileName: f });
      for (const inst of gs) {
        const e = ref.get(inst.name!)!;
        expect(e.status).toBe('optimal');
        const r = await solveGap(inst, { sense: 'max', method: 'heuristic', maxIterations: 3000, timeLimitMs: 60_000 });
        expect(r.value).toBeLessThanOrEqual(e.value);
        expect(r.value).toBeGreaterThanOrEqual(e.value * 0.99);
      }
    }
  });
});

describe('solveGap: the best-known fixture (test/fixtures/gap-best-known.json)', () => {
  it('each checked gapc/gapd solution of the fixture respects the budgets and costs what it says; each reference is ≥ scipy\'s lower bound and ≤ its best', () => {
    const bk = JSON.parse(readFileSync(new URL('../../fixtures/gap-best-known.json', import.meta.url), 'utf8')) as { instances: { name: string; value: number; status: string; solutionChecked: number; solution: number[] }[] };
    const sp = new Map((JSON.parse(readFileSync(new URL('../../fixtures/gap-scipy.json', import.meta.url), 'utf8')) as { instances: { name: string; status: string; value: number; bound?: number }[] }).instances.map((e) => [e.name, e]));
    const gs = ['gapc', 'gapd'].flatMap((f) => parseOrLibraryGap(readFileSync(new URL(`../../../data/gap/${f}.txt`, import.meta.url), 'utf8'), { fileName: f }));
    expect(bk.instances.map((e) => e.name)).toEqual(gs.map((g) => g.name));
    for (const e of bk.instances) {
      const g = gs.find((x) => x.name === e.name)!;
      expect(e.solution).toHaveLength(g.cost.length);
      expectRespectsBudgets(g, e.solution);
      expect(e.solution.reduce((s, j, i) => s + g.cost[i]![j]!, 0)).toBe(e.solutionChecked);
      expect(e.value).toBeLessThanOrEqual(e.solutionChecked);
      const s = sp.get(e.name)!;
      expect(e.value).toBeGreaterThanOrEqual(s.status === 'optimal' ? s.value : s.bound!);
      expect(e.value).toBeLessThanOrEqual(s.value);
    }
  });
});

describe('solveGap: oracles (brute force, n ≤ 6, m ≤ 3)', () => {
  it('solveGap(g, {method: "exact"}) equals the brute-force optimum or reports infeasible', async () => {
    await fc.assert(
      fc.asyncProperty(gapArb, fc.constantFrom('min' as const, 'max' as const), async (g0, sense) => {
        const g = sense === 'max' ? { ...g0, cost: g0.cost.map((r) => r.map((c) => (c === Infinity ? -Infinity : c))) } : g0;
        const best = bruteGap(g, sense);
        const r = await solveGap(g, { sense, method: 'exact' });
        if (best === undefined) {
          expect(r.status).toBe('infeasible');
          expect(r.assignment.every((j) => j === -1)).toBe(true);
        } else {
          expect(r.status).toBe('optimal');
          expect(r.value).toBe(best);
          expectRespectsBudgets(g, r.assignment);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('solveGap: properties', () => {
  it('solveGap(g, {method: "heuristic"}) respects every budget, is never better than the optimum and its bound is valid', async () => {
    await fc.assert(
      fc.asyncProperty(gapArb, fc.integer({ min: 0, max: 1000 }), async (g, seed) => {
        deepFreeze(g);
        const best = bruteGap(g, 'min');
        const r = await solveGap(g, { method: 'heuristic', seed, maxIterations: 200 });
        if (r.status === 'infeasible' || r.status === 'unknown') {
          expect(r.value).toBe(Infinity);
          if (r.status === 'unknown') expect(r.stoppedEarly).toBe(true);
          else expect(best).toBeUndefined();
          return;
        }
        expectRespectsBudgets(g, r.assignment);
        expect(best).toBeDefined();
        expect(r.value).toBeGreaterThanOrEqual(best!);
        expect(r.bound).toBeLessThanOrEqual(best!);
      }),
    );
  });

  it('solveGap(g, {method: "heuristic", seed}) is deterministic under an iteration budget', async () => {
    const a = await solveGap(gap1[1]!, { sense: 'max', method: 'heuristic', seed: 7, maxIterations: 300, timeLimitMs: 60_000 });
    const b = await solveGap(gap1[1]!, { sense: 'max', method: 'heuristic', seed: 7, maxIterations: 300, timeLimitMs: 60_000 });
    expect(a).toEqual(b);
  });
});

describe('solveGap: edge cases', () => {
  it('solveGap on an empty instance is optimal with value 0', async () => {
    expect(await solveGap({ cost: [], demand: [], budget: [1] }, { method: 'heuristic' })).toMatchObject({ assignment: [], value: 0, status: 'optimal' });
  });

  it('solveGap proves infeasibility when a task fits no device (without running HiGHS or the search)', async () => {
    const g = { cost: [[1, Infinity]], demand: [[5, 1]], budget: [4, 4] };
    for (const method of ['heuristic', 'exact'] as const) {
      expect(await solveGap(g, { method })).toEqual({ assignment: [-1], value: Infinity, status: 'infeasible', stoppedEarly: false, iterations: 0 });
    }
  });

  it('solveGap with unbounded budgets assigns every task to its best device', async () => {
    const r = await solveGap({ cost: [[3, 1], [2, 5]], demand: [[9, 9], [9, 9]], budget: [Infinity, Infinity] }, { method: 'exact' });
    expect(r).toMatchObject({ assignment: [1, 0], value: 3, status: 'optimal' });
  });

  it('solveGap rejects malformed instances and options', async () => {
    await expect(solveGap({ cost: [[1]], demand: [[1, 2]], budget: [1] })).rejects.toThrow('solveGap: instance.demand[0] must be an array of length 1 (one per budget), got an array of length 2');
    await expect(solveGap({ cost: [[NaN]], demand: [[1]], budget: [1] })).rejects.toThrow(InputRangeError);
    await expect(solveGap({ cost: [[Infinity]], demand: [[1]], budget: [1] }, { sense: 'max' })).rejects.toThrow(/-Infinity \(forbidden\)/);
    await expect(solveGap({ cost: [[1]], demand: [[-1]], budget: [1] })).rejects.toThrow(InputRangeError);
    await expect(solveGap({ cost: [[1]], demand: [[1]], budget: [-1] })).rejects.toThrow(InputRangeError);
    await expect(solveGap({ cost: [[1]], demand: [[1]], budget: [1] }, { method: 'fast' } as never)).rejects.toThrow(InputTypeError);
    await expect(solveGap({ cost: [[1]], demand: [[1]], budget: [1] }, { timeLimit: 5 } as never)).rejects.toThrow(/options.timeLimit is not a known option/);
  });

  it('solveGap(…, {method: "exact"}) without the highs package rejects with an install hint; the heuristic still works', async () => {
    vi.resetModules();
    vi.doMock('highs', () => {
      throw new Error('Cannot find package');
    });
    const { solveGap: isolated } = await import('../../../src/solvers/gap/gap.js');
    const g = { cost: [[1, 2]], demand: [[1, 1]], budget: [1, 1] };
    await expect(isolated(g, { method: 'exact' })).rejects.toThrow(/npm install highs/);
    await expect(isolated(g, { method: 'heuristic' })).resolves.toMatchObject({ value: 1, status: 'optimal' });
    vi.doUnmock('highs');
    vi.resetModules();
  });
});

describe('solveGap: edge cases (time limits)', () => {
  it('solveGap(d20200, {method: "exact", timeLimitMs: 100}) never claims infeasible when it merely ran out of time', async () => {
    const gd = parseOrLibraryGap(readFileSync(new URL('../../../data/gap/gapd.txt', import.meta.url), 'utf8'), { fileName: 'gapd.txt' });
    for (const method of ['exact', 'heuristic'] as const) {
      const r = await solveGap(gd[5]!, { method, timeLimitMs: 100, maxIterations: 50 });
      expect(['feasible', 'unknown']).toContain(r.status);
      expect(r.stoppedEarly).toBe(true);
    }
  });
});

