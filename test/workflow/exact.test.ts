import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError, scheduleWorkflow, solveWorkflowExact, workflowLowerBound, workflowStrategyNames, type Workflow } from '../../src/index.js';
import { deepFreeze } from '../arbitraries.js';
import { workflowArb } from './arbitraries.js';
import { arabnejad2014, topcuoglu2002 } from './fixtures.js';
import { commTime, violations } from './validity.js';

/**
 * Brute force: every topological order × every allowed placement, each
 * task appended to its device in that order (semi-active). Every semi-active
 * schedule arises this way (list its tasks by start time), so the minimum is
 * the optimum. Independent of src/workflow.
 */
function bruteForce(w: Workflow): number {
  const n = w.tasks.length;
  const m = w.devices.length;
  const idx = new Map(w.tasks.map((t, i) => [t.id, i]));
  const preds: { p: number; data: number }[][] = w.tasks.map(() => []);
  for (const e of w.edges) preds[idx.get(e.to)!]!.push({ p: idx.get(e.from)!, data: e.data });
  const orders: number[][] = [];
  const extend = (seq: number[], used: boolean[]): void => {
    if (seq.length === n) {
      orders.push(seq.slice());
      return;
    }
    for (let i = 0; i < n; i++) {
      if (used[i] || !preds[i]!.every(({ p }) => used[p])) continue;
      used[i] = true;
      seq.push(i);
      extend(seq, used);
      seq.pop();
      used[i] = false;
    }
  };
  extend([], new Array<boolean>(n).fill(false));
  let best = Infinity;
  const place = new Array<number>(n).fill(0);
  const tryAll = (k: number): void => {
    if (k === n) {
      for (const seq of orders) {
        const free = w.devices.map((d) => d.ready ?? 0);
        const fin = new Array<number>(n).fill(0);
        let ms = 0;
        for (const i of seq) {
          const j = place[i]!;
          let t = Math.max(w.tasks[i]!.release ?? 0, free[j]!);
          for (const { p, data } of preds[i]!) t = Math.max(t, fin[p]! + commTime(w, data, place[p]!, j));
          fin[i] = t + w.execTime[i]![j]!;
          free[j] = fin[i]!;
          ms = Math.max(ms, fin[i]!);
        }
        best = Math.min(best, ms);
      }
      return;
    }
    for (let j = 0; j < m; j++) {
      if (w.execTime[k]![j] === Infinity) continue;
      place[k] = j;
      tryAll(k + 1);
    }
  };
  tryAll(0);
  return n === 0 ? 0 : best;
}

describe('solveWorkflowExact: reference values', () => {
  it("solveWorkflowExact runs its TSDoc example: status 'optimal', makespan 4", () => {
    const s = solveWorkflowExact({
      tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      devices: [{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }],
      execTime: [[2, 1], [3, 1], [2, 2]],
      edges: [{ from: 'a', to: 'b', data: 4 }, { from: 'a', to: 'c', data: 1 }],
    });
    expect([s.status, s.makespan, s.gap, s.strategy]).toEqual(['optimal', 4, 0, 'exact']);
  });

  // The optima 73 and 113 were checked once outside the suite by the same brute force as below over all
  // 1680 topological orders × 3^10 placements (99 202 320 list schedules per graph, 86 s), too slow for CI.
  it("solveWorkflowExact(topcuoglu2002) proves the optimum 73 (HEFT 80, HEFT-lookahead 76) with a valid schedule", () => {
    const w = topcuoglu2002();
    const s = solveWorkflowExact(w);
    expect([s.status, s.makespan, s.lowerBound, s.gap]).toEqual(['optimal', 73, 73, 0]);
    expect(violations(w, s.schedule)).toEqual([]);
    expect(workflowLowerBound(w).bound).toBeLessThanOrEqual(73);
  });

  it("solveWorkflowExact(arabnejad2014) proves the optimum 113 (PEFT 122, HEFT 133)", () => {
    const s = solveWorkflowExact(arabnejad2014());
    expect([s.status, s.makespan]).toEqual(['optimal', 113]);
    expect(violations(arabnejad2014(), s.schedule)).toEqual([]);
  });
});

