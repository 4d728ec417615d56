/**
 * Per-device timelines for list scheduling: the tasks a device runs as sorted,
 * disjoint intervals, with insertion into idle slots (Topcuoglu et al. 2002,
 * section 4.2: "insertion-based policy") or appending after the last task.
 * @internal
 * @module
 */

/** One device's busy intervals, sorted by start. @internal */
export class Timeline {
  readonly starts: number[] = [];
  readonly finishes: number[] = [];
  readonly tasks: number[] = [];

  /** Finish of the last task (or `ready` when empty). */
  constructor(readonly ready: number) {}

  /** When the device is free after its last task. O(1). */
  get end(): number {
    const k = this.finishes.length;
    return k === 0 ? this.ready : this.finishes[k - 1]!;
  }

  /**
   * Earliest start ≥ `est` of an interval of length `dur`: in the first idle
   * slot it fits (`insert`), else after the last task. Returns the start and
   * writes the slot position to `slot.pos`. With `cutoff`, gives up (returns
   * `Infinity`) as soon as every remaining start s has s + dur ≥ cutoff: the
   * candidate cannot finish strictly before it (starts only grow, and
   * floating-point addition is monotone). O(log k + slots scanned).
   */
  earliest(est: number, dur: number, insert: boolean, slot: { pos: number }, cutoff = Infinity): number {
    const f = this.finishes;
    const k = f.length;
    let t = est > this.ready ? est : this.ready;
    if (t + dur >= cutoff) return Infinity;
    if (!insert || k === 0) {
      const e = k === 0 ? this.ready : f[k - 1]!;
      slot.pos = k;
      return t > e ? t : e;
    }
    // First interval finishing after t: every earlier gap ends at or before t.
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (f[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    const s = this.starts;
    for (let i = lo; i < k; i++) {
      if (t + dur <= s[i]!) {
        slot.pos = i;
        return t;
      }
      if (f[i]! > t) {
        t = f[i]!;
        if (t + dur >= cutoff) return Infinity;
      }
    }
    slot.pos = k;
    return t;
  }

  /** Puts task `task` on [start, finish) at position `pos` (from {@link earliest}). O(k). */
  place(pos: number, task: number, start: number, finish: number): void {
    if (pos === this.tasks.length) {
      this.starts.push(start);
      this.finishes.push(finish);
      this.tasks.push(task);
      return;
    }
    this.starts.splice(pos, 0, start);
    this.finishes.splice(pos, 0, finish);
    this.tasks.splice(pos, 0, task);
  }

  /** Removes the interval at `pos` (undo of {@link place}). O(k). */
  remove(pos: number): void {
    this.starts.splice(pos, 1);
    this.finishes.splice(pos, 1);
    this.tasks.splice(pos, 1);
  }
}
