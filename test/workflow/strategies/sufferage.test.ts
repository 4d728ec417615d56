import { describe, expect, it } from 'vitest';
import { scheduleWorkflow } from '../../../src/index.js';
import { readyExample } from './readyExample.js';

describe("scheduleWorkflow(w, {strategy: 'sufferage'}): reference values (hand-computed)", () => {
  it('places [0, 0, 1, 0], runs [0, 3, 1] on x, makespan 8, data arrival included', () => {
    // sufferage: p 2, q 0, s 7 → s x [2,3]; then p 7 − 6 = 1, q 9 − 8 = 1, tie → p x [3,6]; q → y [6,8].
    const s = scheduleWorkflow(readyExample, { strategy: 'sufferage' });
    expect([s.placement, s.makespan, s.order[0]]).toEqual([[0, 0, 1, 0], 8, [0, 3, 1]]);
  });
});
