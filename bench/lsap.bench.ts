// linearSumAssignment against the npm LSAP packages on the same seeded
// uniform [0, 1) matrices (bench/lsapInputs.ts), n = 100, 500, 1000, 2000.
// `baseline: munkres` is the fastest npm peer (munkres 2.x, a shortest
// augmenting path Hungarian); the others are measured where they finish in
// reasonable time (munkres-js takes about 12 s at n = 500, so it runs at
// n = 100 only). The scipy comparison is scripts/bench-lsap-compare.ts (it
// needs python3). Goal (issue 5): at most 0.6× the best peer.
import munkres from 'munkres';
import munkresJs from 'munkres-js';
import { minWeightAssign } from 'munkres-algorithm';
import { linearSumAssignment as lsaPeer } from 'linear-sum-assignment';
import { bench, describe } from 'vitest';
import { linearSumAssignment, linearSumAssignmentMatrix } from '../src/solvers/lsap/linearSumAssignment.js';
import { LSAP_SIZES, lsapMatrix, lsapRows } from './lsapInputs.js';
import { benchOptions, SMALL, sizes } from './scale.js';

let sink = 0;

for (const n of sizes(LSAP_SIZES)) {
  const rows = lsapRows(n);
  const flat = lsapMatrix(n);
  // Large sizes: a few timed runs (one solve of a peer takes seconds).
  const options = SMALL || n < 1000 ? benchOptions : { ...benchOptions, time: 0, iterations: 3, warmupIterations: 1, warmupTime: 0 };
  describe(`LSAP ${n}×${n} uniform [0,1)`, () => {
    bench('baseline: munkres', () => {
      sink += munkres(rows).length;
    }, options);
    bench('linearSumAssignment (rows)', () => {
      sink += linearSumAssignment(rows).cost;
    }, options);
    bench('linearSumAssignmentMatrix (Float64Array)', () => {
      sink += linearSumAssignmentMatrix(flat, n, n).cost;
    }, options);
    bench('peer: munkres-algorithm', () => {
      sink += minWeightAssign(rows).assignmentsWeight;
    }, options);
    bench('peer: linear-sum-assignment', () => {
      sink += lsaPeer(rows, { maximaze: false }).gain;
    }, options);
    if (n <= 100) {
      bench('peer: munkres-js', () => {
        sink += munkresJs(rows).length;
      }, options);
    }
  });
}

export { sink };
