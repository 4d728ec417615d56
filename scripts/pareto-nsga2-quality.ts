/**
 * How good is NSGA-II's front? Two measurements, as issue 14 asks:
 *
 * 1. On generated 20 × 4 edge/cloud instances (bench/paretoInputs.ts, seeds
 *    1..S), for each objective pair: the exact front (method 'exact', HiGHS)
 *    and NSGA-II's with its default budget (population 100, 1000
 *    generations, 10 s), and NSGA-II's hypervolume as a share of the exact
 *    front's, and how many NSGA-II points no exact point weakly dominates
 *    (0 whenever the exact front is proved complete). Both use one reference point: the worst value of each
 *    objective over the union of the two fronts plus 10 % of its range (plus
 *    1 when the range is 0). Goal: ≥ 95 %.
 * 2. On 1000 × 16 instances (seeds 1..L, default 3), for each of the six
 *    pairs of makespan, flowtime, energy and cost: NSGA-II's front with its
 *    default budget and the instance's seed, and for every list heuristic of
 *    `solve` (all strategies but 'optimal-flowtime', exact for flowtime, and
 *    the 'local-search' search) its point on the pair and the front point
 *    strictly better on both objectives with the largest smaller relative
 *    gain, or "none".
 *
 *   npx tsx scripts/pareto-nsga2-quality.ts [--seeds 5] [--exact-limit-s 120] [--large-seeds 3] [--skip-small] [--skip-large]
 *
 * Prints markdown tables (bench/PARETO.md holds a run's output).
 */
import { edgeCloudInstance } from '../bench/paretoInputs.js';
import { hypervolume } from '../src/pareto/hypervolume.js';
import { objectiveVector, PARETO_OBJECTIVES } from '../src/pareto/objectives.js';
import { paretoFront } from '../src/pareto/paretoFront.js';
import type { ParetoObjective } from '../src/pareto/types.js';
import { solve } from '../src/solvers/solve.js';
import { strategyNames, type StrategyName } from '../src/solvers/strategies.js';

const argv = process.argv.slice(2);
const seeds = Number(argv[argv.indexOf('--seeds') + 1] ?? 5) || 5;
/** The exact method's time limit (s): raise it on a loaded machine, where 120 s may not prove a front. */
const exactLimitS = argv.includes('--exact-limit-s') ? Number(argv[argv.indexOf('--exact-limit-s') + 1]) || 120 : 120;
const PAIRS: ParetoObjective[][] = [['makespan', 'energy'], ['makespan', 'cost'], ['energy', 'cost']];
/** Every list heuristic of solve() (not 'optimal-flowtime', exact for flowtime, nor the 'local-search' search). */
const LARGE_HEURISTICS: StrategyName[] = strategyNames.filter((s) => s !== 'optimal-flowtime' && s !== 'local-search');
const ALL_PAIRS: ParetoObjective[][] = PARETO_OBJECTIVES.flatMap((a, k) => PARETO_OBJECTIVES.slice(k + 1).map((b) => [a, b]));

function reference(a: number[][], b: number[][]): number[] {
  const all = [...a, ...b];
  return [0, 1].map((k) => {
    const hi = Math.max(...all.map((p) => p[k]!));
    const lo = Math.min(...all.map((p) => p[k]!));
    return hi + (hi > lo ? 0.1 * (hi - lo) : 1);
  });
}

const fmt = (v: number, d = 1): string => v.toFixed(d);

