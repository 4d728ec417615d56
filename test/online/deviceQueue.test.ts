import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeviceQueue } from '../../src/online/deviceQueue.js';

// Oracle: complete's re-timing loop written plainly, from scratch at every call.
function plainRetime(tr: readonly number[], nom: readonly number[], from: number, finish: number, ratio: number): number {
  let free = finish;
  for (let q = from; q < tr.length; q++) free = free + tr[q]! + nom[q]! * ratio;
  return free;
}

// Times on a coarse dyadic grid (exact sums, many ties) or arbitrary doubles (roundings at every step).
const time = fc.oneof(fc.integer({ min: 0, max: 8 }).map((x) => x / 4), fc.double({ min: 0, max: 20, noNaN: true }));
const ratioArb = fc.oneof(fc.constant(1), fc.constantFrom(0.5, 1.3, 2), fc.double({ min: 1e-6, max: 1e6, noNaN: true }));

/** One step: push some tasks, then a completion that lands on the plan or off it, with the same ratio or a new one. */
const stepArb = fc.record({
  push: fc.array(fc.tuple(time, time), { maxLength: 6 }),
  onPlan: fc.boolean(),
  offset: time,
  keepRatio: fc.boolean(),
  ratio: ratioArb,
});

describe('DeviceQueue: oracle (the plain re-timing loop from scratch)', () => {
  it('retime(from, finish, ratio) equals the plain loop bit for bit over random pushes and completions, on and off the plan, with kept and changed ratios', () => {
    fc.assert(
      fc.property(ratioArb, fc.array(stepArb, { maxLength: 40 }), (ratio0, steps) => {
        const queue = new DeviceQueue();
        const tr: number[] = [];
        const nom: number[] = [];
        let head = 0; // the next position to finish
        let ratio = ratio0;
        let finish = 0;
        for (const s of steps) {
          for (const [a, b] of s.push) {
            queue.push(a, b);
            tr.push(a);
            nom.push(b);
          }
          if (head >= tr.length) continue;
          // The task at `head` finishes: at its planned finish under the current plan (the plain loop's
          // value after it), or somewhere else; then the ratio is kept or replaced.
          const planned = plainRetime(tr.slice(0, head + 1), nom.slice(0, head + 1), head, finish, ratio);
          finish = s.onPlan ? planned : finish + s.offset;
          if (!s.keepRatio) ratio = s.ratio;
          head++;
          expect(Object.is(queue.retime(head, finish, ratio), plainRetime(tr, nom, head, finish, ratio))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('DeviceQueue: cost', () => {
  it('retime on the plan with a fixed ratio visits each queued task about once in total; a ratio that changes at every completion revisits the whole queue', () => {
    const n = 2000;
    const run = (changing: boolean): number => {
      const queue = new DeviceQueue();
      const tr: number[] = [];
      const nom: number[] = [];
      for (let k = 0; k < n; k++) {
        const a = 0.1 + (k % 7) / 3;
        const b = 1 + (k % 5) / 7;
        queue.push(a, b);
        tr.push(a);
        nom.push(b);
      }
      // Completions in order, each at its planned finish (the value the plain loop gives after it).
      let finish = 0;
      let ratio = 1.3;
      for (let k = 0; k < n; k++) {
        finish = finish + tr[k]! + nom[k]! * ratio;
        if (changing) ratio = 1.3 + k * 1e-9;
        queue.retime(k + 1, finish, ratio);
        queue.push(0.5, 1); // a task arrives behind every completion
        tr.push(0.5);
        nom.push(1);
      }
      return queue.visited;
    };
    // Fixed ratio: the first call walks the queue, the second writes the chain, then one new task per call.
    expect(run(false)).toBeLessThan(3 * n + 10);
    // Changing ratio: every call walks the whole queue behind it (n − 1 tasks each time).
    expect(run(true)).toBe(n * (n - 1));
  });
});

describe('DeviceQueue: edge cases', () => {
  it('retime returns Infinity when a re-timed finish overflows, and firstOverflow names the first such position', () => {
    const queue = new DeviceQueue();
    queue.push(0, 1);
    queue.push(0, 1e308);
    queue.push(0, 1e308);
    queue.push(0, 1);
    expect(queue.retime(1, 1e308, 1)).toBe(Infinity);
    expect(queue.firstOverflow(1, 1e308, 1)).toBe(1);
    expect(queue.firstOverflow(3, 0, 1)).toBe(-1);
  });

  it('retime behind the last task (nothing queued) is the finish, and zero-length tasks keep the busy-until at the finish', () => {
    const queue = new DeviceQueue();
    queue.push(1, 2);
    expect(queue.retime(1, 7, 1)).toBe(7);
    queue.push(0, 0);
    queue.push(0, 0);
    expect(queue.retime(2, 9, 1)).toBe(9);
    expect(queue.retime(3, 9, 1)).toBe(9);
  });
});
