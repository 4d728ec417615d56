import { describe, expect, it } from 'vitest';
import { compileWorkflow } from '../../src/index.js';
import { ListState } from '../../src/workflow/listState.js';

describe('ListState (internal): the partial schedule', () => {
  const cw = compileWorkflow({
    tasks: [{ id: 'a' }, { id: 'b', release: 1 }],
    devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'fog' }],
    execTime: [[2, 2], [3, 1]],
    edges: [{ from: 'a', to: 'b', data: 4 }],
    network: { latency: 1 },
  });

  it('dataReady ignores predecessors not yet placed (lookahead) and counts release and transfers', () => {
    const st = new ListState(cw);
    expect(st.dataReady(1, 1)).toBe(1);
    st.place(0, 0, 0, 2, 0);
    expect([st.dataReady(1, 0), st.dataReady(1, 1)]).toEqual([2, 7]);
  });

  it('place then unplace restores the state; plan() reads placement and per-device order from the timelines', () => {
    const st = new ListState(cw);
    st.place(0, 0, 0, 2, 0);
    st.place(1, 0, 2, 5, 1);
    expect([Array.from(st.plan().placement), st.plan().order, st.placed]).toEqual([[0, 0], [[0, 1], []], 2]);
    st.unplace(1, 1);
    expect([st.device[1], st.plan().order, st.placed]).toEqual([-1, [[0], []], 1]);
  });
});
