import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateWorkflow, InputRangeError, workflowLowerBound, type Workflow } from '../../src/index.js';
import { workflowArb } from './arbitraries.js';
import { topcuoglu2002 } from './fixtures.js';

describe('workflowLowerBound: reference values', () => {
  it('workflowLowerBound runs its TSDoc example: path 5, work 4, bound 5', () => {
    expect(workflowLowerBound({
      tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
      execTime: [[2, 4], [3, 1], [5, 5]],
      edges: [{ from: 'a', to: 'b', data: 9 }],
    })).toEqual({ path: 5, work: 4, bound: 5 });
  });

  it('workflowLowerBound(topcuoglu2002): path 9 + 13 + 12 + 7 = 41 (n1 → n2 → n9 → n10 fastest), work 91 / 3 (row minima 9, 13, 11, 8, 10, 9, 7, 5, 12, 7)', () => {
    const b = workflowLowerBound(topcuoglu2002());
    const w = topcuoglu2002();
    const mins = w.execTime.map((r) => Math.min(...r));
    expect(b.work).toBeCloseTo(91 / 3, 12);
    expect(mins).toEqual([9, 13, 11, 8, 10, 9, 7, 5, 12, 7]);
    expect(b.path).toBe(9 + 13 + 12 + 7);
    expect(b.bound).toBe(41);
  });

  it('counts release times and the earliest ready time among allowed devices', () => {
    const w: Workflow = {
      tasks: [{ id: 'a', release: 4 }, { id: 'b' }],
      devices: [{ id: 'x', tier: 'edge', ready: 10 }, { id: 'y', tier: 'cloud', ready: 2 }],
      execTime: [[1, 3], [1, Infinity]],
      edges: [],
    };
    // a: max(4, 2) + 1 = 5; b: max(0, 10) + 1 = 11 (only x allowed)
    expect(workflowLowerBound(w)).toEqual({ path: 11, work: 1, bound: 11 });
  });
});

describe('workflowLowerBound: properties', () => {
  it('workflowLowerBound is monotone: adding an edge never lowers the path bound', () => {
    fc.assert(
      fc.property(workflowArb({ minTasks: 2 }), (w) => {
        const b0 = workflowLowerBound({ ...w, edges: [] });
        const b1 = workflowLowerBound(w);
        expect(b1.path).toBeGreaterThanOrEqual(b0.path);
        expect(b1.work).toBe(b0.work);
        expect(b1.bound).toBe(Math.max(b1.path, b1.work));
      }),
    );
  });

  it('workflowLowerBound sums the work bound in task order: an edge that reorders the topological order leaves it bit-identical (counterexample found by the property above)', () => {
    const w = {
      tasks: ['t0', 't1', 't2', 't3', 't4', 't5', 't6'].map((id) => ({ id })),
      devices: [{ id: 'd0', tier: 'edge' as const }],
      execTime: [[0], [0.12499999999594102], [1.776356839400251e-15], [16], [0], [0], [0]],
      edges: [{ from: 't4', to: 't2', data: 0 }],
    };
    expect(workflowLowerBound(w).work).toBe(workflowLowerBound({ ...w, edges: [] }).work);
    // The data are not exactly summable in doubles: the bound sits (n + 2) ulps below the nearest-rounded sum.
    const rounded = 0 + 0.12499999999594102 + 1.776356839400251e-15 + 16;
    expect(workflowLowerBound(w).work).toBe(rounded - rounded * 9 * Number.EPSILON);
  });

  it('workflowLowerBound on data whose sums round stays at or below the makespan of every order of summation (the WfCommons montage file: 5585.811 against a makespan of 5585.810999999999 before)', () => {
    const w = {
      tasks: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
      devices: [{ id: 'x', tier: 'edge' as const }],
      execTime: [[0.1], [0.2], [0.3], [5585.211]],
      edges: [],
    };
    const b = workflowLowerBound(w).work;
    for (const order of [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]) {
      let sum = 0;
      for (const i of order) sum += w.execTime[i]![0]!;
      expect(b).toBeLessThanOrEqual(sum);
    }
    expect(b).toBeGreaterThan(5585.811 - 1e-9);
  });

  it('workflowLowerBound keeps exact values when every sum is exact (integers, quarters)', () => {
    const w = { tasks: ['a', 'b', 'c'].map((id) => ({ id })), devices: [{ id: 'x', tier: 'edge' as const }, { id: 'y', tier: 'cloud' as const }], execTime: [[2.25, 4], [3, 1.5], [5, 5]], edges: [{ from: 'a', to: 'b', data: 1 }] };
    expect(workflowLowerBound(w)).toEqual({ path: 5, work: 4.375, bound: 5 });
  });

  it('workflowLowerBound rejects a cycle with the workflowLowerBound prefix', () => {
    expect(() => workflowLowerBound({ tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'x', tier: 'edge' }], execTime: [[1], [1]], edges: [{ from: 'a', to: 'b', data: 0 }, { from: 'b', to: 'a', data: 0 }] }))
      .toThrow(new InputRangeError('workflowLowerBound', 'workflow.edges', 'workflowLowerBound: workflow.edges must form a directed acyclic graph, but contain the cycle "a" -> "b" -> "a"'));
  });
});

