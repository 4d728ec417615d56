import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadyQueue } from '../../src/workflow/readyQueue.js';

describe('ReadyQueue (internal)', () => {
  it('pops tasks by decreasing key, equal keys by lowest index', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 }), (keys) => {
        const q = new ReadyQueue(keys.length, keys);
        for (let i = keys.length - 1; i >= 0; i--) q.push(i);
        const out: number[] = [];
        while (q.size > 0) out.push(q.pop());
        const expected = keys.map((_, i) => i).sort((a, b) => keys[b]! - keys[a]! || a - b);
        expect(out).toEqual(expected);
      }),
    );
  });
});
