import { describe, expect, it } from 'vitest';
import { scheduleWorkflow } from '../../../src/index.js';
import { arabnejad2014, timings } from '../fixtures.js';

describe("scheduleWorkflow(w, {strategy: 'peft'}): reference values", () => {
  it("on Arabnejad and Barbosa 2014's sample graph gives the published schedule length 122 with every task's processor, start and finish", () => {
    const s = scheduleWorkflow(arabnejad2014(), { strategy: 'peft' });
    expect(s.makespan).toBe(122);
    // The PEFT schedule of the paper's sample graph (also mackncheesiest/peft's expected schedule).
    expect(timings(s)).toEqual([
      'n1:p1[0,22]', 'n2:p1[29,51]', 'n3:p1[51,83]', 'n4:p1[22,29]', 'n5:p3[35,70]',
      'n6:p2[29,46]', 'n7:p1[83,97]', 'n8:p2[54,77]', 'n9:p3[81,89]', 'n10:p2[106,122]',
    ]);
  });

  it('beats HEFT on that graph (122 < 133), the paper\'s point', () => {
    const w = arabnejad2014();
    expect(scheduleWorkflow(w, { strategy: 'peft' }).makespan).toBeLessThan(scheduleWorkflow(w, { strategy: 'heft' }).makespan);
  });
});
