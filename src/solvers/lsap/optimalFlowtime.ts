/**
 * Exact minimum total completion time on unrelated devices (R‖ΣC) as one
 * linear sum assignment: strategy `'optimal-flowtime'`.
 * @module
 */
import { rangeReason } from '../../internal/errors.js';
import { lsapKernel } from './lsap.js';
import type { CompiledProblem } from '../../problem/types.js';
import { decision } from '../heuristics/completion.js';
import type { Strategy, StrategyContext, StrategyResult, TaskDecision } from '../registry.js';

/**
 * Largest n·(n·m) positional cost matrix built (2^26 entries, 512 MB as
 * `Float64Array`): 512 tasks × 16 devices uses 4.2 M.
 */
const MAX_ENTRIES = 1 << 26;

/**
 * The positional LSAP with K positions per device (columns j·K + k − 1),
 * starting from K = ⌊2n/m⌋ + 1 and doubling while some device uses its
 * K-th position or the tasks do not fit in K positions of their allowed
 * devices. Forbidden pairs stay `Infinity` (no stand-in cost, so no
 * magnitude can collide with one). Stopping is exact: the wide kernel keeps
 * the dual of every unused column at 0, and an unused column (j, K) has
 * reduced cost ≥ 0 in every row; columns (j, k > K) cost at least as much,
 * so adding them with dual 0 keeps the solution optimal (LP duality).
 */
function solvePositional(cp: CompiledProblem, assignment: Int32Array, position: Int32Array): void {
  const { n, m, exec, transfer, ready } = cp;
  let maxP = 0;
  let maxR = 0;
  let finite = true;
  for (let q = 0; q < n * m; q++) {
    const p = (transfer[q] as number) + (exec[q] as number);
    if (p === Infinity) finite = false;
    else if (p > maxP) maxP = p;
  }
  for (let j = 0; j < m; j++) maxR = Math.max(maxR, ready[j] as number);
  // The largest positional cost, n·maxP + maxR, must be a double.
  if (!Number.isFinite(n * maxP + maxR)) rangeReason('solve', 'problem', `has times too large for strategy 'optimal-flowtime' (positional costs overflow: max time ${maxP})`);
  for (let K = Math.min(n, Math.floor((2 * n) / m) + 1); ; K = Math.min(n, 2 * K)) {
    const cols = m * K;
    if (n * cols > MAX_ENTRIES) {
      rangeReason('solve', 'problem', `is too large for strategy 'optimal-flowtime' (${n}·${cols} positional costs > ${MAX_ENTRIES})`);
    }
    const c = new Float64Array(n * cols);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        const p = (transfer[i * m + j] as number) + (exec[i * m + j] as number);
        const r = ready[j] as number;
        const base = i * cols + j * K;
        for (let k = 1; k <= K; k++) c[base + k - 1] = p === Infinity ? Infinity : k * p + r;
      }
    }
    // Plain shortest augmenting paths (no row reduction): the same route,
    // hence the same choice among tied optima, as before it existed.
    const x = lsapKernel(c, n, cols, undefined, finite, false);
    if (x === undefined) {
      // No assignment of every task to an allowed slot: too few positions
      // (every task has an allowed device, so K = n always fits), or, at
      // K = n, the kernel's sums overflowed.
      if (K === n) rangeReason('solve', 'problem', `has times too large for strategy 'optimal-flowtime' (positional costs overflow: max time ${maxP})`);
      continue;
    }
    let full = false;
    for (let i = 0; i < n; i++) {
      const col = x[i] as number;
      assignment[i] = Math.floor(col / K);
      position[i] = (col % K) + 1;
      if (position[i] === K) full = true;
    }
    if (!full || K === n) return;
  }
}

/**
 * Solves R‖ΣC exactly. Task i with p_ij = transfer[i][j] + exec[i][j] placed
 * k-th from last on device j (k = 1 runs last) delays itself and the k − 1
 * tasks after it by p_ij, and waits for the device's ready time r_j; so,
 * with every release 0, the total completion time of a schedule is
 *   Σ_i (k_i · p_{i,j_i} + r_{j_i})
 * and the optimum is the linear sum assignment of tasks to positions (j, k),
 * cost k·p_ij + r_j (Horn 1973; Bruno, Coffman & Sethi 1974). Each device
 * runs its tasks from its highest position to k = 1; the LSAP optimum fills
 * positions from k = 1 upward (a gap would only cost more), so evaluating
 * the returned order under the `'sequential'` model gives exactly this total.
 *
 * Transfers occupy the device like execution (the sequential model: start,
 * then transfer, then run). With release times the problem is NP-hard; the
 * strategy then solves the release-free relaxation (the evaluated flowtime
 * includes the waiting and is an upper bound, not the optimum). Under the
 * `'independent'` model tasks never wait, so each task simply takes its
 * fastest device (also exact).
 *
 * Complexity: an n × n·m LSAP: O(n² · n·m) worst case time, n·n·m memory;
 * refused above 2^26 matrix entries.
 * @internal
 */
function run(ctx: StrategyContext): StrategyResult {
  const { cp } = ctx;
  const { n, m, exec, transfer, ready } = cp;
  const assignment = new Int32Array(n);
  const position = new Int32Array(n); // k, 1 = last on its device
  if (ctx.costModel === 'independent') {
    for (let i = 0; i < n; i++) {
      let best = -1;
      let bp = Infinity;
      for (let j = 0; j < m; j++) {
        const p = (transfer[i * m + j] as number) + (exec[i * m + j] as number);
        if (p < bp) {
          bp = p;
          best = j;
        }
      }
      assignment[i] = best;
      position[i] = 1;
    }
  } else if (n > 0) {
    solvePositional(cp, assignment, position);
  }
  // Run order: higher positions first on every device; ties by task index.
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => (position[b] as number) - (position[a] as number) || a - b);
  return { assignment, order, trace: ctx.trace ? traceOf(cp, assignment, order, position) : [], stoppedEarly: false };
}

/** Decisions in run order; a candidate's score is the positional cost k·p_ij + r_j at the task's own position k. */
function traceOf(cp: CompiledProblem, assignment: Int32Array, order: Int32Array, position: Int32Array): TaskDecision[] {
  const { m, exec, transfer, ready } = cp;
  const row = new Float64Array(m);
  const out: TaskDecision[] = [];
  for (let step = 0; step < order.length; step++) {
    const i = order[step] as number;
    const k = position[i] as number;
    for (let j = 0; j < m; j++) row[j] = k * ((transfer[i * m + j] as number) + (exec[i * m + j] as number)) + (ready[j] as number);
    out.push(decision(cp, i, step, row, assignment[i] as number));
  }
  return out;
}

/**
 * Strategy `'optimal-flowtime'`: the exact minimum of Σ finish times
 * (R‖ΣC) as a linear sum assignment of tasks to (device, position-from-last)
 * slots with cost k·(transfer + exec) + ready (Horn 1973; Bruno, Coffman &
 * Sethi 1974). Exact when every release is 0; otherwise it solves the
 * release-free relaxation. Trace scores: the positional cost of the task's
 * own slot k on each device (so the margin may be negative: the optimum is
 * global, not greedy).
 * @internal
 */
export const optimalFlowtime: Strategy = {
  name: 'optimal-flowtime',
  summary: 'Exact minimum total completion time (R||ΣC) via linear sum assignment with positional costs k·p_ij + ready_j (Horn 1973; Bruno, Coffman & Sethi 1974).',
  run,
};