/** The least makespan over every placement and every topological order (brute force, tiny graphs). */
function bruteForceMakespan(w: Workflow): number {
  const n = w.tasks.length;
  const m = w.devices.length;
  const idx = new Map(w.tasks.map((t, i) => [t.id, i]));
  const preds = w.tasks.map(() => [] as number[]);
  for (const e of w.edges) preds[idx.get(e.to)!]!.push(idx.get(e.from)!);
  let best = Infinity;
  const perms = (left: number[], acc: number[]): number[][] =>
    left.length === 0 ? [acc] : left.flatMap((x) => (preds[x]!.every((p) => acc.includes(p)) ? perms(left.filter((y) => y !== x), [...acc, x]) : []));
  const orders = perms(Array.from({ length: n }, (_, i) => i), []);
  for (let code = 0; code < m ** n; code++) {
    const placement = Array.from({ length: n }, (_, i) => Math.floor(code / m ** i) % m);
    if (placement.some((j, i) => w.execTime[i]![j] === Infinity)) continue;
    for (const topo of orders) {
      const order = Array.from({ length: m }, (_, j) => topo.filter((i) => placement[i] === j));
      const ms = evaluateWorkflow(w, placement, order).metrics.makespan;
      if (ms < best) best = ms;
    }
  }
  return best;
}

describe('workflowLowerBound: extreme magnitudes', () => {
  it('workflowLowerBound with an execTime of 1e308 is finite and at most the makespan (was -Infinity: x·(n+1) overflowed)', () => {
    const w: Workflow = { tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'x', tier: 'edge' }], execTime: [[1e308], [0.1]], edges: [] };
    const b = workflowLowerBound(w);
    expect(Number.isFinite(b.bound)).toBe(true);
    expect(b.bound).toBeGreaterThan(0.99e308);
    expect(b.bound).toBeLessThanOrEqual(bruteForceMakespan(w));
  });

  it('workflowLowerBound keeps exact integer sums when a huge time is on a device no bound uses (one huge value no longer marks every sum inexact)', () => {
    const w: Workflow = { tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }], execTime: [[3, 1e300], [1e300, 5]], edges: [{ from: 'a', to: 'b', data: 0 }] };
    expect(workflowLowerBound(w)).toEqual({ path: 8, work: 4, bound: 8 });
  });

  it('workflowLowerBound is finite, ≥ 0 and ≤ the brute-force optimum over magnitudes 1e-300..1e308 and subnormals', () => {
    const mag = fc.oneof(
      fc.double({ min: 1e-300, max: 1e308, noNaN: true }),
      fc.double({ min: Number.MIN_VALUE, max: 2.2250738585072014e-308, noNaN: true }),
      fc.constantFrom(0, Number.MIN_VALUE, 1e-300, 1, 3, 1e308, 0.1),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((n) => fc.record({
          n: fc.constant(n),
          m: fc.integer({ min: 1, max: 2 }),
          exec: fc.array(fc.array(mag, { minLength: 2, maxLength: 2 }), { minLength: n, maxLength: n }),
          release: fc.array(fc.oneof(fc.constant(0), mag), { minLength: n, maxLength: n }),
          chain: fc.boolean(),
        })),
        ({ n, m, exec, release, chain }) => {
          const w: Workflow = {
            tasks: release.map((r, i) => ({ id: `t${i}`, release: r })),
            devices: Array.from({ length: m }, (_, j) => ({ id: `d${j}`, tier: 'edge' as const })),
            execTime: exec.map((r) => r.slice(0, m)),
            edges: chain ? Array.from({ length: n - 1 }, (_, i) => ({ from: `t${i}`, to: `t${i + 1}`, data: 0 })) : [],
          };
          let b;
          try { b = workflowLowerBound(w); } catch (e) { fc.pre(!(e instanceof InputRangeError)); throw e; }
          expect(Number.isFinite(b.bound)).toBe(true);
          expect(b.path).toBeGreaterThanOrEqual(0);
          expect(b.work).toBeGreaterThanOrEqual(0);
          const opt = bruteForceMakespan(w);
          expect(opt).toBeLessThan(Infinity);
          expect(b.bound).toBeLessThanOrEqual(opt);
        },
      ),
      { numRuns: 300 },
    );
  });
});
