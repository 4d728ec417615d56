import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOLD_MS, heldSlot } from '../../../src/solvers/lsap/lsapHold.js';

describe('heldSlot (a strong reference released HOLD_MS after the last set)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('heldSlot().get() returns the value set until HOLD_MS after the last set, then undefined', () => {
    vi.useFakeTimers();
    const slot = heldSlot<Float64Array>();
    expect(slot.get()).toBeUndefined();
    const a = new Float64Array(4);
    slot.set(a);
    vi.advanceTimersByTime(HOLD_MS - 1);
    expect(slot.get()).toBe(a);
    slot.set(a); // restarts the countdown
    vi.advanceTimersByTime(HOLD_MS - 1);
    expect(slot.get()).toBe(a);
    vi.advanceTimersByTime(1);
    expect(slot.get()).toBeUndefined();
  });

  it('heldSlot().set(b) replaces the held value and the countdown', () => {
    vi.useFakeTimers();
    const slot = heldSlot<string>();
    slot.set('a');
    vi.advanceTimersByTime(HOLD_MS / 2);
    slot.set('b');
    vi.advanceTimersByTime(HOLD_MS - 1);
    expect(slot.get()).toBe('b');
    vi.advanceTimersByTime(1);
    expect(slot.get()).toBeUndefined();
  });
});
