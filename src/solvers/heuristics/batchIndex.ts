/**
 * Index structures for the batch heuristics (Min-Min, Max-Min, greedy
 * sufferage): an indexed binary heap of tasks ordered by (key, task index),
 * a plain sift-down for the lazy Min-Min heap, and per-device intrusive
 * lists of the tasks whose best (or second-best) device is that device.
 * Typed arrays only; no allocation after construction. Private to
 * `solvers/`.
 *
 * @internal
 * @module
 */

/**
 * An indexed binary heap of task indices ordered by `key[task]` (smallest
 * first, or largest first with `largest`), ties by lowest task index, so the
 * top is exactly the task a plain "scan all, strict comparison, ascending
 * index" loop would pick. O(log n) per push, pop and key change. @internal
 */
export class TaskHeap {
  readonly key: Float64Array;
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  private readonly largest: boolean;
  size = 0;

  constructor(n: number, largest: boolean) {
    this.key = new Float64Array(n);
    this.heap = new Int32Array(n);
    this.pos = new Int32Array(n).fill(-1);
    this.largest = largest;
  }

  /** Whether task a comes before task b. */
  private before(a: number, b: number): boolean {
    const ka = this.key[a]!;
    const kb = this.key[b]!;
    if (ka === kb) return a < b;
    return this.largest ? ka > kb : ka < kb;
  }

  /** Builds the heap from tasks 0..n−1 (keys already set). O(n). */
  fill(n: number): void {
    for (let i = 0; i < n; i++) {
      this.heap[i] = i;
      this.pos[i] = i;
    }
    this.size = n;
    for (let p = (n >> 1) - 1; p >= 0; p--) this.down(p);
  }

  /** Removes and returns the first task. */
  pop(): number {
    const top = this.heap[0]!;
    const last = this.heap[--this.size]!;
    this.pos[top] = -1;
    if (this.size > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  /** Restores the order after `key[task]` changed (task must be in the heap). */
  update(task: number): void {
    const p = this.pos[task]!;
    this.up(p);
    this.down(this.pos[task]!);
  }

  private up(p: number): void {
    const { heap, pos } = this;
    const t = heap[p]!;
    while (p > 0) {
      const parent = (p - 1) >> 1;
      const u = heap[parent]!;
      if (!this.before(t, u)) break;
      heap[p] = u;
      pos[u] = p;
      p = parent;
    }
    heap[p] = t;
    pos[t] = p;
  }

  private down(p: number): void {
    const { heap, pos, size } = this;
    const t = heap[p]!;
    for (;;) {
      let c = 2 * p + 1;
      if (c >= size) break;
      if (c + 1 < size && this.before(heap[c + 1]!, heap[c]!)) c++;
      const u = heap[c]!;
      if (!this.before(u, t)) break;
      heap[p] = u;
      pos[u] = p;
      p = c;
    }
    heap[p] = t;
    pos[t] = p;
  }
}

/**
 * Sift-down in a plain binary heap of tasks stored as parallel arrays (keys
 * inline, `key[p]` belongs to `task[p]`), ordered by (key, task index)
 * ascending. Used by the lazy Min-Min loop, which only ever pops the top or
 * raises the top's key, so it needs no position index. O(log size). @internal
 */
export function siftDownKeyed(key: Float64Array, task: Int32Array, size: number, p: number): void {
  const k = key[p]!;
  const t = task[p]!;
  for (;;) {
    let c = 2 * p + 1;
    if (c >= size) break;
    let ck = key[c]!;
    let ct = task[c]!;
    if (c + 1 < size) {
      const dk = key[c + 1]!;
      const dt = task[c + 1]!;
      if (dk < ck || (dk === ck && dt < ct)) {
        c++;
        ck = dk;
        ct = dt;
      }
    }
    if (k < ck || (k === ck && t < ct)) break;
    key[p] = ck;
    task[p] = ct;
    p = c;
  }
  key[p] = k;
  task[p] = t;
}

/**
 * For each device, a doubly linked list of tasks (each task in at most one
 * list). O(1) add and remove; `detach` hands over a whole list. @internal
 */
export class DeviceLists {
  private readonly head: Int32Array;
  readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly of: Int32Array;

  constructor(n: number, m: number) {
    this.head = new Int32Array(m).fill(-1);
    this.next = new Int32Array(n).fill(-1);
    this.prev = new Int32Array(n).fill(-1);
    this.of = new Int32Array(n).fill(-1);
  }

  /** Puts `task` at the front of device `d`'s list (d < 0: no list). */
  add(task: number, d: number): void {
    this.of[task] = d;
    if (d < 0) return;
    const h = this.head[d]!;
    this.next[task] = h;
    this.prev[task] = -1;
    if (h >= 0) this.prev[h] = task;
    this.head[d] = task;
  }

  /** Takes `task` out of its list (if any). */
  remove(task: number): void {
    const d = this.of[task]!;
    if (d < 0) return;
    const p = this.prev[task]!;
    const x = this.next[task]!;
    if (p >= 0) this.next[p] = x;
    else this.head[d] = x;
    if (x >= 0) this.prev[x] = p;
    this.of[task] = -1;
  }

  /**
   * Empties device `d`'s list and returns its first task (-1 if none); walk
   * the rest with `next`, reading each `next[k]` before re-adding k. The
   * detached tasks belong to no list until re-added.
   */
  detach(d: number): number {
    const h = this.head[d]!;
    this.head[d] = -1;
    for (let k = h; k >= 0; k = this.next[k]!) this.of[k] = -1;
    return h;
  }
}
