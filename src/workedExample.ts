/**
 * The seed article's worked example (section 4.3), exactly as printed.
 * @module
 */
import type { LoadCriteria } from './models/load.js';
import type { PriorityCriteria } from './models/priority.js';
import type { TransferCriteria } from './models/transfer.js';

/** The numbers the article prints as results of its worked example. */
export interface PublishedResults {
  /** Task priorities 1..5 as printed: 2.4, 1.6, 3.8, 2.8, 0.2 (not reproducible, see {@link workedExample}). */
  readonly priorities: readonly number[];
  /** Device loads 1..4 as printed: 2.5, 2.2, 1.75, 1.4 (not reproducible). */
  readonly loads: readonly number[];
  /** Transfer times 1..3 as printed: 18, 24, 24 (the base form reproduces them). */
  readonly transferTimes: readonly number[];
  /** Published assignment, 0-based device index per task: `[0, 1, 2, 1, 0]`. */
  readonly assignment: readonly number[];
  /** Execution time column of the result table: 20, 30, 40, 30, 20. */
  readonly execTimes: readonly number[];
  /** Transfer time column of the result table: 18, 24, 24, 24, 18. */
  readonly transferTimesPerTask: readonly number[];
  /** Total time per task, exec + transfer: 38, 54, 64, 54, 38 (reproducible). */
  readonly totalTimes: readonly number[];
}

/** The worked example: inputs, published outputs, and where they disagree. */
export interface WorkedExample {
  /** Five tasks with importance A, urgency B, satisfaction C. */
  readonly tasks: readonly PriorityCriteria[];
  /** Four devices (1-3 edge, 4 the cloud) with capacity C, remaining R, execution time T. */
  readonly devices: readonly LoadCriteria[];
  /** Tier of each device: three edge devices and one cloud device. */
  readonly tiers: readonly ('edge' | 'cloud')[];
  /** Three transfers with pack Tp, send Ts, unpack Tr. */
  readonly transfers: readonly TransferCriteria[];
  /** The published results. */
  readonly published: PublishedResults;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The seed's worked example (section 4.3): five tasks, three edge devices
 * and one cloud device, three transfers, and the article's published results,
 * all exactly as printed. Deeply frozen.
 *
 * What reproduces and what does not (see SEED-NOTES.md; tests pin each):
 * - Transfer times 18, 24, 24: reproduced exactly by the base form Tp+Ts+Tr.
 * - Total times 38, 54, 64, 54, 38: reproduced exactly from the published
 *   assignment as exec time of the chosen device + the transfer row with the
 *   same index as that device, with no waiting between tasks that share a
 *   device (the `'independent'` cost model).
 * - Priorities 2.4, 1.6, 3.8, 2.8, 0.2: NOT reproducible. The base form gives
 *   60, 30, 30, 32, 1; the normalized form gives 0.8, 0.667, 0.667, 0.667,
 *   0.2. No weights fit all five values (least squares leaves a residual sum
 *   of squares of 0.34), and 3.8 exceeds 3, the largest value any
 *   sum-normalized form of three criteria can give. Only task 5's 0.2 agrees
 *   (normalized form). The printed order 3 > 4 > 1 > 2 > 5 is the order by
 *   importance alone.
 * - Loads 2.5, 2.2, 1.75, 1.4: NOT reproducible. The base form C·R/T gives
 *   25000, 40000, 50000, 120000; the normalized form gives 0.3925, 0.6003,
 *   0.7849, 1.2223; no weights fit either (least squares leaves a residual
 *   sum of squares of 2.1125).
 * - The prose justifying the assignment contradicts the load table (it calls
 *   device 1 "lowest load" while the table gives it the highest), and gives no
 *   transfer time for the cloud (device 4), which receives no task.
 *
 * @example
 * ```ts
 * workedExample.published.assignment; // [0, 1, 2, 1, 0]
 * transferTimes(workedExample.transfers); // Float64Array [18, 24, 24]
 * ```
 */
export const workedExample: WorkedExample = deepFreeze({
  tasks: [
    { importance: 3, urgency: 5, satisfaction: 4 },
    { importance: 2, urgency: 3, satisfaction: 5 },
    { importance: 5, urgency: 2, satisfaction: 3 },
    { importance: 4, urgency: 4, satisfaction: 2 },
    { importance: 1, urgency: 1, satisfaction: 1 },
  ],
  devices: [
    { capacity: 1000, remaining: 500, execTime: 20 },
    { capacity: 1500, remaining: 800, execTime: 30 },
    { capacity: 2000, remaining: 1000, execTime: 40 },
    { capacity: 3000, remaining: 2000, execTime: 50 },
  ],
  tiers: ['edge', 'edge', 'edge', 'cloud'],
  transfers: [
    { pack: 5, send: 10, unpack: 3 },
    { pack: 8, send: 12, unpack: 4 },
    { pack: 3, send: 15, unpack: 6 },
  ],
  published: {
    priorities: [2.4, 1.6, 3.8, 2.8, 0.2],
    loads: [2.5, 2.2, 1.75, 1.4],
    transferTimes: [18, 24, 24],
    assignment: [0, 1, 2, 1, 0],
    execTimes: [20, 30, 40, 30, 20],
    transferTimesPerTask: [18, 24, 24, 24, 18],
    totalTimes: [38, 54, 64, 54, 38],
  },
});