if (!argv.includes('--skip-small')) {
console.log(`## NSGA-II against the exact front, 20 × 4 (seeds 1..${seeds})\n`);
console.log('| seed | objectives | exact points | proved | exact time (s) | NSGA-II points | NSGA-II time (s) | generations | HV share | NSGA-II points no exact point weakly dominates |');
console.log('|---:|---|---:|---|---:|---:|---:|---:|---:|---:|');
const shares: number[] = [];
for (let seed = 1; seed <= seeds; seed++) {
  const problem = edgeCloudInstance(20, 4, seed);
  for (const objectives of PAIRS) {
    let t = performance.now();
    const exact = await paretoFront(problem, { objectives, method: 'exact', timeLimitMs: exactLimitS * 1000 });
    const te = (performance.now() - t) / 1000;
    t = performance.now();
    const ga = await paretoFront(problem, { objectives, method: 'nsga2', seed });
    const tg = (performance.now() - t) / 1000;
    const e = exact.points.map((p) => p.objectives);
    const g = ga.points.map((p) => p.objectives);
    const ref = reference(e, g);
    const share = hypervolume(g, ref) / hypervolume(e, ref);
    shares.push(share);
    const gens = /ran (\d+) generations|after (\d+) of/.exec(ga.reason);
    // A sanity check of the exact front: a proved front weakly dominates every schedule NSGA-II finds.
    const outside = g.filter((q) => !e.some((x) => x[0]! <= q[0]! && x[1]! <= q[1]!)).length;
    console.log(`| ${seed} | ${objectives.join(', ')} | ${e.length} | ${exact.proved ? 'yes' : 'no'} | ${fmt(te)} | ${g.length} | ${fmt(tg, 2)} | ${gens?.[1] ?? gens?.[2] ?? '?'} | ${fmt(100 * share, 2)} % | ${outside} |`);
  }
}
const mean = shares.reduce((s, v) => s + v, 0) / shares.length;
console.log(`\nHypervolume share: mean ${fmt(100 * mean, 2)} %, min ${fmt(100 * Math.min(...shares), 2)} % over ${shares.length} fronts; goal ≥ 95 %: ${Math.min(...shares) >= 0.95 ? 'met on every front' : `met on ${shares.filter((s) => s >= 0.95).length} of ${shares.length}`}.\n`);
}

if (!argv.includes('--skip-large')) {
  const largeSeeds = Number(argv[argv.indexOf('--large-seeds') + 1] ?? 3) || 3;
  console.log(`## NSGA-II against every single heuristic, 1000 × 16 (seeds 1..${largeSeeds}, all six pairs)\n`);
  console.log('Each row: one heuristic\'s point on the pair, and the front point strictly better on both objectives with the largest smaller relative gain (or "none").\n');
  console.log('| seed | objectives | NSGA-II points | time (s) | generations | heuristic | heuristic point | front point strictly better on both | gains (%) |');
  console.log('|---:|---|---:|---:|---:|---|---|---|---|');
  let rows = 0;
  let beatenRows = 0;
  const slowest: number[] = [];
  for (let seed = 1; seed <= largeSeeds; seed++) {
    const problem = edgeCloudInstance(1000, 16, seed);
    const assignments = LARGE_HEURISTICS.map((strategy) => ({ strategy, a: solve(problem, { strategy, trace: false }).assignment }));
    for (const objectives of ALL_PAIRS) {
      const t = performance.now();
      const ga = await paretoFront(problem, { objectives, method: 'nsga2', seed });
      const tg = (performance.now() - t) / 1000;
      slowest.push(tg);
      const gens = /ran (\d+) generations|after (\d+) of/.exec(ga.reason);
      for (const { strategy, a } of assignments) {
        const v = objectiveVector(problem, a, { objectives });
        // The witness: among front points strictly better on both, the one whose smaller relative gain is largest.
        let witness: number[] | undefined;
        let witnessGain = -Infinity;
        for (const p of ga.points) {
          if (!(p.objectives[0]! < v[0]! && p.objectives[1]! < v[1]!)) continue;
          const gain = Math.min((v[0]! - p.objectives[0]!) / v[0]!, (v[1]! - p.objectives[1]!) / v[1]!);
          if (gain > witnessGain) {
            witness = p.objectives;
            witnessGain = gain;
          }
        }
        rows++;
        if (witness !== undefined) beatenRows++;
        const show = (x: readonly number[]): string => x.map((y) => fmt(y, 0)).join(', ');
        const gains = witness === undefined ? '–' : [0, 1].map((k) => fmt((100 * (v[k]! - witness[k]!)) / v[k]!, 2)).join(', ');
        console.log(`| ${seed} | ${objectives.join(', ')} | ${ga.points.length} | ${fmt(tg, 2)} | ${gens?.[1] ?? gens?.[2] ?? '?'} | ${strategy} | ${show(v)} | ${witness === undefined ? 'none' : show(witness)} | ${gains} |`);
      }
    }
  }
  console.log(`\nHeuristic points strictly beaten on both objectives of their pair: ${beatenRows} of ${rows}; NSGA-II time per front ${fmt(Math.min(...slowest), 2)}–${fmt(Math.max(...slowest), 2)} s.`);
}
