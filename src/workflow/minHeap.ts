/**
 * A binary min-heap of task indices (smallest index on top), for Kahn's
 * algorithm with lowest-index-first tie-breaking.
 * @internal
 * @module
 */

/** Min-heap of non-negative integers below a fixed capacity. @internal */
export class MinHeap {
  private readonly a: Int32Array;
  /** Number of items held. */
  size = 0;
  constructor(capacity: number) {
    this.a = new Int32Array(Math.max(1, capacity));
  }
  /** Adds `x`. O(log size). */
  push(x: number): void {
    const a = this.a;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= x) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = x;
  }
  /** Removes and returns the smallest item (the heap must not be empty). O(log size). */
  pop(): number {
    const a = this.a;
    const top = a[0]!;
    const last = a[--this.size]!;
    let i = 0;
    const size = this.size;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && a[c + 1]! < a[c]!) c++;
      if (a[c]! >= last) break;
      a[i] = a[c]!;
      i = c;
    }
    a[i] = last;
    return top;
  }
}
