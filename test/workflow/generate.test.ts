import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError } from '../../src/index.js';
import { createRng } from '../../src/internal/random.js';
import { compileWorkflow } from '../../src/workflow/compile.js';
import { generateWorkflow } from '../../src/workflow/generate.js';

/** Level of each task: 0 for entry tasks, else 1 + max level of its parents (index order is topological). */
function levels(n: number, edges: readonly { from: string; to: string }[]): number[] {
  const level = new Array<number>(n).fill(0);
  const byTo = [...edges].sort((a, b) => Number(a.to.slice(1)) - Number(b.to.slice(1)));
  for (const e of byTo) level[Number(e.to.slice(1))] = Math.max(level[Number(e.to.slice(1))]!, level[Number(e.from.slice(1))]! + 1);
  return level;
}

const optionsArb = fc.record({
  n: fc.integer({ min: 0, max: 60 }),
  m: fc.integer({ min: 1, max: 5 }),
  alpha: fc.double({ min: 0.1, max: 4, noNaN: true }),
  outDegree: fc.integer({ min: 1, max: 6 }),
  ccr: fc.double({ min: 0, max: 10, noNaN: true }),
  beta: fc.double({ min: 0, max: 2, noNaN: true }),
  averageCost: fc.double({ min: 0.01, max: 1000, noNaN: true }),
});

describe('generateWorkflow: reference values (Topcuoglu et al. 2002, section 5.1)', () => {
  it('generateWorkflow gives the TSDoc example: 10 tasks, 3 devices, index order topological, same output for the seed', () => {
    const opts = { n: 10, m: 3, alpha: 1, outDegree: 2, ccr: 0.5, beta: 1 };
    const w = generateWorkflow(opts, 42);
    expect(w.tasks.length).toBe(10);
    expect(w.execTime[0]!.length).toBe(3);
    expect(w.edges.every((e) => Number(e.from.slice(1)) < Number(e.to.slice(1)))).toBe(true);
    expect(JSON.stringify(generateWorkflow(opts, 42))).toBe(JSON.stringify(w));
  });

  it('generateWorkflow draws execTime[i][j] in w̄_i·[1 − β/2, 1 + β/2): the row spread max/min ≤ (1+β/2)/(1−β/2)', () => {
    for (const beta of [0, 0.5, 1, 1.5]) {
      const w = generateWorkflow({ n: 200, m: 8, beta }, 3);
      const bound = (1 + beta / 2) / (1 - beta / 2);
      for (const row of w.execTime) {
        const lo = Math.min(...row);
        if (lo > 0) expect(Math.max(...row) / lo).toBeLessThanOrEqual(bound * (1 + 1e-12));
      }
    }
  });

  it('generateWorkflow({beta: 0}) makes every device equally fast for each task', () => {
    const w = generateWorkflow({ n: 30, m: 4, beta: 0 }, 9);
    for (const row of w.execTime) expect(new Set(row).size).toBe(1);
  });

  it('generateWorkflow reproduces the documented draw order (a naive re-implementation of steps 1-3 gives the same graph)', () => {
    // Independent reading of the TSDoc for n = 12, α = 1, outDegree 2: draw H, widths, children, data, costs.
    const n = 12;
    const m = 2;
    const rng = createRng(5);
    const meanH = Math.ceil(Math.sqrt(n));
    const h = Math.min(n, 1 + Math.floor(rng() * (2 * meanH - 1)));
    const raw = Array.from({ length: h }, () => 1 + Math.floor(rng() * (2 * Math.ceil(Math.sqrt(n)) - 1)));
    const w = generateWorkflow({ n, m, outDegree: 2, ccr: 1, beta: 0.5, averageCost: 20 }, 5);
    const lv = levels(n, w.edges);
    expect(Math.max(...lv) + 1).toBe(h);
    // Each level keeps at least one task and widths follow the raw draws' proportions within one task.
    const widths = Array.from({ length: h }, (_, l) => lv.filter((x) => x === l).length);
    const total = raw.reduce((a, b) => a + b, 0);
    widths.forEach((wd, l) => {
      expect(wd).toBeGreaterThanOrEqual(1);
      expect(Math.abs(wd - (raw[l]! * n) / total)).toBeLessThan(2);
    });
  });
});

