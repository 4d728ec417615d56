import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InfeasibleError, InputRangeError, InputTypeError, evaluateWorkflow, scheduleWorkflow, workflowLowerBound, workflowStrategyNames, type Workflow } from '../../src/index.js';
import { deepFreeze } from '../arbitraries.js';
import { workflowArb } from './arbitraries.js';
import { topcuoglu2002 } from './fixtures.js';
import { violations } from './validity.js';

const example = (): Workflow => ({
  tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  devices: [{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }],
  execTime: [[2, 1], [3, 1], [2, 2]],
  edges: [{ from: 'a', to: 'b', data: 4 }, { from: 'a', to: 'c', data: 1 }],
});

describe('scheduleWorkflow: reference values', () => {
  it('scheduleWorkflow runs its TSDoc example: placement [1, 1, 0], order [[2], [0, 1]], makespan 4, lower bound 3', () => {
    const s = scheduleWorkflow(example(), { strategy: 'heft' });
    expect([s.placement, s.order, s.makespan, s.lowerBound]).toEqual([[1, 1, 0], [[2], [0, 1]], 4, 3]);
    expect(s.gap).toBeCloseTo(1 / 3, 12);
  });

  it("scheduleWorkflow defaults to 'heft' and lists nine strategies", () => {
    expect(scheduleWorkflow(topcuoglu2002()).strategy).toBe('heft');
    expect(workflowStrategyNames).toEqual(['heft', 'cpop', 'peft', 'heft-lookahead', 'mct', 'min-min', 'max-min', 'sufferage', 'seed']);
  });
});

describe('scheduleWorkflow: properties', () => {
  for (const strategy of workflowStrategyNames) {
    it(`scheduleWorkflow(w, {strategy: '${strategy}'}) is valid (precedence with data arrival, no overlap, allowed devices), equals evaluateWorkflow of its plan, and is ≥ the lower bound`, () => {
      fc.assert(
        fc.property(workflowArb(), (w) => {
          const frozen = deepFreeze(w);
          const before = JSON.stringify(frozen);
          const s = scheduleWorkflow(frozen, { strategy });
          expect(violations(frozen, s.schedule)).toEqual([]);
          expect(evaluateWorkflow(frozen, s.placement, s.order)).toEqual(s.schedule);
          const lb = workflowLowerBound(frozen).bound;
          expect(s.lowerBound).toBe(lb);
          expect(s.makespan).toBeGreaterThanOrEqual(lb * (1 - 1e-12));
          expect(JSON.stringify(frozen)).toBe(before);
          expect(scheduleWorkflow(frozen, { strategy })).toEqual(s);
        }),
      );
    });
  }

  it("'heft' builds the same schedule whatever the order of the edges in the input", () => {
    fc.assert(
      fc.property(workflowArb(), (w) => {
        const reversed = { ...w, edges: w.edges.slice().reverse() };
        expect(scheduleWorkflow(reversed).schedule.tasks).toEqual(scheduleWorkflow(w).schedule.tasks);
      }),
    );
  });
});

describe('scheduleWorkflow: edge cases', () => {
  const one: Workflow = { tasks: [{ id: 'only', release: 2 }], devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'fog', ready: 1 }], execTime: [[5, 4]], edges: [] };

  for (const strategy of workflowStrategyNames) {
    it(`scheduleWorkflow(one task, {strategy: '${strategy}'}) runs it on its earliest-finish device at its release`, () => {
      const s = scheduleWorkflow(one, { strategy });
      expect(s.schedule.tasks).toEqual([{ task: 0, id: 'only', device: 1, start: 2, finish: 6 }]);
    });
  }

  it('scheduleWorkflow of an empty workflow has makespan 0 and gap 0', () => {
    const s = scheduleWorkflow({ tasks: [], devices: [{ id: 'x', tier: 'edge' }], execTime: [], edges: [] });
    expect([s.makespan, s.lowerBound, s.gap, s.order]).toEqual([0, 0, 0, [[]]]);
  });

  it('scheduleWorkflow runs disconnected chains in parallel and never uses a forbidden device', () => {
    const w: Workflow = {
      tasks: [{ id: 'a1' }, { id: 'a2' }, { id: 'b1' }, { id: 'b2' }],
      devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
      execTime: [[3, Infinity], [3, Infinity], [Infinity, 3], [Infinity, 3]],
      edges: [{ from: 'a1', to: 'a2', data: 0 }, { from: 'b1', to: 'b2', data: 0 }],
    };
    for (const strategy of workflowStrategyNames) {
      const s = scheduleWorkflow(w, { strategy });
      expect([s.placement, s.makespan]).toEqual([[0, 0, 1, 1], 6]);
    }
  });

  it('with Infinity bandwidth and zero latency communication is free: HEFT on the Topcuoglu graph reaches the free-communication bound', () => {
    const w = { ...topcuoglu2002(), network: { bandwidth: Infinity } };
    const s = scheduleWorkflow(w);
    expect(s.schedule.transfers.every((t) => t.arrival === t.start)).toBe(true);
    expect(s.makespan).toBeGreaterThanOrEqual(s.lowerBound);
  });

  it('zero-data edges still cost the latency between different devices', () => {
    const w: Workflow = {
      tasks: [{ id: 'a' }, { id: 'b' }],
      devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
      execTime: [[1, Infinity], [Infinity, 1]],
      edges: [{ from: 'a', to: 'b', data: 0 }],
      network: { latency: 2.5 },
    };
    expect(scheduleWorkflow(w).schedule.tasks[1]).toEqual({ task: 1, id: 'b', device: 1, start: 3.5, finish: 4.5 });
  });

  it('scheduleWorkflow rejects a cycle naming it, an unknown strategy listing the known ones, an unknown option, and a task with no device', () => {
    const cyc = { ...example(), edges: [...example().edges, { from: 'b', to: 'a', data: 1 }] };
    expect(() => scheduleWorkflow(cyc)).toThrow(new InputRangeError('scheduleWorkflow', 'workflow.edges', 'scheduleWorkflow: workflow.edges must form a directed acyclic graph, but contain the cycle "a" -> "b" -> "a"'));
    expect(() => scheduleWorkflow(cyc)).toThrow(InputRangeError);
    expect(() => scheduleWorkflow(example(), { strategy: 'hfet' as never })).toThrow(InputTypeError);
    expect(() => scheduleWorkflow(example(), { strategy: 'hfet' as never })).toThrow("scheduleWorkflow: options.strategy must be one of 'heft', 'cpop', 'peft', 'heft-lookahead', 'mct', 'min-min', 'max-min', 'sufferage', 'seed', got \"hfet\"");
    expect(() => scheduleWorkflow(example(), { strategey: 'heft' } as never)).toThrow('scheduleWorkflow: options.strategey is not a known option (known: strategy)');
    expect(() => scheduleWorkflow({ ...example(), execTime: [[2, 1], [Infinity, Infinity], [2, 2]] })).toThrow(InfeasibleError);
  });
});
