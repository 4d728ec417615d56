/**
 * HEFT with lookahead (Bittencourt, Sakellariou and Madeira 2010, section III).
 * @module
 */
import { listSchedule } from '../listSchedule.js';
import type { ListState, WorkflowPlan } from '../listState.js';
import { upwardRanksCompiled } from '../ranks.js';
import { earliestFinish, finishOn, type Choice } from '../select.js';
import type { CompiledWorkflow } from '../types.js';

/**
 * HEFT-lookahead: tasks in HEFT's order (decreasing upward rank among ready
 * tasks, ties lowest index); for each allowed device j, the task is placed
 * on j tentatively and its children are then placed as HEFT would (in
 * decreasing upward rank, ties lowest index, earliest finish with insertion,
 * counting only already placed parents); the task goes to the device that
 * minimizes the largest finish time among its children (its own finish when
 * it has none), ties lowest device index. Tentative placements are undone.
 *
 * Complexity: O(Σ_i outdeg(i) · m² · (indeg + n)) ⊆ O(e·m²·n) worst case.
 * @internal
 */
export function heftLookahead(cw: CompiledWorkflow): WorkflowPlan {
  const rank = upwardRanksCompiled(cw);
  const { m, exec, succStart, succ } = cw;
  const children: number[][] = [];
  for (let i = 0; i < cw.n; i++) {
    const kids = Array.from(succ.subarray(succStart[i]!, succStart[i + 1]!));
    kids.sort((a, b) => rank[b]! - rank[a]! || a - b);
    children.push(kids);
  }
  const own: Choice = { device: 0, start: 0, finish: 0, pos: 0 };
  const best: Choice = { device: -1, start: 0, finish: 0, pos: 0 };
  const select = (st: ListState, i: number): Choice => {
    const kids = children[i]!;
    const pos: number[] = [];
    let bestScore = Infinity;
    best.device = -1;
    for (let j = 0; j < m; j++) {
      if (exec[i * m + j] === Infinity) continue;
      finishOn(st, i, j, true, own);
      let score = own.finish;
      if (kids.length > 0) {
        st.place(i, j, own.start, own.finish, own.pos);
        score = 0;
        pos.length = 0;
        for (const c of kids) {
          const k = earliestFinish(st, c, true);
          st.place(c, k.device, k.start, k.finish, k.pos);
          pos.push(k.pos);
          if (k.finish > score) score = k.finish;
        }
        for (let q = kids.length - 1; q >= 0; q--) st.unplace(kids[q]!, pos[q]!);
        st.unplace(i, own.pos);
      }
      if (score < bestScore || best.device < 0) {
        bestScore = score;
        Object.assign(best, own);
      }
    }
    return best;
  };
  return listSchedule(cw, rank, select);
}
