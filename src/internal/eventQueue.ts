/**
 * A min-priority queue of simulation events: a binary heap over parallel
 * typed arrays (time, tie key, payload), grown by doubling. Events are popped
 * by (time, key) ascending, so equal times come out in a caller-chosen,
 * deterministic order. No allocation per push or pop (except when growing).
 * @internal
 * @module
 */

/** A binary min-heap of (time, key, payload) triples. @internal */
export class EventQueue {
  private time: Float64Array;
  private key: Float64Array;
  private payload: Int32Array;
  private n = 0;

  constructor(capacity = 64) {
    const c = Math.max(4, capacity);
    this.time = new Float64Array(c);
    this.key = new Float64Array(c);
    this.payload = new Int32Array(c);
  }

  /** Number of queued events. */
  get size(): number {
    return this.n;
  }

  /** Time of the earliest event (`Infinity` when empty). */
  peekTime(): number {
    return this.n > 0 ? this.time[0]! : Infinity;
  }

  /** Payload of the earliest event (−1 when empty). */
  peekPayload(): number {
    return this.n > 0 ? this.payload[0]! : -1;
  }

  /** Adds an event. O(log n). */
  push(time: number, key: number, payload: number): void {
    if (this.n === this.time.length) this.grow();
    const { time: T, key: K, payload: P } = this;
    let i = this.n++;
    // Sift up: move parents down until the slot fits.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = T[p]!;
      if (pt < time || (pt === time && K[p]! <= key)) break;
      T[i] = pt;
      K[i] = K[p]!;
      P[i] = P[p]!;
      i = p;
    }
    T[i] = time;
    K[i] = key;
    P[i] = payload;
  }

  /** Removes the earliest event and returns its payload (−1 when empty). O(log n). */
  pop(): number {
    if (this.n === 0) return -1;
    const { time: T, key: K, payload: P } = this;
    const out = P[0]!;
    const last = --this.n;
    if (last === 0) return out;
    const t = T[last]!;
    const k = K[last]!;
    const v = P[last]!;
    let i = 0;
    // Sift down the former last element from the root.
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      const r = c + 1;
      if (r < last && (T[r]! < T[c]! || (T[r]! === T[c]! && K[r]! < K[c]!))) c = r;
      const ct = T[c]!;
      if (t < ct || (t === ct && k <= K[c]!)) break;
      T[i] = ct;
      K[i] = K[c]!;
      P[i] = P[c]!;
      i = c;
    }
    T[i] = t;
    K[i] = k;
    P[i] = v;
    return out;
  }

  private grow(): void {
    const c = this.time.length * 2;
    const t = new Float64Array(c);
    const k = new Float64Array(c);
    const p = new Int32Array(c);
    t.set(this.time);
    k.set(this.key);
    p.set(this.payload);
    this.time = t;
    this.key = k;
    this.payload = p;
  }
}
