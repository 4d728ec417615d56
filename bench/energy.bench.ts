// The objective-aware list heuristics (energy, cost) on generated instances
// with power and price (fixed seeds), beside `baseline: plain rescan`: the
// same Min-Min rule rescoring every unmapped task on every device at every
// step (O(n²·m), the tests' oracle). Timed on the compiled problem, trace off.
import { bench, describe } from 'vitest';
import { compileProblem } from '../src/problem/compile.js';
import { generateEtc } from '../src/problem/generate.js';
import type { CompiledProblem, Problem } from '../src/problem/types.js';
import { objectiveGreedy } from '../src/solvers/heuristics/objectiveGreedy.js';
import { benchOptions, sizes } from './scale.js';

/** generateEtc with per-device power (5 + j W busy, 1–3 W idle) and a per-minute price on odd devices. */
function withEnergy(p: Problem): Problem {
  return {
    ...p,
    devices: p.devices.map((d, j) => ({ ...d, power: { busy: 5 + j, idle: 1 + (j % 3) }, ...(j % 2 === 1 ? { price: { perSecond: 0.001 * j, granularity: 60, minimum: 60 } } : {}) })),
  };
}

const NONE = Float64Array.of(Infinity, Infinity, Infinity);
const OBJECTIVES = [
  ['cost', Float64Array.of(0, 0, 0, 0, 1)],
  ['energy', Float64Array.of(0, 0, 0, 1, 0)],
] as const;
let sink = 0;

for (const [n, m, seed] of sizes([[128, 8, 1], [1000, 16, 2]] as const)) {
  const cp: CompiledProblem = compileProblem(withEnergy(generateEtc({ tasks: n, machines: m, seed })));
  for (const [name, w] of OBJECTIVES) {
    describe(`objective '${name}', generateEtc ${n}×${m} with power and price (seed ${seed})`, () => {
      bench('baseline: plain rescan Min-Min', () => {
        sink += objectiveGreedy(cp, 'min-min', w, NONE, false, false).assignment[0]!;
      }, benchOptions);
      bench('objective Min-Min (lazy rescoring)', () => {
        sink += objectiveGreedy(cp, 'min-min', w, NONE, false, true).assignment[0]!;
      }, benchOptions);
      bench('objective MCT', () => {
        sink += objectiveGreedy(cp, 'mct', w, NONE, false).assignment[0]!;
      }, benchOptions);
    });
  }
}
void sink;
