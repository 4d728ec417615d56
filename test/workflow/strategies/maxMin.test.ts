import { describe, expect, it } from 'vitest';
import { scheduleWorkflow } from '../../../src/index.js';
import { readyExample } from './readyExample.js';

describe("scheduleWorkflow(w, {strategy: 'max-min'}): reference values (hand-computed)", () => {
  it('places [0, 1, 0, 0], runs [0, 2, 3] on x, makespan 9, data arrival included', () => {
    // max-min: q (8) → x [2,8]; then p best 7 (y), s best 9 (x) → s x [8,9]; p → y [6,7].
    const s = scheduleWorkflow(readyExample, { strategy: 'max-min' });
    expect([s.placement, s.makespan, s.order[0]]).toEqual([[0, 1, 0, 0], 9, [0, 2, 3]]);
  });
});
