import { describe, expect, it } from 'vitest';
import { compileWorkflow, scheduleWorkflow, upwardRanks, type Workflow } from '../../src/index.js';
import { listSchedule } from '../../src/workflow/listSchedule.js';
import { earliestFinish } from '../../src/workflow/select.js';

// b has the lower index, and its predecessor a has the same upward rank
// (a costs nothing, its edge carries no data): sorting by (rank, index) alone
// would put b first; the ready list never does.
const tie: Workflow = {
  tasks: [{ id: 'b' }, { id: 'a' }],
  devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
  execTime: [[2, 3], [0, 0]],
  edges: [{ from: 'a', to: 'b', data: 0 }],
};

describe('listSchedule (internal): the ready-list driver', () => {
  it('pops only ready tasks, so a rank tie along an edge still respects precedence', () => {
    expect(upwardRanks(tie)).toEqual([2.5, 2.5]);
    const cw = compileWorkflow(tie);
    const plan = listSchedule(cw, new Float64Array([2.5, 2.5]), (st, i) => earliestFinish(st, i, true));
    expect(Array.from(plan.placement)).toEqual([0, 0]);
    expect(plan.order).toEqual([[1, 0], []]);
    expect(scheduleWorkflow(tie).schedule.tasks.map((t) => [t.id, t.start, t.finish])).toEqual([['b', 0, 2], ['a', 0, 0]]);
  });

  it('takes the highest priority among ready tasks, ties lowest index', () => {
    const w: Workflow = {
      tasks: [{ id: 't0' }, { id: 't1' }, { id: 't2' }],
      devices: [{ id: 'x', tier: 'edge' }],
      execTime: [[1], [1], [1]],
      edges: [],
    };
    const cw = compileWorkflow(w);
    const plan = listSchedule(cw, new Float64Array([1, 3, 1]), (st, i) => earliestFinish(st, i, false));
    expect(plan.order).toEqual([[1, 0, 2]]);
  });
});
