/**
 * The state the makespan search works on (strategy `'local-search'`): an
 * assignment with its device loads and per-device task lists, O(1) moves,
 * the makespan, and a restore to a saved assignment. Private to `solvers/`.
 * @internal
 * @module
 */

/**
 * Loads and per-device task lists of an assignment, with O(1) moves.
 * `load[j]` = ready_j + Σ p_ij over the tasks on j.
 */
export class Loads {
  readonly asg: Int32Array;
  readonly load: Float64Array;
  /** Tasks of device j at members[j·n .. j·n + count[j]). */
  readonly members: Int32Array;
  readonly count: Int32Array;
  /** Index of task i inside its device's list. */
  readonly slot: Int32Array;
  constructor(
    readonly n: number,
    readonly m: number,
    readonly p: Float64Array,
    ready: Float64Array,
    asg: ArrayLike<number>,
  ) {
    this.asg = Int32Array.from(asg);
    this.load = Float64Array.from(ready);
    this.members = new Int32Array(n * m);
    this.count = new Int32Array(m);
    this.slot = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const j = this.asg[i] as number;
      this.load[j] = (this.load[j] as number) + (p[i * m + j] as number);
      this.slot[i] = this.count[j] as number;
      this.members[j * n + (this.count[j] as number)] = i;
      this.count[j] = (this.count[j] as number) + 1;
    }
  }
  /** Moves task i to device k. */
  move(i: number, k: number): void {
    const { n, m, p, asg, load, members, count, slot } = this;
    const j = asg[i] as number;
    load[j] = (load[j] as number) - (p[i * m + j] as number);
    load[k] = (load[k] as number) + (p[i * m + k] as number);
    const last = (count[j] as number) - 1;
    const other = members[j * n + last] as number;
    members[j * n + (slot[i] as number)] = other;
    slot[other] = slot[i] as number;
    count[j] = last;
    slot[i] = count[k] as number;
    members[k * n + (count[k] as number)] = i;
    count[k] = (count[k] as number) + 1;
    asg[i] = k;
  }
  /** The most loaded device that runs a task (lowest index on ties); -1 when none. */
  critical(): number {
    let c = -1;
    for (let j = 0; j < this.m; j++) {
      if ((this.count[j] as number) > 0 && (c < 0 || (this.load[j] as number) > (this.load[c] as number))) c = j;
    }
    return c;
  }
}

/** The makespan: the largest load of a device that runs a task (0 when none). */
export function makespanOf(s: Loads): number {
  let mx = 0;
  for (let j = 0; j < s.m; j++) {
    if ((s.count[j] as number) > 0 && (s.load[j] as number) > mx) mx = s.load[j] as number;
  }
  return mx;
}

/** Moves tasks back to the devices in `target`. */
export function restore(s: Loads, target: Int32Array): void {
  for (let i = 0; i < s.n; i++) if (s.asg[i] !== target[i]) s.move(i, target[i] as number);
}
