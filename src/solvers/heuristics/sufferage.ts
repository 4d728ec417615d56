/**
 * Sufferage (Maheswaran et al. 1999).
 * @module
 */
import { completionRow, decision, heuristicResult, initialAvailability, place } from './completion.js';
import { CostOrder, ORDERED_FROM, rowsSortedByIndex } from './costOrder.js';
import { RowOrder } from './rowOrder.js';
import { KEPT_FROM, keptFor, KeptDevices } from './keptDevices.js';
import type { Strategy, StrategyContext, StrategyResult, TaskDecision } from '../registry.js';

/**
 * Sufferage with each task keeping its `keep` fastest devices between row
 * scans ({@link KeptDevices}): the tests run small values so that the
 * kept-device path meets small matrices. Without `keep`, from
 * {@link ORDERED_FROM} devices: {@link CostOrder} on consistent matrices,
 * {@link RowOrder} on others below {@link KEPT_FROM} devices; else
 * {@link keptFor}(m). @internal
 */
export function runSufferage(ctx: StrategyContext, keep?: number): StrategyResult {
  const { cp } = ctx;
  const { n, m } = cp;
  const avail = initialAvailability(cp);
  const bestDev = new Int32Array(n);
  const bestCt = new Float64Array(n);
  const secondDev = new Int32Array(n);
  const secondCt = new Float64Array(n);
  const sufferage = new Float64Array(n);
  const holder = new Int32Array(m).fill(-1);
  const changed = new Uint8Array(m);
  const unmapped = new Int32Array(n);
  const assignment = new Int32Array(n);
  const order = new Int32Array(n);
  const trace: TaskDecision[] = [];
  const row = ctx.trace ? new Float64Array(m) : undefined;
  const sorted = keep !== undefined || m < ORDERED_FROM ? undefined : rowsSortedByIndex(cp) ? new CostOrder(cp) : m < KEPT_FROM ? new RowOrder(cp) : undefined;
  const kept = sorted === undefined ? new KeptDevices(cp, keep ?? keptFor(m)) : undefined;

  sorted?.prepare(avail);
  for (let i = 0; i < n; i++) {
    unmapped[i] = i;
    if (sorted !== undefined) sorted.topTwo(avail, i, bestDev, bestCt, secondDev, secondCt);
    else kept!.topTwo(avail, i, bestDev, bestCt, secondDev, secondCt, true);
    sufferage[i] = secondCt[i]! - bestCt[i]!;
    // Tasks claim in ascending index order; a claim displaces the holder
    // only with a strictly larger sufferage.
    const j = bestDev[i]!;
    const h = holder[j]!;
    if (h < 0 || sufferage[h]! < sufferage[i]!) holder[j] = i;
  }
  let count = n;
  let step = 0;
  while (count > 0) {
    // Record the decisions against the availabilities the pass saw, then
    // commit in device order.
    if (row !== undefined) {
      let s = step;
      for (let j = 0; j < m; j++) {
        const k = holder[j]!;
        if (k < 0) continue;
        completionRow(cp, avail, k, row);
        trace.push(decision(cp, k, s++, row, j));
      }
    }
    changed.fill(0);
    for (let j = 0; j < m; j++) {
      const k = holder[j]!;
      if (k < 0) continue;
      assignment[k] = j;
      order[step++] = k;
      place(cp, avail, k, j);
      changed[j] = 1;
      bestDev[k] = -1; // marks k as mapped for the compaction below
    }
    sorted?.prepare(avail);
    holder.fill(-1);
    // Drop the mapped tasks (keeping index order), update those whose best
    // or second-best device just became busier, and make the next pass's
    // claims in the same sweep.
    let left = 0;
    for (let q = 0; q < count; q++) {
      const k = unmapped[q]!;
      let b = bestDev[k]!;
      if (b < 0) continue;
      const sd = secondDev[k]!;
      if (changed[b] === 1 || (sd >= 0 && changed[sd] === 1)) {
        if (sorted !== undefined) sorted.topTwo(avail, k, bestDev, bestCt, secondDev, secondCt);
        else kept!.topTwo(avail, k, bestDev, bestCt, secondDev, secondCt, false);
        sufferage[k] = secondCt[k]! - bestCt[k]!;
        b = bestDev[k]!;
      }
      unmapped[left++] = k;
      const h = holder[b]!;
      if (h < 0 || sufferage[h]! < sufferage[k]!) holder[b] = k;
    }
    count = left;
  }
  return heuristicResult(assignment, order, trace);
}

/**
 * `'sufferage'`: Sufferage (Maheswaran, Ali, Siegel, Hensgen and Freund
 * 1999, "Dynamic matching and scheduling of a class of independent tasks
 * onto heterogeneous computing systems", HCW '99), batch mode. A task's
 * sufferage is its second-smallest minus its smallest completion time
 * ct(i, j) = max(avail[j], release[i]) + transfer[i][j] + exec[i][j] over
 * its allowed devices (`Infinity` with a single allowed device). Each pass,
 * with the availabilities fixed at the start of the pass, the unmapped
 * tasks in ascending index order claim their best device; a task takes a
 * device already claimed in this pass only if its sufferage is strictly
 * larger than the holder's (so the lower index keeps it on ties), and the
 * displaced task waits for the next pass. At the end of the pass every
 * claimed device receives its claimant (committed in device order, which is
 * the mapping order) and its availability advances. Machines start at their
 * ready time; the `'sequential'` model; lowest index wins ties; forbidden
 * pairs (`Infinity`) are never chosen. Each pass maps between 1 and m tasks.
 *
 * Incremental: each unmapped task keeps its best and second-best device and
 * completion time in typed arrays; after a pass only the tasks whose best or
 * second-best device received a task are updated. Every claimed device
 * receives a task, so in practice that is nearly every unmapped task every
 * pass (the per-pass work is Θ(unmapped tasks)). With 32 devices or more
 * and every row of transfer + exec sorted by device index (consistent
 * matrices), an update visits only the devices that fewer than two faster
 * devices are as free as, cheapest first, and stops once a lower bound on
 * the rest reaches the second best (`CostOrder`); with 32 to 127 devices
 * and rows in any order, it visits the task's devices sorted by cost once
 * and stops once the smallest availability plus the next cost exceeds the
 * second best (`RowOrder`). Otherwise, with 128
 * devices or more an update re-times the task's K = max(16, 2·⌈√m⌉) fastest
 * devices at its last row scan (`KeptDevices`), exact while the second of
 * them stays strictly below a lower bound on the others, and scans the row
 * in O(m) otherwise; with fewer devices it scans the row. Identical to the plain
 * pass-by-pass loop, which the tests check decision for decision (also
 * with K forced down to 2-4).
 *
 * Complexity: O(n·m + W·K + S·m) time for W = the sum over passes of the
 * unmapped tasks (n ≤ W ≤ n², ≈ n²/(2·tasks per pass)) of which S need a
 * row scan (S ≤ W; about W·1.4/K on the consistent matrices measured);
 * O(n·m) memory (the transfer + exec matrix and the kept devices).
 */
export const sufferage: Strategy = {
  name: 'sufferage',
  summary: 'Sufferage (Maheswaran et al. 1999): per pass, each task claims its best device unless a task with larger sufferage holds it.',
  run: (ctx) => runSufferage(ctx),
};
