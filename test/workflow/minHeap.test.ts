import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from '../../src/workflow/minHeap.js';

describe('MinHeap (internal)', () => {
  it('pops any pushed multiset in ascending order, interleaved pushes included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.boolean()), { maxLength: 60 }), (ops) => {
        const heap = new MinHeap(ops.length);
        const model: number[] = [];
        for (const [x, pop] of ops) {
          if (pop && model.length > 0) {
            model.sort((a, b) => a - b);
            expect(heap.pop()).toBe(model.shift());
          } else {
            heap.push(x);
            model.push(x);
          }
          expect(heap.size).toBe(model.length);
        }
      }),
    );
  });
});
