import { describe, expect, it } from 'vitest';
import { scheduleWorkflow } from '../../../src/index.js';
import { readyExample } from './readyExample.js';

describe("scheduleWorkflow(w, {strategy: 'min-min'}): reference values (hand-computed)", () => {
  it('places [0, 0, 1, 0], runs [0, 3, 1] on x, makespan 8, data arrival included', () => {
    // min-min: s (3) → x [2,3]; p (x 6, y 7) 6 < q 8 → x [3,6]; q: x 12, y 8 → y.
    const s = scheduleWorkflow(readyExample, { strategy: 'min-min' });
    expect([s.placement, s.makespan, s.order[0]]).toEqual([[0, 0, 1, 0], 8, [0, 3, 1]]);
  });
});
