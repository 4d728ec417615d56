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
 * 2. On one 1000 × 16 instance, for each pair: the points of the single
 *    heuristics (Min-Min, MCT, MET, OLB, Max-Min, Sufferage, each evaluated
 *    on the pair), the best of them on each objective, and whether some
 *    point of NSGA-II's front is strictly better than a heuristic point on
 *    both objectives at once (for every non-dominated heuristic point).
 *
 *   npx tsx scripts/pareto-nsga2-quality.ts [--seeds 5] [--skip-large]
 *
 * Prints markdown tables (bench/PARETO.md holds a run's output).
 */
import { edgeCloudInstance } from '../bench/paretoInputs.js';
import { hypervolume } from '../src/pareto/hypervolume.js';
import { objectiveVector } from '../src/pareto/objectives.js';
import { paretoFront } from '../src/pareto/paretoFront.js';
import type { ParetoObjective } from '../src/pareto/types.js';
import { solve } from '../src/solvers/solve.js';
import type { StrategyName } from '../src/solvers/strategies.js';

const argv = process.argv.slice(2);
const seeds = Number(argv[argv.indexOf('--seeds') + 1] ?? 5) || 5;
const PAIRS: ParetoObjective[][] = [['makespan', 'energy'], ['makespan', 'cost'], ['energy', 'cost']];
const HEURISTICS: StrategyName[] = ['min-min', 'mct', 'met', 'olb', 'max-min', 'sufferage'];

function reference(a: number[][], b: number[][]): number[] {
  const all = [...a, ...b];
  return [0, 1].map((k) => {
    const hi = Math.max(...all.map((p) => p[k]!));
    const lo = Math.min(...all.map((p) => p[k]!));
    return hi + (hi > lo ? 0.1 * (hi - lo) : 1);
  });
}

const fmt = (v: number, d = 1): string => v.toFixed(d);

console.log(`## NSGA-II against the exact front, 20 × 4 (seeds 1..${seeds})\n`);
console.log('| seed | objectives | exact points | proved | exact time (s) | NSGA-II points | NSGA-II time (s) | generations | HV share | NSGA-II points no exact point weakly dominates |');
console.log('|---:|---|---:|---|---:|---:|---:|---:|---:|---:|');
const shares: number[] = [];
for (let seed = 1; seed <= seeds; seed++) {
  const problem = edgeCloudInstance(20, 4, seed);
  for (const objectives of PAIRS) {
    let t = performance.now();
    const exact = await paretoFront(problem, { objectives, method: 'exact', timeLimitMs: 120_000 });
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

if (!argv.includes('--skip-large')) {
  const problem = edgeCloudInstance(1000, 16, 1);
  console.log('## NSGA-II against the single heuristics, 1000 × 16 (seed 1)\n');
  console.log('| objectives | heuristic points (non-dominated) | best heuristic per objective | NSGA-II points | time (s) | generations | heuristic points dominated | heuristic points strictly beaten on both |');
  console.log('|---|---|---|---:|---:|---:|---:|---:|');
  for (const objectives of PAIRS) {
    const h = HEURISTICS.map((strategy) => ({ strategy, v: objectiveVector(problem, solve(problem, { strategy, trace: false }).assignment, { objectives }) }));
    const dom = (a: number[], b: number[]): boolean => a[0]! <= b[0]! && a[1]! <= b[1]! && (a[0]! < b[0]! || a[1]! < b[1]!);
    const hnd = h.filter((x) => !h.some((y) => dom(y.v, x.v)));
    const best = [0, 1].map((k) => Math.min(...h.map((x) => x.v[k]!)));
    const t = performance.now();
    const ga = await paretoFront(problem, { objectives, method: 'nsga2', seed: 1 });
    const tg = (performance.now() - t) / 1000;
    const beaten = hnd.filter((x) => ga.points.some((p) => p.objectives[0]! < x.v[0]! && p.objectives[1]! < x.v[1]!));
    const dominated = hnd.filter((x) => ga.points.some((p) => dom(p.objectives, x.v)));
    const gens = /ran (\d+) generations|after (\d+) of/.exec(ga.reason);
    console.log(
      `| ${objectives.join(', ')} | ${hnd.map((x) => `${x.strategy} (${x.v.map((v) => fmt(v, 0)).join(', ')})`).join('; ')} | ${best.map((v) => fmt(v, 0)).join(', ')} | ${ga.points.length} | ${fmt(tg, 2)} | ${gens?.[1] ?? gens?.[2] ?? '?'} | ${dominated.length} of ${hnd.length} | ${beaten.length} of ${hnd.length} |`,
    );
  }
}
