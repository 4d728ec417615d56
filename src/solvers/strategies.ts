/**
 * The built-in strategies, as one static table (no registration side
 * effects: `solve` imports this table, and bundlers can still drop what is
 * unused elsewhere). To add a strategy: add its name to
 * {@link StrategyName} and its entry to `STRATEGIES`.
 * @module
 */
import { duplex } from './duplex.js';
import { localSearch } from './localSearch.js';
import { maxMin } from './max-min.js';
import { mct } from './mct.js';
import { met } from './met.js';
import { minMin } from './min-min.js';
import { olb } from './olb.js';
import { optimalFlowtime } from './optimalFlowtime.js';
import type { Strategy } from './registry.js';
import { seed } from './seed.js';
import { sufferage } from './sufferage.js';
import { sufferageGreedy } from './sufferage-greedy.js';

/**
 * The name of a built-in strategy, as accepted by `solve`'s
 * `options.strategy`:
 * - `'seed'`: the article's rule made explicit (priority order, then the
 *   device minimizing load + transfer + execution time);
 * - `'olb'`, `'met'`, `'mct'`, `'min-min'`, `'max-min'`, `'duplex'`: Braun
 *   et al. (2001);
 * - `'sufferage'`: Maheswaran et al. (1999); `'sufferage-greedy'`: one task
 *   per step;
 * - `'optimal-flowtime'`: the exact minimum of Σ finish times (R‖ΣC) as a
 *   linear sum assignment (Horn 1973; Bruno, Coffman & Sethi 1974);
 * - `'local-search'`: makespan search from Min-Min (LP-priced start, moves,
 *   swaps, annealing toward a target), bounded by `timeLimitMs` and
 *   `maxIterations`.
 */
export type StrategyName = 'seed' | 'olb' | 'met' | 'mct' | 'min-min' | 'max-min' | 'duplex' | 'sufferage' | 'sufferage-greedy' | 'optimal-flowtime' | 'local-search';

/** Every built-in strategy by name. @internal */
export const STRATEGIES: Readonly<Record<StrategyName, Strategy>> = Object.freeze({
  seed,
  olb,
  met,
  mct,
  'min-min': minMin,
  'max-min': maxMin,
  duplex,
  sufferage,
  'sufferage-greedy': sufferageGreedy,
  'optimal-flowtime': optimalFlowtime,
  'local-search': localSearch,
});

/**
 * The names of the built-in strategies, in a fixed order (the article's rule
 * first, then Braun et al.'s list, then the sufferage variants).
 *
 * @example
 * ```ts
 * strategyNames.includes('min-min'); // true
 * ```
 */
export const strategyNames: readonly StrategyName[] = Object.freeze(Object.keys(STRATEGIES) as StrategyName[]);
