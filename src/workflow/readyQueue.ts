/**
 * The ready list of a list scheduler: tasks whose predecessors are all
 * placed, popped highest key first, ties by lowest task index.
 * @internal
 * @module
 */

/** Max-heap of task indices by `key[i]`, ties lowest index first. @internal */
export class ReadyQueue {
  private readonly a: Int32Array;
  size = 0;
  constructor(capacity: number, private readonly key: ArrayLike<number>) {
    this.a = new Int32Array(Math.max(1, capacity));
  }
  private before(x: number, y: number): boolean {
    const kx = this.key[x]!;
    const ky = this.key[y]!;
    return kx > ky || (kx === ky && x < y);
  }
  push(x: number): void {
    const a = this.a;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(x, a[parent]!)) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.a;
    const top = a[0]!;
    const last = a[--this.size]!;
    const size = this.size;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && this.before(a[c + 1]!, a[c]!)) c++;
      if (!this.before(a[c]!, last)) break;
      a[i] = a[c]!;
      i = c;
    }
    a[i] = last;
    return top;
  }
}
