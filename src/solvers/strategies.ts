/**
 * The built-in strategies, as one static table (no registration side
 * effects: `solve` imports this table, and bundlers can still drop what is
 * unused elsewhere). To add a strategy: add its name to
 * {@link StrategyName} and its entry to `STRATEGIES`.
 * @module
 */
import { duplex } from './heuristics/duplex.js';
import { localSearch } from './search/localSearch.js';
import { maxMin } from './heuristics/max-min.js';
import { mct } from './heuristics/mct.js';
import { met } from './heuristics/met.js';
import { minMin } from './heuristics/min-min.js';
import { olb } from './heuristics/olb.js';
import { optimalFlowtime } from './lsap/optimalFlowtime.js';
import type { Strategy } from './registry.js';
import { seed } from './heuristics/seed.js';
import { sufferage } from './heuristics/sufferage.js';
import { sufferageGreedy } from './heuristics/sufferage-greedy.js';

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
