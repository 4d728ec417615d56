import { describe, expect, it } from 'vitest';
import { compileWorkflow } from '../../src/index.js';
import { ListState } from '../../src/workflow/listState.js';
import { earliestFinish, finishOn, type Choice } from '../../src/workflow/select.js';

describe('select (internal): earliest-finish device selection', () => {
  const cw = compileWorkflow({
    tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'fog' }, { id: 'z', tier: 'cloud' }],
    execTime: [[2, 2, 2], [3, 1, Infinity], [1, 1, 1]],
    edges: [{ from: 'a', to: 'b', data: 4 }],
    network: { latency: 1 },
  });

  it('earliestFinish picks the minimum finish, ties to the lowest device index, never a forbidden device', () => {
    const st = new ListState(cw);
    const a = earliestFinish(st, 0, true);
    expect([a.device, a.start, a.finish]).toEqual([0, 0, 2]); // all three finish at 2: x
    st.place(0, a.device, a.start, a.finish, a.pos);
    const b = earliestFinish(st, 1, true);
    // x: 2 + 3 = 5; y: 2 + 1 + 4 + 1 = 8; z forbidden
    expect([b.device, b.start, b.finish]).toEqual([0, 2, 5]);
  });

  it('a bias shifts the choice (PEFT: EFT + OCT) and finishOn places on a given device', () => {
    const st = new ListState(cw);
    const bias = new Float64Array(9);
    bias[0] = 5; // task a on x
    const a = earliestFinish(st, 0, true, bias);
    expect(a.device).toBe(1);
    const c: Choice = { device: -1, start: 0, finish: 0, pos: 0 };
    expect(finishOn(st, 2, 2, true, c)).toEqual({ device: 2, start: 0, finish: 1, pos: 0 });
  });
});
