import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeviceLists, TaskHeap } from '../../../src/solvers/heuristics/batchIndex.js';

describe('TaskHeap: oracles', () => {
  it('pops tasks in (key, index) order, smallest or largest first, after arbitrary key changes, like a sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 5 })), { maxLength: 20 }),
        fc.boolean(),
        (keys, changes, largest) => {
          const n = keys.length;
          const h = new TaskHeap(n, largest);
          keys.forEach((k, i) => (h.key[i] = k));
          h.fill(n);
          for (const [t, k] of changes) {
            h.key[t % n] = k;
            h.update(t % n);
          }
          const expected = [...Array(n).keys()].sort((a, b) => (largest ? h.key[b]! - h.key[a]! : h.key[a]! - h.key[b]!) || a - b);
          const got: number[] = [];
          while (h.size > 0) got.push(h.pop());
          expect(got).toEqual(expected);
        },
      ),
    );
  });
});

describe('DeviceLists: oracles', () => {
  it('matches a plain map of task → device through adds, removes and detaches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('add', 'remove', 'detach'), fc.integer({ min: 0, max: 9 }), fc.integer({ min: -1, max: 3 })), { maxLength: 60 }),
        (ops) => {
          const lists = new DeviceLists(10, 4);
          const model = new Map<number, number>();
          for (const [op, task, dev] of ops) {
            if (op === 'add') {
              lists.remove(task);
              model.delete(task);
              lists.add(task, dev);
              if (dev >= 0) model.set(task, dev);
            } else if (op === 'remove') {
              lists.remove(task);
              model.delete(task);
            } else if (dev >= 0) {
              const got: number[] = [];
              for (let k = lists.detach(dev); k >= 0; k = lists.next[k]!) got.push(k);
              const want = [...model].filter(([, d]) => d === dev).map(([t]) => t);
              expect(got.sort((a, b) => a - b)).toEqual(want.sort((a, b) => a - b));
              for (const t of want) model.delete(t);
            }
          }
        },
      ),
    );
  });
});
