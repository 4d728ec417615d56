import { describe, expect, it } from 'vitest';
import { scheduleWorkflow } from '../../../src/index.js';
import { topcuoglu2002 } from '../fixtures.js';

describe("scheduleWorkflow(w, {strategy: 'cpop'}): reference values", () => {
  it("on Topcuoglu et al. 2002's sample graph gives the published schedule length 86, the critical path n1, n2, n9, n10 on p2", () => {
    const s = scheduleWorkflow(topcuoglu2002(), { strategy: 'cpop' });
    expect(s.makespan).toBe(86);
    expect([0, 1, 8, 9].map((i) => s.placement[i])).toEqual([1, 1, 1, 1]);
  });
});