describe('solveWorkflowExact: oracles and properties', () => {
  it('solveWorkflowExact places a zero-duration task before a task starting with it on the same device (makespan 22, found by the brute-force oracle)', () => {
    // d2 is ready at 5: t4 (0 s on d2) and t3 (5 s on d2) both start at 5 there; t4 must come first so that
    // t1 (15 s on d1) can start at 5 and end at 20, while t2 follows t3 on d2 from 10 to 22.
    const w: Workflow = {
      tasks: [{ id: 't0' }, { id: 't1' }, { id: 't2' }, { id: 't3' }, { id: 't4' }],
      devices: [{ id: 'd0', tier: 'edge' }, { id: 'd1', tier: 'edge' }, { id: 'd2', tier: 'edge', ready: 5 }],
      execTime: [[0, Infinity, 0], [18, 15, Infinity], [Infinity, 4, 12], [10, Infinity, 5], [8, Infinity, 0]],
      edges: [{ from: 't4', to: 't1', data: 0 }, { from: 't3', to: 't2', data: 1 }],
    };
    const s = solveWorkflowExact(w);
    expect([s.status, s.makespan, bruteForce(w)]).toEqual(['optimal', 22, 22]);
    expect(violations(w, s.schedule)).toEqual([]);
  });

  it('solveWorkflowExact equals a brute force over every topological order and placement (≤ 6 tasks, ≤ 3 devices, integer times)', () => {
    fc.assert(
      fc.property(workflowArb({ maxTasks: 6, maxDevices: 3, integers: true }), (w) => {
        const s = solveWorkflowExact(w);
        expect(s.status).toBe('optimal');
        expect(s.makespan).toBe(bruteForce(w));
        expect(violations(w, s.schedule)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('solveWorkflowExact is ≤ every heuristic and ≥ the lower bound on graphs of ≤ 8 tasks × ≤ 3 devices; same input, same output', () => {
    fc.assert(
      fc.property(workflowArb({ maxTasks: 8, maxDevices: 3 }), (w) => {
        const frozen = deepFreeze(w);
        const s = solveWorkflowExact(frozen);
        expect(s.status).toBe('optimal');
        for (const strategy of workflowStrategyNames) {
          const h = scheduleWorkflow(frozen, { strategy }).makespan;
          expect(s.makespan).toBeLessThanOrEqual(h);
        }
        expect(s.makespan).toBeGreaterThanOrEqual(workflowLowerBound(frozen).bound * (1 - 1e-12));
        expect(violations(frozen, s.schedule)).toEqual([]);
        expect(solveWorkflowExact(frozen)).toEqual(s);
      }),
      { numRuns: 40 },
    );
  });
});

describe('solveWorkflowExact: large time offsets (Unix timestamps)', () => {
  /** The workflow with every release and device ready time moved later by t (and none left at 0). */
  const shifted = (w: Workflow, t: number): Workflow => ({
    ...w,
    tasks: w.tasks.map((task) => ({ ...task, release: (task.release ?? 0) + t, ...(task.deadline === undefined ? {} : { deadline: task.deadline + t }) })),
    devices: w.devices.map((d) => ({ ...d, ready: (d.ready ?? 0) + t })),
  });
  /** Every time divided by k (k a power of two: exact). */
  const scaled = (w: Workflow, k: number): Workflow => ({ ...w, execTime: w.execTime.map((r) => r.map((x) => x / k)), edges: w.edges.map((e) => ({ ...e, data: e.data / k })) });
  const T0 = 1_700_000_000;

  it('solveWorkflowExact(topcuoglu2002 ÷ 4, every task released at T0 = 1.7e9) proves T0 + 18.25, not T0 + 19 (a gain of 0.75 s is not rounding noise)', () => {
    const base = solveWorkflowExact(scaled(topcuoglu2002(), 4));
    expect([base.status, base.makespan]).toEqual(['optimal', 18.25]);
    const w = shifted(scaled(topcuoglu2002(), 4), T0);
    const s = solveWorkflowExact(w);
    expect([s.status, s.makespan - T0, s.gap]).toEqual(['optimal', 18.25, 0]);
    expect(violations(w, s.schedule)).toEqual([]);
  });

  it('solveWorkflowExact of a workflow shifted by T (releases and ready times) has the optimum shifted by exactly T, equal to the brute force (integer times, T up to 2^45)', () => {
    fc.assert(
      fc.property(workflowArb({ maxTasks: 6, maxDevices: 3, integers: true }), fc.constantFrom(1, 2 ** 31, T0, 2 ** 45), (w, t) => {
        const s0 = solveWorkflowExact(w);
        const ws = shifted(w, t);
        const s = solveWorkflowExact(ws);
        expect(s.status).toBe('optimal');
        expect(s.makespan).toBe(s0.makespan + t);
        expect(s.makespan).toBe(bruteForce(ws));
        expect(violations(ws, s.schedule)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('solveWorkflowExact never claims an optimum the brute force beats, with float times and offsets (the claim is about the evaluated makespan)', () => {
    fc.assert(
      fc.property(workflowArb({ maxTasks: 5, maxDevices: 3 }), fc.constantFrom(0, 1e6, T0, 2 ** 40), (w, t) => {
        const ws = shifted(w, t);
        const s = solveWorkflowExact(ws);
        expect(s.status).toBe('optimal');
        expect(s.makespan).toBeLessThanOrEqual(bruteForce(ws));
      }),
      { numRuns: 60 },
    );
  });
});

describe('solveWorkflowExact: limits and errors', () => {
  it("solveWorkflowExact with maxNodes 0 stops at once with status 'node-limit' and returns the best heuristic", () => {
    const w = topcuoglu2002();
    const s = solveWorkflowExact(w, { maxNodes: 0 });
    expect(s.status).toBe('node-limit');
    expect(s.nodes).toBe(0);
    const best = Math.min(...workflowStrategyNames.filter((x) => x !== 'heft-lookahead').map((strategy) => scheduleWorkflow(w, { strategy }).makespan));
    expect(s.makespan).toBe(best);
    expect(s.lowerBound).toBe(workflowLowerBound(w).bound);
  });

  it('solveWorkflowExact of an empty workflow is optimal with makespan 0', () => {
    const s = solveWorkflowExact({ tasks: [], devices: [{ id: 'x', tier: 'edge' }], execTime: [], edges: [] });
    expect([s.status, s.makespan, s.order]).toEqual(['optimal', 0, [[]]]);
  });

  it('solveWorkflowExact rejects unknown options and negative limits', () => {
    const w = topcuoglu2002();
    expect(() => solveWorkflowExact(w, { maxNode: 3 } as never)).toThrow(InputTypeError);
    expect(() => solveWorkflowExact(w, { maxNodes: -1 })).toThrow(new InputRangeError('solveWorkflowExact', 'options.maxNodes', 'solveWorkflowExact: options.maxNodes must be an integer >= 0, got -1'));
    expect(() => solveWorkflowExact(w, { timeLimitMs: NaN })).toThrow('solveWorkflowExact: options.timeLimitMs must be a finite number, got NaN');
  });
});
