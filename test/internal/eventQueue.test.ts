import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/internal/eventQueue.js';

describe('EventQueue: reference values', () => {
  it('EventQueue pops by time, then by key, and reports its size and earliest time', () => {
    const q = new EventQueue(4);
    q.push(5, 0, 50);
    q.push(1, 9, 19);
    q.push(1, 2, 12);
    q.push(3, 0, 30);
    q.push(0.5, 0, 5);
    expect(q.size).toBe(5);
    expect(q.peekTime()).toBe(0.5);
    expect(q.peekPayload()).toBe(5);
    expect([q.pop(), q.pop(), q.pop(), q.pop(), q.pop()]).toEqual([5, 12, 19, 30, 50]);
    expect(q.size).toBe(0);
  });
});

describe('EventQueue: oracles', () => {
  it('EventQueue under random pushes and pops returns what a sorted array (time, key) returns', () => {
    const op = fc.oneof(fc.record({ push: fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1e6 })) }), fc.constant({ pop: true as const }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const q = new EventQueue(1);
        const naive: { time: number; key: number; payload: number }[] = [];
        let payload = 0;
        for (const o of ops) {
          if ('push' in o) {
            // Keys unique (the simulator appends a sequence number), so the order is total.
            const key = o.push[1] * 1000 + payload;
            q.push(o.push[0], key, payload);
            naive.push({ time: o.push[0], key, payload });
            payload++;
          } else {
            naive.sort((a, b) => a.time - b.time || a.key - b.key);
            const want = naive.shift();
            expect(q.peekTime()).toBe(want === undefined ? Infinity : want.time);
            expect(q.pop()).toBe(want === undefined ? -1 : want.payload);
          }
          expect(q.size).toBe(naive.length);
        }
      }),
    );
  });
});

describe('EventQueue: edge cases', () => {
  it('EventQueue when empty peeks Infinity and pops -1; it grows past its initial capacity', () => {
    const q = new EventQueue(0);
    expect(q.peekTime()).toBe(Infinity);
    expect(q.peekPayload()).toBe(-1);
    expect(q.pop()).toBe(-1);
    for (let i = 999; i >= 0; i--) q.push(i, 0, i);
    const out: number[] = [];
    while (q.size > 0) out.push(q.pop());
    expect(out).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});
