import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/workflow/timeline.js';

describe('Timeline (internal): insertion slots', () => {
  const build = (): Timeline => {
    const t = new Timeline(1);
    t.place(0, 10, 2, 5);
    t.place(1, 11, 8, 9);
    t.place(2, 12, 12, 20);
    return t;
  };
  const slot = { pos: -1 };

  it('earliest(est, dur, insert) finds the first idle slot at or after est that fits, else appends', () => {
    const t = build();
    expect([t.earliest(0, 1, true, slot), slot.pos]).toEqual([1, 0]); // before the first task, from ready 1
    expect([t.earliest(0, 2, true, slot), slot.pos]).toEqual([5, 1]); // [1, 2) too short, [5, 8) fits
    expect([t.earliest(6, 3, true, slot), slot.pos]).toEqual([9, 2]); // [6, 8) too short, [9, 12) fits
    expect([t.earliest(10, 3, true, slot), slot.pos]).toEqual([20, 3]); // [10, 12) too short: append
    expect([t.earliest(30, 3, true, slot), slot.pos]).toEqual([30, 3]);
    expect([t.earliest(12, 0, true, slot), slot.pos]).toEqual([12, 2]); // zero length fits at a start boundary
  });

  it('earliest(..., insert = false) appends after the last task', () => {
    const t = build();
    expect([t.earliest(0, 1, false, slot), slot.pos, t.end]).toEqual([20, 3, 20]);
    expect(new Timeline(4).earliest(1, 1, false, slot)).toBe(4);
  });

  it('place and remove keep the intervals sorted and undo exactly', () => {
    const t = build();
    const s = t.earliest(5, 3, true, slot);
    t.place(slot.pos, 13, s, s + 3);
    expect(t.tasks).toEqual([10, 13, 11, 12]);
    expect(t.starts).toEqual([2, 5, 8, 12]);
    t.remove(1);
    expect([t.tasks, t.starts, t.finishes]).toEqual([[10, 11, 12], [2, 8, 12], [5, 9, 20]]);
  });

  it('earliest(..., cutoff) gives up with Infinity once the finish cannot be strictly below the cutoff, else answers as without it', () => {
    const t = build();
    expect(t.earliest(6, 3, true, slot, 12)).toBe(Infinity); // the slot found would finish at 12, not < 12
    expect(t.earliest(6, 3, true, slot, 12.5)).toBe(9);
    expect(t.earliest(0, 2, true, slot, 2)).toBe(Infinity); // est + dur ≥ cutoff already
    expect(t.earliest(0, 1, false, slot, 21)).toBe(20);
  });
});
