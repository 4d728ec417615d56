import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleWorkflow, type Workflow } from '../../../src/index.js';
import { workflowArb } from '../arbitraries.js';

describe("scheduleWorkflow(w, {strategy: 'heft-lookahead'})", () => {
  it('looks at the children: a goes to the slower device y because its child b then finishes at 3 instead of 7 (HEFT: 7)', () => {
    const w: Workflow = {
      tasks: [{ id: 'a' }, { id: 'b' }],
      devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
      execTime: [[1, 2], [10, 1]],
      edges: [{ from: 'a', to: 'b', data: 5 }],
    };
    expect(scheduleWorkflow(w, { strategy: 'heft' }).makespan).toBe(7);
    const s = scheduleWorkflow(w, { strategy: 'heft-lookahead' });
    expect([s.placement, s.makespan]).toEqual([[1, 1], 3]);
  });

  it('equals HEFT on graphs without edges (no children to look at)', () => {
    fc.assert(
      fc.property(workflowArb(), (w) => {
        const noEdges = { ...w, edges: [] };
        expect(scheduleWorkflow(noEdges, { strategy: 'heft-lookahead' }).schedule).toEqual(scheduleWorkflow(noEdges, { strategy: 'heft' }).schedule);
      }),
    );
  });
});
