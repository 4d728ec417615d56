/**
 * One device's queue as `simulate`'s engine keeps it: the planned transfer
 * and nominal execution time of every task placed on the device, in run
 * order, and the re-timing of the tasks behind a completion (`complete`'s
 * loop), remembered so that a completion that lands exactly on the plan
 * re-times only the tasks queued since the last re-timing.
 * @internal
 * @module
 */

/**
 * A device's queue over growable typed arrays, with the plan of its last
 * re-timing.
 *
 * `retime(from, finish, ratio)` is `complete`'s re-timing of the tasks at
 * positions from, from + 1, …, length − 1 behind a task that finished at
 * `finish`: free = finish, then for each position q in order
 * `free = free + transfer_q + nominal_q × ratio` (the same floating-point
 * operations in the same order), and the result is the last free (the
 * device's busy-until). Every step rounds `nominal_q × ratio` and the sum at
 * the magnitude of free, so the result depends on each queued task's own
 * terms: with a ratio not seen before, no summary of the queue gives the
 * same double without visiting every queued task (Θ(queue) per call).
 *
 * What can be reused exactly: the chain of a previous re-timing. A call that
 * writes its chain stores plan[from − 1] = finish and plan[q] = the free
 * after position q. A later call with the same ratio, whose finished task
 * (position from − 1) lies inside that chain with exactly the planned finish,
 * would recompute the same doubles up to the chain's end: it starts there
 * and visits only the tasks pushed since. This is the case whenever
 * completions happen as planned (no execution noise, the learnt ratio not
 * moving), where a re-timing costs O(1 + tasks pushed since the last one),
 * amortized O(1) per task; a completion that moves the ratio or lands off
 * the plan visits the whole queue behind it. A call whose ratio differs from
 * the previous call's does not write the chain (the next ratio will likely
 * differ again), so the noisy case pays no store per task.
 * @internal
 */
export class DeviceQueue {
  /** Number of tasks pushed. */
  length = 0;
  /** Positions visited by `retime` so far (for the tests of its cost). */
  visited = 0;
  private tr = new Float64Array(16);
  private nom = new Float64Array(16);
  private plan = new Float64Array(16);
  /** The chain of the last written re-timing covers positions [planStart, planEnd) (planEnd 0: no chain). */
  private planStart = 0;
  private planEnd = 0;
  /** The ratio of the last call (NaN: none yet). */
  private planRatio = Number.NaN;

  /** Appends a task with planned transfer `tr` and nominal execution time `nom`. Amortized O(1). */
  push(tr: number, nom: number): void {
    const len = this.length;
    if (len === this.tr.length) {
      this.tr = grow(this.tr);
      this.nom = grow(this.nom);
      this.plan = grow(this.plan);
    }
    this.tr[len] = tr;
    this.nom[len] = nom;
    this.length = len + 1;
  }

  /**
   * The busy-until of the device after the task at position from − 1
   * finished at `finish` (from ≥ 1) and the tasks behind it are re-timed
   * with `ratio`; `Infinity` when a re-timed finish overflows (then
   * {@link DeviceQueue.firstOverflow} names the task).
   */
  retime(from: number, finish: number, ratio: number): number {
    const len = this.length;
    const { tr, nom, plan } = this;
    const same = ratio === this.planRatio;
    let q = from;
    let free = finish;
    if (same && from - 1 >= this.planStart && from - 1 < this.planEnd && plan[from - 1] === finish) {
      // The chain from the planned finish is the one stored: resume at its end.
      q = this.planEnd;
      free = plan[q - 1]!;
    } else if (same) {
      plan[from - 1] = finish;
      this.planStart = from - 1;
    }
    this.planRatio = ratio;
    this.visited += len - q;
    if (same) {
      for (; q < len; q++) {
        free = free + tr[q]! + nom[q]! * ratio;
        plan[q] = free;
      }
      this.planEnd = len;
    } else {
      for (; q < len; q++) free = free + tr[q]! + nom[q]! * ratio;
      this.planEnd = 0;
    }
    // The terms are ≥ 0, so free only grows: a finite end means every step was finite.
    if (!Number.isFinite(free)) {
      this.planEnd = 0;
      return Infinity;
    }
    return free;
  }

  /** The first position whose re-timed finish (as in {@link DeviceQueue.retime}) is not finite, or −1. O(queue). */
  firstOverflow(from: number, finish: number, ratio: number): number {
    let free = finish;
    for (let q = from; q < this.length; q++) {
      free = free + this.tr[q]! + this.nom[q]! * ratio;
      if (!Number.isFinite(free)) return q;
    }
    return -1;
  }
}

function grow(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const b = new Float64Array(2 * a.length);
  b.set(a);
  return b;
}
