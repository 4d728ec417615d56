import { describe, expect, it } from 'vitest';
import { Deadline } from '../../src/internal/deadline.js';

/** A clock that reads the values given, one per call (the last one repeated), and counts its reads. */
function scripted(values: readonly number[]): { now: () => number; reads: () => number } {
  let k = 0;
  return { now: () => values[Math.min(k++, values.length - 1)]!, reads: () => k };
}

describe('Deadline', () => {
  it('new Deadline(10, clock).passed() is false before 10, true from 10 on, and stays true when the clock goes back', () => {
    const c = scripted([9, 9.999, 10, 3]);
    const d = new Deadline(10, c.now);
    expect([d.passed(), d.passed(), d.passed(), d.passed()]).toEqual([false, false, true, true]);
    expect(c.reads()).toBe(3); // once passed, the clock is not read again
  });

  it('passed(reserveMs) keeps the reserve back: now + reserve ≥ at counts as passed', () => {
    expect(new Deadline(10, () => 7).passed(2)).toBe(false);
    expect(new Deadline(10, () => 7).passed(3)).toBe(true);
  });

  it('tick(stride) reads the clock on every stride-th call only', () => {
    const c = scripted([0, 0, 20]);
    const d = new Deadline(10, c.now);
    const seen = Array.from({ length: 9 }, () => d.tick(3));
    expect(seen).toEqual([false, false, false, false, false, false, false, false, true]);
    expect(c.reads()).toBe(3);
  });

  it('a Deadline at Infinity never reads its clock and has Infinity left; Deadline.after(ms, clock) is ms after the clock', () => {
    const c = scripted([5]);
    const never = new Deadline(Infinity, c.now);
    expect([never.passed(1e300), never.tick(1), never.remaining()]).toEqual([false, false, Infinity]);
    expect(c.reads()).toBe(0);
    const d = Deadline.after(100, () => 40);
    expect(d.at).toBe(140);
    expect(d.remaining()).toBe(100);
    expect(Deadline.after(Infinity, c.now).at).toBe(Infinity);
  });

  it('remaining() is 0 once passed, never negative', () => {
    const d = new Deadline(10, () => 25);
    expect(d.remaining()).toBe(0);
    expect(d.passed()).toBe(true);
    expect(d.remaining()).toBe(0);
  });
});
