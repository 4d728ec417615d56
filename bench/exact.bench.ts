// The exact and capacity solvers of issue 5 beside a reference each:
// - R‖ΣC: strategy 'optimal-flowtime' (an n × n·m LSAP) on a Braun instance
//   (512×16) and a generated 128×8 one, against `baseline: Min-Min` (the
//   heuristic it improves on; the ratio is the price of exactness);
// - GAP: solveGap's heuristic with a fixed iteration budget against
//   `baseline: solveGap exact (HiGHS wasm)` on OR-Library c1030-1 (gap9).
// 'local-search' is time-bounded by design, so it is measured by quality
// (scripts/local-search-braun.ts), not here.
import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { parseHcsp } from '../src/io/hcsp.js';
import { parseOrLibraryGap } from '../src/io/orLibraryGap.js';
import { compileProblem } from '../src/problem/compile.js';
import { generateEtc } from '../src/problem/generate.js';
import { solveGap } from '../src/solvers/gap/gap.js';
import type { StrategyContext } from '../src/solvers/registry.js';
import { STRATEGIES } from '../src/solvers/strategies.js';
import { benchOptions, sizes } from './scale.js';

let sink = 0;

const flowCases = [
  { label: 'generateEtc 128×8 (seed 3)', problem: () => generateEtc({ tasks: 128, machines: 8, seed: 3 }) },
  { label: 'Braun u_i_lolo.0 (512×16)', problem: () => parseHcsp(readFileSync(new URL('../data/hcsp/u_i_lolo.0', import.meta.url), 'utf8')) },
];
for (const c of sizes(flowCases)) {
  const cp = compileProblem(c.problem());
  const ctx: StrategyContext = { cp, costModel: 'sequential', objective: 'flowtime', seed: 0, timeLimitMs: 10_000, maxIterations: 100_000, trace: false };
  describe(`R||ΣC ${c.label}`, () => {
    bench('baseline: Min-Min', () => {
      sink += STRATEGIES['min-min'].run(ctx).assignment[0]!;
    }, benchOptions);
    bench('optimal-flowtime', () => {
      sink += STRATEGIES['optimal-flowtime'].run(ctx).assignment[0]!;
    }, benchOptions);
  });
}

const gap9 = parseOrLibraryGap(readFileSync(new URL('../data/gap/gap9.txt', import.meta.url), 'utf8'), { fileName: 'gap9' });
describe('GAP c1030-1 (30 tasks × 10 devices, maximize)', () => {
  const g = gap9[0]!;
  bench('baseline: solveGap exact (HiGHS wasm)', async () => {
    sink += (await solveGap(g, { sense: 'max', method: 'exact', timeLimitMs: 60_000 })).value;
  }, benchOptions);
  bench('solveGap heuristic (500 iterations)', async () => {
    sink += (await solveGap(g, { sense: 'max', method: 'heuristic', maxIterations: 500, timeLimitMs: 60_000 })).value;
  }, benchOptions);
});

export { sink };
