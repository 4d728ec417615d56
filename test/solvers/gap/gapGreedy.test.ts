import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGap } from '../../../src/solvers/gap/gapCompile.js';
import { regretGreedy } from '../../../src/solvers/gap/gapGreedy.js';
import type { CompiledGap } from '../../../src/solvers/gap/gap.js';

/** The plain MTHG loop (Martello & Toth 1981): rescan everything each step. */
function naiveRegretGreedy(g: CompiledGap, f: Float64Array): number[] {
  const { n, m, demand, allowed } = g;
  const room = Array.from(g.budget);
  const asg = new Array<number>(n).fill(-1);
  const open = new Set(Array.from({ length: n }, (_, i) => i));
  while (open.size > 0) {
    let pick = -1;
    let pickRegret = -Infinity;
    let pickDev = -1;
    for (const i of open) {
      const fits = [];
      for (let j = 0; j < m; j++) if (allowed[i * m + j] === 1 && demand[i * m + j]! <= room[j]!) fits.push(j);
      fits.sort((a, b) => f[i * m + a]! - f[i * m + b]! || a - b);
      const r = fits.length === 0 ? Infinity : fits.length === 1 ? Number.MAX_VALUE : f[i * m + fits[1]!]! - f[i * m + fits[0]!]!;
      if (r > pickRegret || (r === pickRegret && i < pick)) {
        pickRegret = r;
        pick = i;
        pickDev = fits[0] ?? -1;
      }
    }
    if (pickDev === -1) {
      let most = -Infinity;
      for (let j = 0; j < m; j++) {
        if (allowed[pick * m + j] === 1 && room[j]! - demand[pick * m + j]! > most) {
          most = room[j]! - demand[pick * m + j]!;
          pickDev = j;
        }
      }
    }
    asg[pick] = pickDev;
    room[pickDev] = room[pickDev]! - demand[pick * m + pickDev]!;
    open.delete(pick);
  }
  return asg;
}

describe('regretGreedy: oracle (the plain rescanning loop)', () => {
  it('regretGreedy(g, cost) equals the plain MTHG loop, ties to the lowest index', () => {
    fc.assert(
      fc.property(
        fc.record({ n: fc.integer({ min: 1, max: 8 }), m: fc.integer({ min: 1, max: 4 }) }).chain(({ n, m }) =>
          fc.record({
            cost: fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
            demand: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
            budget: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: m, maxLength: m }),
          }),
        ),
        (inst) => {
          const g = compileGap('t', inst, false);
          if (Array.from({ length: g.n }, (_, i) => i).some((i) => !g.allowed.subarray(i * g.m, (i + 1) * g.m).includes(1))) return;
          expect([...regretGreedy(g, g.cost)]).toEqual(naiveRegretGreedy(g, g.cost));
        },
      ),
    );
  });
});
