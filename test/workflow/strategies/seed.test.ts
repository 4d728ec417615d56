import { describe, expect, it } from 'vitest';
import { scheduleWorkflow } from '../../../src/index.js';
import { readyExample } from './readyExample.js';

describe("scheduleWorkflow(w, {strategy: 'seed'}): reference values (hand-computed)", () => {
  it('places [0, 1, 0, 0], runs [0, 2, 3] on x, makespan 9, data arrival included', () => {
    // seed, priority q 3 > s 2 > p 1: q → x [2,8] (tie); s: x 9, y 10 → x [8,9]; p: x 12, y 7 → y.
    const s = scheduleWorkflow(readyExample, { strategy: 'seed' });
    expect([s.placement, s.makespan, s.order[0]]).toEqual([[0, 1, 0, 0], 9, [0, 2, 3]]);
  });
});