describe('generateWorkflow: properties', () => {
  it('generateWorkflow(options, seed) is a valid DAG of n tasks × m devices that compileWorkflow accepts, deterministic per seed', () => {
    fc.assert(
      fc.property(optionsArb, fc.integer({ min: 0, max: 2 ** 31 }), (o, seed) => {
        const w = generateWorkflow(o, seed);
        expect(w.tasks.map((t) => t.id)).toEqual(Array.from({ length: o.n }, (_, i) => `t${i}`));
        expect(w.devices).toHaveLength(o.m);
        const c = compileWorkflow(w);
        expect(c.n).toBe(o.n);
        for (const row of w.execTime) for (const v of row) expect(Number.isFinite(v) && v >= 0).toBe(true);
        for (const e of w.edges) expect(e.data >= 0 && e.data < 2 * o.ccr * o.averageCost + 1e-9).toBe(true);
        expect(JSON.stringify(generateWorkflow(o, seed))).toBe(JSON.stringify(w));
      }),
      { numRuns: 100 },
    );
  });

  it('generateWorkflow links level to level: every non-entry task has a parent one level up, out-degree ≤ outDegree plus orphan repairs', () => {
    fc.assert(
      fc.property(optionsArb, fc.integer({ min: 0, max: 1000 }), (o, seed) => {
        const w = generateWorkflow(o, seed);
        const lv = levels(o.n, w.edges);
        for (const e of w.edges) expect(lv[Number(e.to.slice(1))]! - lv[Number(e.from.slice(1))]!).toBe(1);
        const indeg = new Array<number>(o.n).fill(0);
        for (const e of w.edges) indeg[Number(e.to.slice(1))]!++;
        lv.forEach((l, i) => expect(l === 0 || indeg[i]! > 0).toBe(true));
        // Entry tasks are exactly level 0 and they come first in index order.
        const firstNonEntry = lv.findIndex((l) => l > 0);
        if (firstNonEntry > 0) expect(lv.slice(0, firstNonEntry).every((l) => l === 0)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('generateWorkflow({ccr}) has mean edge data ≈ CCR × mean computation cost over many graphs (within 10%)', () => {
    for (const ccr of [0.1, 1, 5]) {
      let data = 0;
      let edges = 0;
      let work = 0;
      let cells = 0;
      for (let seed = 0; seed < 60; seed++) {
        const w = generateWorkflow({ n: 80, m: 4, ccr }, seed);
        for (const e of w.edges) (data += e.data), edges++;
        for (const row of w.execTime) for (const v of row) (work += v), cells++;
      }
      const ratio = data / edges / (work / cells);
      expect(Math.abs(ratio / ccr - 1)).toBeLessThan(0.1);
    }
  });

  it('generateWorkflow({alpha}) makes graphs shallower as α grows (mean depth ≈ √v/α)', () => {
    const depth = (alpha: number): number => {
      let sum = 0;
      for (let seed = 0; seed < 80; seed++) {
        const w = generateWorkflow({ n: 100, m: 2, alpha }, seed);
        sum += Math.max(0, ...levels(100, w.edges)) + 1;
      }
      return sum / 80;
    };
    const d05 = depth(0.5);
    const d1 = depth(1);
    const d2 = depth(2);
    expect(d05).toBeGreaterThan(d1);
    expect(d1).toBeGreaterThan(d2);
    expect(Math.abs(d1 / 10 - 1)).toBeLessThan(0.2); // √100 / 1 = 10
    expect(Math.abs(d05 / 20 - 1)).toBeLessThan(0.2);
  });
});

describe('generateWorkflow: edge cases', () => {
  it('generateWorkflow({n: 0}) is an empty workflow; n = 1 has one task and no edge', () => {
    expect(generateWorkflow({ n: 0, m: 2 }, 1)).toEqual({ tasks: [], devices: [{ id: 'd0', tier: 'edge' }, { id: 'd1', tier: 'edge' }], execTime: [], edges: [] });
    const one = generateWorkflow({ n: 1, m: 1 }, 1);
    expect(one.tasks).toEqual([{ id: 't0' }]);
    expect(one.edges).toEqual([]);
  });

  it('generateWorkflow({tiers}) sets one tier for all devices or one per device', () => {
    expect(generateWorkflow({ n: 2, m: 2, tiers: 'fog' }, 0).devices.map((d) => d.tier)).toEqual(['fog', 'fog']);
    expect(generateWorkflow({ n: 2, m: 3, tiers: ['edge', 'fog', 'cloud'] }, 0).devices.map((d) => d.tier)).toEqual(['edge', 'fog', 'cloud']);
  });

  it('generateWorkflow({ccr: 0}) has zero-data edges', () => {
    const w = generateWorkflow({ n: 20, m: 2, ccr: 0 }, 4);
    expect(w.edges.length).toBeGreaterThan(0);
    expect(w.edges.every((e) => e.data === 0)).toBe(true);
  });

  it('generateWorkflow rejects bad options naming the field', () => {
    const cases: [unknown, unknown, typeof InputTypeError | typeof InputRangeError, RegExp][] = [
      [undefined, 0, InputTypeError, /^generateWorkflow: options must be an object with n and m, got undefined$/],
      [{ n: 3 }, 0, InputTypeError, /options\.m must be an integer, got undefined/],
      [{ n: 3, m: 0 }, 0, InputRangeError, /options\.m must be an integer >= 1, got 0/],
      [{ n: 3, m: 1, alpha: 0 }, 0, InputRangeError, /options\.alpha must be a finite number > 0, got 0/],
      [{ n: 3, m: 1, beta: 3 }, 0, InputRangeError, /options\.beta must be a number in \[0, 2\], got 3/],
      [{ n: 3, m: 1, ccr: NaN }, 0, InputRangeError, /options\.ccr must be a finite number, got NaN/],
      [{ n: 3, m: 1, outDegree: 0 }, 0, InputRangeError, /options\.outDegree must be an integer >= 1/],
      [{ n: 3, m: 2, tiers: ['edge'] }, 0, InputRangeError, /options\.tiers has 1 entries, expected 2/],
      [{ n: 3, m: 1, tiers: 'sky' }, 0, InputTypeError, /options\.tiers must be one of 'edge', 'fog', 'cloud'/],
      [{ n: 3, m: 1, shape: 1 }, 0, InputTypeError, /options\.shape is not a known option/],
      [{ n: 3, m: 1 }, 1.5, InputRangeError, /seed must be an integer, got 1\.5/],
      [{ n: 5000, m: 5000 }, 0, InputRangeError, /exceeds the limit/],
      [{ n: 5, m: 1, ccr: 9e107, averageCost: 1e200 }, 0, InputRangeError, /options\.ccr × options\.averageCost is too large/],
      [{ n: 5, m: 1, averageCost: 1e308 }, 0, InputRangeError, /options\.averageCost is too large/],
      [{ n: 1000, m: 1, averageCost: 1e305 }, 0, InputRangeError, /options\.averageCost is too large for 1000 tasks/],
    ];
    for (const [o, seed, cls, msg] of cases) {
      expect(() => generateWorkflow(o as never, seed as never)).toThrow(cls);
      expect(() => generateWorkflow(o as never, seed as never)).toThrow(msg);
    }
  });

  it('generateWorkflow does not mutate a frozen options object', () => {
    const o = Object.freeze({ n: 8, m: 2, tiers: Object.freeze(['edge', 'cloud'] as const) });
    expect(() => generateWorkflow(o, 1)).not.toThrow();
  });
});

describe('generateWorkflow: device limit', () => {
  it('generateWorkflow({n: 0, m: 1 000 000}) throws InputRangeError on options.m (found by the fuzz test: its workflow could not be compiled, m × m tables), and m = 8192 still compiles', () => {
    let err: unknown;
    try {
      generateWorkflow({ n: 0, m: 1_000_000 }, 1);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputRangeError);
    expect((err as InputRangeError).field).toBe('options.m');
    expect(compileWorkflow(generateWorkflow({ n: 1, m: 8192 }, 1)).m).toBe(8192);
  });
});
