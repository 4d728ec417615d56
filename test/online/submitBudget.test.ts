// Item 4 of issue 11, online: submit never drives a budget negative.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complete, createOnlineState, strategyNames, submit, type OnlineState } from '../../src/index.js';
import { deepFreeze } from '../arbitraries.js';

describe('submit within budgets: reference values (issue 11, item 4)', () => {
  it('submit(demand 5, then 5, then 1) on a device of budget 5 keeps the budget at 0 and lists the last two as unplaced (was −5, then −6)', () => {
    let s: OnlineState = deepFreeze(createOnlineState([{ id: 'x', tier: 'edge', budget: 5 }]));
    const a = submit(s, [{ id: 'a', execTime: [1], demand: 5 }], 0);
    expect(a.unplaced).toEqual([]);
    s = a.state;
    expect(s.devices[0]!.budget).toBe(0);
    const b = submit(s, [{ id: 'b', execTime: [1], demand: 5 }], 0);
    expect(b.decisions).toEqual([]);
    expect(b.unplaced).toEqual([{ id: 'b', index: 0, reason: expect.stringMatching(/^tasks\[0\]\.demand \(5\) of task "b" fits on no device/) }]);
    expect(b.state.devices[0]!.budget).toBe(0);
    expect(b.state.pending.map((p) => p.id)).toEqual(['a']);
    const c = submit(b.state, [{ id: 'c', execTime: [1], demand: 1 }], 0);
    expect(c.unplaced.map((u) => u.id)).toEqual(['c']);
    expect(c.state.devices[0]!.budget).toBe(0);
    // After a completes, its demand comes back and b fits.
    const d = submit(complete(c.state, 'a', { exec: 1 }), [{ id: 'b', execTime: [1], demand: 5 }], 1);
    expect(d.unplaced).toEqual([]);
    expect(d.state.devices[0]!.budget).toBe(0);
  });

  it("submit with 'local-search' (which keeps budgets and names the task that fits nowhere) sets it aside and places the rest", () => {
    const s = createOnlineState([{ id: 'x', tier: 'edge', budget: 5 }, { id: 'y', tier: 'cloud', budget: 5 }]);
    const r = submit(s, [{ id: 'a', execTime: [1, 100], demand: 5 }, { id: 'b', execTime: [1, 100], demand: 5 }, { id: 'c', execTime: [1, 100], demand: 5 }], 0, { strategy: 'local-search' });
    expect(r.decisions.map((d) => d.id)).toEqual(['a', 'b']);
    expect(r.unplaced.map((u) => u.id)).toEqual(['c']);
    expect(r.state.devices.map((d) => d.budget)).toEqual([0, 0]);
  });
});

describe('submit within budgets: properties', () => {
  it('submit with any strategy, any demands and budgets, never leaves a negative budget, and every task is either decided or unplaced', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...strategyNames),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.record({ demand: fc.integer({ min: 0, max: 4 }), a: fc.integer({ min: 1, max: 9 }), b: fc.integer({ min: 1, max: 9 }) }), { maxLength: 6 }),
        (strategy, budgets, tasks) => {
          const s0 = createOnlineState(budgets.map((budget, j) => ({ id: `d${j}`, tier: 'edge' as const, budget })));
          const batch = tasks.map((t, i) => ({ id: `t${i}`, demand: t.demand, execTime: budgets.map((_, j) => (j % 2 === 0 ? t.a : t.b)) }));
          const r = submit(s0, batch, 0, { strategy, maxIterations: 20, timeLimitMs: 50 });
          for (const d of r.state.devices) expect(d.budget!).toBeGreaterThanOrEqual(0);
          expect([...r.decisions.map((d) => d.id), ...r.unplaced.map((u) => u.id)].sort()).toEqual(batch.map((t) => t.id).sort());
          expect(r.state.submitted).toBe(r.decisions.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('submit and simulate name themselves for a batch without normalized priorities (issue 11, item 9)', () => {
  it("submit(task with criteria importance 0) throws naming submit and tasks[*].criteria.importance, not solve's problem", () => {
    const s = createOnlineState([{ id: 'x', tier: 'edge' }]);
    expect(() => submit(s, [{ id: 'a', execTime: [1], criteria: { importance: 0, urgency: 1, satisfaction: 1 } }], 0)).toThrow(
      "submit: tasks[*].criteria.importance sums to 0 over the batch's tasks with criteria",
    );
    // With an explicit priority the criteria are not needed.
    expect(submit(s, [{ id: 'a', execTime: [1], priority: 1, criteria: { importance: 0, urgency: 1, satisfaction: 1 } }], 0).decisions).toHaveLength(1);
  });
});
