/**
 * The non-dominated archive behind NSGA-II's result (`nsga2.ts`).
 * @internal
 * @module
 */
import { dominatesUnchecked } from './dominance.js';

/**
 * A non-dominated archive (Knowles and Corne 2000, PAES): of every
 * (objective vector, assignment) pair offered, it keeps those whose vector
 * no other offered vector dominates, one per distinct vector (the first
 * offered). `offer` copies both arrays. Complexity: O(A·M) per offer for A
 * archived points and M objectives. Used by NSGA-II (`nsga2.ts`) for every assignment it evaluates.
 * @internal
 */
export class Archive {
  readonly vectors: Float64Array[] = [];
  readonly assignments: Int32Array[] = [];
  /** Offers vector `v` (minimized objectives) of assignment `asg`: kept unless an archived vector dominates or equals it; archived vectors it dominates are dropped, the rest keep their order. */
  offer(v: Float64Array, asg: Int32Array): void {
    const dims = v.length;
    for (const w of this.vectors) {
      if (dominatesUnchecked(w, v)) return;
      let equal = true;
      for (let d = 0; d < dims && equal; d++) if (w[d] !== v[d]) equal = false;
      if (equal) return;
    }
    let k = 0;
    for (let q = 0; q < this.vectors.length; q++) {
      if (dominatesUnchecked(v, this.vectors[q]!)) continue;
      this.vectors[k] = this.vectors[q]!;
      this.assignments[k] = this.assignments[q]!;
      k++;
    }
    this.vectors.length = k;
    this.assignments.length = k;
    this.vectors.push(v.slice());
    this.assignments.push(asg.slice());
  }
}
