import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../../src/problem/compile.js';
import { completionRow, decision, initialAvailability, place, scanTopTwo } from '../../../src/solvers/heuristics/completion.js';

const cp = compileProblem({
  tasks: [{ id: 'a', release: 4 }, { id: 'b' }],
  devices: [{ id: 'x', tier: 'edge', ready: 1 }, { id: 'y', tier: 'edge' }, { id: 'z', tier: 'cloud', ready: 6 }, { id: 'w', tier: 'cloud' }],
  execTime: [[2, 3, 1, Infinity], [5, 5, 5, 5]],
  transferTime: [[1, 0, 0, 0], [0, 0, Infinity, 0]],
});

describe('completion primitives: reference values', () => {
  it('completionRow gives max(avail, release) + (transfer + exec), Infinity where forbidden', () => {
    const row = new Float64Array(4);
    completionRow(cp, initialAvailability(cp), 0, row);
    expect(Array.from(row)).toEqual([4 + 3, 4 + 3, 6 + 1, Infinity]);
  });

  it('scanTopTwo takes the lowest index on a tie for best and for runner-up, and -1/Infinity without a runner-up', () => {
    const avail = initialAvailability(cp);
    const bd = new Int32Array(2);
    const bc = new Float64Array(2);
    const sd = new Int32Array(2);
    const sc = new Float64Array(2);
    scanTopTwo(cp, avail, 0, bd, bc, sd, sc);
    expect([bd[0], bc[0], sd[0], sc[0]]).toEqual([0, 7, 1, 7]);
    scanTopTwo(cp, avail, 1, bd, bc, sd, sc);
    expect([bd[1], bc[1], sd[1], sc[1]]).toEqual([1, 5, 3, 5]);
    const lone = compileProblem({ tasks: [{ id: 'a' }], devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'edge' }], execTime: [[Infinity, 2]] });
    scanTopTwo(lone, initialAvailability(lone), 0, bd, bc, sd, sc);
    expect([bd[0], bc[0], sd[0], sc[0]]).toEqual([1, 2, -1, Infinity]);
  });

  it('place advances the device to the completion time and returns it', () => {
    const avail = initialAvailability(cp);
    expect(place(cp, avail, 0, 2)).toBe(7);
    expect(Array.from(avail)).toEqual([1, 0, 7, 0]);
  });

  it('decision lists candidates and exclusions in device order, with the margin to the runner-up', () => {
    const row = new Float64Array(4);
    completionRow(cp, initialAvailability(cp), 1, row);
    expect(decision(cp, 1, 3, row, 1)).toEqual({
      task: 1,
      step: 3,
      candidates: [{ device: 0, score: 6 }, { device: 1, score: 5 }, { device: 3, score: 5 }],
      chosen: 1,
      margin: 0,
      excluded: [{ device: 2, reason: 'forbidden: transferTime is Infinity' }],
    });
  });
});
