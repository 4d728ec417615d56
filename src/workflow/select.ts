/**
 * Device selection rules of list schedulers: earliest finish time (HEFT,
 * Topcuoglu et al. 2002), optionally biased per device (PEFT's EFT + OCT,
 * Arabnejad and Barbosa 2014), with insertion into idle slots or appending.
 * @internal
 * @module
 */
import type { ListState } from './listState.js';

/** A candidate placement. @internal */
export interface Choice {
  device: number;
  start: number;
  finish: number;
  pos: number;
}

const slot = { pos: 0 };

/**
 * Start, finish and slot of task i on device j (j allowed). With `cutoff`,
 * the finish is `Infinity` when it could not be strictly below `cutoff`.
 * O(in-degree + log k + slots).
 */
export function finishOn(st: ListState, i: number, j: number, insert: boolean, out: Choice, cutoff = Infinity): Choice {
  const cw = st.cw;
  const dur = cw.exec[i * cw.m + j]!;
  const start = st.timelines[j]!.earliest(st.dataReady(i, j), dur, insert, slot, cutoff);
  out.device = j;
  out.start = start;
  out.finish = start + dur;
  out.pos = slot.pos;
  return out;
}

/**
 * The allowed device minimizing finish + bias[i·m + j] (bias omitted: plain
 * earliest finish), ties to the lowest device index. O(m · (in-degree + slots)).
 */
export function earliestFinish(st: ListState, i: number, insert: boolean, bias?: Float64Array): Choice {
  const { m, exec } = st.cw;
  const best: Choice = { device: -1, start: 0, finish: Infinity, pos: 0 };
  const c: Choice = { device: -1, start: 0, finish: 0, pos: 0 };
  let bestScore = Infinity;
  for (let j = 0; j < m; j++) {
    if (exec[i * m + j] === Infinity) continue;
    // Without a bias the best finish so far is a safe cutoff (a candidate must be strictly better).
    finishOn(st, i, j, insert, c, bias === undefined ? bestScore : Infinity);
    if (c.finish === Infinity) continue;
    const score = bias === undefined ? c.finish : c.finish + bias[i * m + j]!;
    if (score < bestScore || best.device < 0) {
      bestScore = score;
      Object.assign(best, c);
    }
  }
  return best;
}
