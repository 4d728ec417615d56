/**
 * Max-Min (Braun et al. 2001, heuristic 7).
 * @module
 */
import { maxMinRun } from './maxMinLoops.js';
import type { Strategy } from '../registry.js';

/**
 * `'max-min'`: Max-Min (Ibarra and Kim 1977; Braun et al. 2001, "Max-min").
 * Repeatedly: for every unmapped task find its minimum completion time
 * ct(i, j) = max(avail[j], release[i]) + transfer[i][j] + exec[i][j] over
 * the allowed devices; map the task whose minimum is LARGEST to that device
 * (long tasks first, so short ones fill the gaps); advance the device's
 * availability. Machines start at their ready time (0 in Braun); the
 * `'sequential'` model; lowest index wins ties (task and device); forbidden
 * pairs (`Infinity`) are never chosen.
 *
 * When no release time can exceed a device's ready time (the Braun
 * setting), each step reads one column of the cost matrix sorted once per
 * device, from its largest unmapped cost down, until the time on that
 * device falls below the best exact candidate (the threshold algorithm of
 * Fagin, Lotem and Naor 2003: every task's best time is at most its time on any one
 * device); read tasks keep their best device and time between steps and
 * are re-timed, in O(1) usually, only when that device was loaded since
 * and no device's time proves them below the best candidate.
 * With at least 64·m² tasks on m ≤ 32 devices (releases
 * never waiting) a branch and bound over a k-d tree of the cost rows runs
 * instead: tasks grouped by their cheapest device, each node keeping its
 * tasks' largest cost per device, so min_j (avail[j] + that cost) bounds
 * their best times (0.4-0.9× the column read's time from 16 384×16 up).
 * The incremental loop, used when releases can wait: a heap of the tasks
 * by best completion time, largest first, where only tasks whose best
 * device just became busier are re-timed. From 64 devices up it also runs
 * first when releases never wait, and is kept when its first max(32, n/32)
 * steps cost at most about 1.5·n each (as on inconsistent matrices, where
 * it is about twice as fast as the column read); otherwise the column read
 * starts from scratch. Both are identical to the plain O(n²·m) loop, which
 * the tests check decision for decision.
 *
 * Complexity: with releases that never wait, O(m·n log n) to sort plus
 * O(n·m log n) for the column choices plus the reads, each O(1) unless
 * re-timed (O(m) at worst): from about 10 to 60 per step on the 512×16
 * Braun instances, growing about linearly with n on large generated ones
 * (O(n²) reads over the run, with a small constant); O(n·m) memory.
 * Otherwise O(n·m + n log n + R·(m + log n)) time, R ≤ n²/2 rescans.
 */
export const maxMin: Strategy = {
  name: 'max-min',
  summary: 'Max-Min (Braun et al. 2001): repeatedly map the task with the largest minimum completion time.',
  run: (ctx) => maxMinRun(ctx),
};
