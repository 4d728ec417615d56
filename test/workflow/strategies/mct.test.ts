import { describe, expect, it } from 'vitest';
import { scheduleWorkflow } from '../../../src/index.js';
import { readyExample } from './readyExample.js';

describe("scheduleWorkflow(w, {strategy: 'mct'}): reference values (hand-computed)", () => {
  it('places [0, 0, 1, 0], runs [0, 1, 3] on x, makespan 8, data arrival included', () => {
    // mct, index order: p → x [2,5]; q: x 11, y 8 → y [6,8]; s: x 6, y 12 → x [5,6].
    const s = scheduleWorkflow(readyExample, { strategy: 'mct' });
    expect([s.placement, s.makespan, s.order[0]]).toEqual([[0, 0, 1, 0], 8, [0, 1, 3]]);
  });
});
