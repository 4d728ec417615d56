// Pareto fronts (issue 14): the building blocks on fronts of typical size,
// and NSGA-II with a fixed generation budget on generated edge/cloud
// instances (bench/paretoInputs.ts) against `baseline: Min-Min` (one
// heuristic schedule, the cheapest point NSGA-II starts from). The exact
// method is measured by quality and time in scripts/pareto-nsga2-quality.ts
// (bench/PARETO.md), not here: one front takes seconds to minutes.
import { bench, describe } from 'vitest';
import { nonDominated } from '../src/pareto/dominance.js';
import { hypervolume } from '../src/pareto/hypervolume.js';
import { paretoFront } from '../src/pareto/paretoFront.js';
import { createRng } from '../src/internal/random.js';
import { solve } from '../src/solvers/solve.js';
import { edgeCloudInstance } from './paretoInputs.js';
import { benchOptions, sizes } from './scale.js';

let sink = 0;

const pointCases = [200, 1000];
for (const count of sizes(pointCases)) {
  const rng = createRng(count);
  const pts2 = Array.from({ length: count }, () => [rng(), rng()]);
  const pts3 = Array.from({ length: count }, () => [rng(), rng(), rng()]);
  describe(`${count} random points`, () => {
    bench('nonDominated, 3 objectives', () => {
      sink += nonDominated(pts3).length;
    }, benchOptions);
    bench('hypervolume, 2 objectives', () => {
      sink += hypervolume(pts2, [1, 1]);
    }, benchOptions);
    bench('hypervolume, 3 objectives', () => {
      sink += hypervolume(pts3, [1, 1, 1]);
    }, benchOptions);
  });
}

const frontCases = [
  { n: 20, m: 4, generations: 200 },
  { n: 1000, m: 16, generations: 20 },
];
for (const c of sizes(frontCases)) {
  const problem = edgeCloudInstance(c.n, c.m, 1);
  describe(`NSGA-II ${c.n}×${c.m}, makespan and energy, population 100, ${c.generations} generations`, () => {
    bench('baseline: Min-Min', () => {
      sink += solve(problem, { strategy: 'min-min', trace: false }).makespan;
    }, benchOptions);
    bench('paretoFront nsga2', async () => {
      sink += (await paretoFront(problem, { objectives: ['makespan', 'energy'], maxGenerations: c.generations, timeLimitMs: 60_000 })).points.length;
    }, benchOptions);
  });
}

describe('sink', () => {
  bench('keep results alive', () => {
    sink = sink % 1;
  }, benchOptions);
});
