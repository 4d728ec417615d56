/**
 * Greedy sufferage: map the single most-suffering task at each step.
 * @module
 */
import { DeviceLists, TaskHeap } from './batchIndex.js';
import { completionRow, decision, heuristicResult, initialAvailability, place } from './completion.js';
import { CostOrder, ORDERED_FROM, rowsSortedByIndex } from './costOrder.js';
import { RowOrder } from './rowOrder.js';
import { KEPT_FROM, keptFor, KeptDevices } from './keptDevices.js';
import type { Strategy, StrategyContext, StrategyResult, TaskDecision } from '../registry.js';

/**
 * Greedy sufferage with each task keeping its `keep` fastest devices
 * between row scans ({@link KeptDevices}): the tests run small values so
 * that the kept-device path meets small matrices. Without `keep`, from
 * {@link ORDERED_FROM} devices: {@link CostOrder} on consistent matrices,
 * {@link RowOrder} on others below {@link KEPT_FROM} devices; else
 * {@link keptFor}(m). @internal
 */
export function runSufferageGreedy(ctx: StrategyContext, keep?: number): StrategyResult {
  const { cp } = ctx;
  const { n, m, exec, transfer, release } = cp;
  const avail = initialAvailability(cp);
  const bestDev = new Int32Array(n);
  const bestCt = new Float64Array(n);
  const secondDev = new Int32Array(n);
  const secondCt = new Float64Array(n);
  const heap = new TaskHeap(n, true);
  const sufferage = heap.key;
  const bestLists = new DeviceLists(n, m);
  const secondLists = new DeviceLists(n, m);
  const assignment = new Int32Array(n);
  const order = new Int32Array(n);
  const trace: TaskDecision[] = [];
  const row = ctx.trace ? new Float64Array(m) : undefined;
  const sorted = keep !== undefined || m < ORDERED_FROM ? undefined : rowsSortedByIndex(cp) ? new CostOrder(cp) : m < KEPT_FROM ? new RowOrder(cp) : undefined;
  const top = sorted === undefined ? new KeptDevices(cp, keep ?? keptFor(m)) : undefined;

  const rescan = (k: number, fresh = false): void => {
    if (sorted !== undefined) sorted.topTwo(avail, k, bestDev, bestCt, secondDev, secondCt);
    else top!.topTwo(avail, k, bestDev, bestCt, secondDev, secondCt, fresh);
    sufferage[k] = secondCt[k]! - bestCt[k]!;
    bestLists.add(k, bestDev[k]!);
    secondLists.add(k, secondDev[k]!);
  };
  sorted?.prepare(avail);
  for (let i = 0; i < n; i++) rescan(i, true);
  heap.fill(n);
  for (let step = 0; step < n; step++) {
    const i = heap.pop();
    const j = bestDev[i]!;
    if (row !== undefined) {
      completionRow(cp, avail, i, row);
      trace.push(decision(cp, i, step, row, j));
    }
    assignment[i] = j;
    order[step] = i;
    const a = place(cp, avail, i, j);
    sorted?.prepare(avail);
    bestLists.remove(i);
    secondLists.remove(i);
    // Update the tasks whose best or second-best device was j (disjoint
    // lists). A task whose best was j keeps it, in O(1), while its new time
    // there stays strictly below its (unchanged, exact) second best.
    for (let k = bestLists.detach(j); k >= 0; ) {
      const next = bestLists.next[k]!;
      const r = release[k]!;
      const ct = (a > r ? a : r) + (transfer[k * m + j]! + exec[k * m + j]!);
      if (ct < secondCt[k]!) {
        bestCt[k] = ct;
        sufferage[k] = secondCt[k]! - ct;
        bestLists.add(k, j);
      } else {
        secondLists.remove(k);
        rescan(k);
      }
      heap.update(k);
      k = next;
    }
    for (let k = secondLists.detach(j); k >= 0; ) {
      const next = secondLists.next[k]!;
      bestLists.remove(k);
      rescan(k);
      heap.update(k);
      k = next;
    }
  }
  return heuristicResult(assignment, order, trace);
}

/**
 * `'sufferage-greedy'`: the one-task-per-step form of sufferage. Repeatedly:
 * for every unmapped task compute its sufferage, the second-smallest minus
 * the smallest completion time ct(i, j) = max(avail[j], release[i]) +
 * transfer[i][j] + exec[i][j] over its allowed devices (`Infinity` when only
 * one device is allowed: such a task suffers most); map the task with the
 * LARGEST sufferage to its best device; advance that device's availability.
 * Machines start at their ready time; the `'sequential'` model; lowest
 * index wins ties (task and device); forbidden pairs (`Infinity`) are never
 * chosen. Compare `'sufferage'` (Maheswaran et al. 1999), which maps up to
 * one task per device per pass.
 *
 * Incremental: each unmapped task keeps its best and second-best device and
 * completion time in typed arrays, sits in an indexed heap ordered by
 * sufferage (largest first, lowest index on ties) and in the lists of its
 * best and second-best device; after placing on device j only the tasks
 * listed under j are updated (a device outside a task's top two only got
 * worse, so the top two stand): in O(1) when j was the best and stays
 * strictly below the second, else by re-timing its K = max(16, 2·⌈√m⌉)
 * fastest devices at its last row scan (`KeptDevices`; exact while the
 * second of them stays strictly below a lower bound on the others), or by a
 * scan of the row (always, below 128 devices); with 32 devices or more and
 * every row of transfer + exec sorted by device index (consistent matrices)
 * a re-timing visits only the devices that fewer than two faster devices are
 * as free as, cheapest first, with an early stop (`CostOrder`); with 32 to
 * 127 devices and rows in any order it visits the task's devices sorted by
 * cost once, stopping once the smallest availability plus the next cost
 * exceeds the second best (`RowOrder`). Identical to the plain
 * O(n²·m) loop, which the tests check decision for decision (also with K
 * forced down to 2-4).
 *
 * Complexity: O(n·m + n log n + U log n + R·K + S·m) time for U ≤ n²
 * updates (≈ n²/m on random instances), R ≤ U of them re-timings and S ≤ R
 * row scans; O(n·m) memory.
 */
export const sufferageGreedy: Strategy = {
  name: 'sufferage-greedy',
  summary: 'Greedy sufferage: repeatedly map the one task that would suffer most (second-best minus best completion time) if denied its best device.',
  run: (ctx) => runSufferageGreedy(ctx),
};
