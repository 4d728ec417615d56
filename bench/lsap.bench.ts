// linearSumAssignment against the npm LSAP packages on the same seeded
// matrices (bench/lsapInputs.ts): uniform [0, 1) at n = 100, 500, 1000, 2000,
// then the rectangular and structured shapes of issue 15 (solved as given,
// not padded). `baseline: munkres` is the fastest npm peer (munkres 2.x, a
// shortest augmenting path Hungarian); the others are measured where they
// finish in reasonable time (munkres-js takes about 12 s at n = 500, so it
// runs at n = 100 only). The scipy comparison, the cold first call and every
// shape at every size are scripts/bench-lsap-compare.ts (it needs python3).
import munkres from 'munkres';
import munkresJs from 'munkres-js';
import { minWeightAssign } from 'munkres-algorithm';
import { linearSumAssignment as lsaPeer } from 'linear-sum-assignment';
import { bench, describe } from 'vitest';
import { linearSumAssignment, linearSumAssignmentMatrix } from '../src/solvers/lsap/linearSumAssignment.js';
import { LSAP_SIZES, lsapMatrix, lsapRows, lsapShapeMatrix, shapeName, toRows, type LsapShape } from './lsapInputs.js';
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

/** Rectangular (unpadded) and structured shapes against the fastest peer. */
const SHAPES: readonly LsapShape[] = [
  { kind: 'int1000', rows: 300, cols: 900 },
  { kind: 'int1000', rows: 500, cols: 800 },
  { kind: 'int1000', rows: 1000, cols: 3000 },
  { kind: 'ij', rows: 200, cols: 200 },
  { kind: 'rank1', rows: 200, cols: 200 },
  { kind: 'equal', rows: 500, cols: 500 },
];
for (const s of sizes(SHAPES)) {
  const flat = lsapShapeMatrix(s);
  const rows = toRows(flat, s.rows, s.cols);
  const options = SMALL ? benchOptions : { ...benchOptions, time: 0, iterations: 5, warmupIterations: 1, warmupTime: 0 };
  describe(`LSAP ${shapeName(s)}`, () => {
    bench('baseline: munkres', () => {
      sink += munkres(rows).length;
    }, options);
    bench('linearSumAssignment (rows)', () => {
      sink += linearSumAssignment(rows).cost;
    }, options);
    bench('linearSumAssignmentMatrix (Float64Array)', () => {
      sink += linearSumAssignmentMatrix(flat, s.rows, s.cols).cost;
    }, options);
  });
}

export { sink };
