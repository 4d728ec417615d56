import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGap } from '../../../src/solvers/gap/gapCompile.js';
import { State } from '../../../src/solvers/gap/gapSearchState.js';
import { TabuSearch } from '../../../src/solvers/gap/gapTabu.js';
import { penalized, searchInstanceArb } from './searchInstances.js';

/** Integer instances small enough that the swap window (32 partners) covers every pair; every pair allowed (demand ≤ budget), overloads common. */
const instArb = searchInstanceArb({ n: [2, 8], m: [2, 4] }, (n, m) => ({
  asg: fc.array(fc.nat(m - 1), { minLength: n, maxLength: n }),
}));

/** Every single shift and swap of `asg`, enumerated independently. */
function shiftsAndSwaps(n: number, m: number, asg: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < m; k++) if (k !== asg[i]) out.push(asg.map((j, t) => (t === i ? k : j)));
    for (let i2 = i + 1; i2 < n; i2++) if (asg[i] !== asg[i2]) out.push(asg.map((j, t) => (t === i ? asg[i2]! : t === i2 ? asg[i]! : j)));
  }
  return out;
}

/** The shifts and swaps, and every chain: task i to the device of task i2, i2 on to a third device l. */
function neighbours(n: number, m: number, asg: readonly number[]): number[][] {
  const out = shiftsAndSwaps(n, m, asg);
  for (let i = 0; i < n; i++) {
    for (let i2 = 0; i2 < n; i2++) {
      if (i2 === i || asg[i] === asg[i2]) continue;
      for (let l = 0; l < m; l++) if (l !== asg[i] && l !== asg[i2]) out.push(asg.map((j, t) => (t === i ? asg[i2]! : t === i2 ? l : j)));
    }
  }
  return out;
}

describe('gapTabu: one tabu-search step', () => {
  it('step(s, …) with an empty tabu list moves to a best shift, swap or chain under cost + Σ α_j·overload_j (brute force over the neighbourhood)', () => {
    fc.assert(
      fc.property(instArb, ({ asg, alpha, ...inst }) => {
        const g = compileGap('t', inst, false);
        const t = new TabuSearch(g, 1);
        alpha.forEach((a, j) => (t.alpha[j] = a));
        const s = new State(g, Int32Array.from(asg));
        const all = neighbours(g.n, g.m, asg);
        const moved = t.step(s, 1, 3, -Infinity);
        expect(moved).toBe(all.length > 0);
        if (!moved) return;
        const best = Math.min(...all.map((b) => penalized(g, b, alpha)));
        expect(penalized(g, s.asg, alpha)).toBe(best);
        // The new state is one of the enumerated neighbours.
        expect(all.some((b) => b.every((j, i) => j === s.asg[i]))).toBe(true);
        // The state stays consistent with a recomputation.
        const fresh = new State(g, s.asg);
        expect(s.cost).toBe(fresh.cost);
        expect(s.over).toBe(fresh.over);
      }),
      { numRuns: 300 },
    );
  });

  it('step(s, iter, tenure, …) makes the moved tasks\' old devices tabu until iter + tenure, and a tabu move is taken only when it reaches a new best feasible state', () => {
    // Two tasks, two devices, no budgets binding: task 0 is cheaper on device 1.
    const g = compileGap('t', { cost: [[5, 1], [1, 5]], demand: [[1, 1], [1, 1]], budget: [9, 9] }, false);
    const t = new TabuSearch(g, 1);
    const s = new State(g, Int32Array.from([0, 0]));
    expect(t.step(s, 1, 4, -Infinity)).toBe(true);
    expect([...s.asg]).toEqual([1, 0]);
    expect(t.tabu[0 * 2 + 0]).toBe(5);
    // Back to device 0 is tabu for task 0 (and no aspiration: best cost −Infinity); the best admissible move is task 1's shift.
    expect(t.step(s, 2, 4, -Infinity)).toBe(true);
    expect([...s.asg]).toEqual([1, 1]);
    // With best cost 100 (so any feasible state aspires), the tabu swap is allowed again.
    const u = new TabuSearch(g, 1);
    const s2 = new State(g, Int32Array.from([1, 0]));
    u.tabu[1 * 2 + 1] = 99;
    u.tabu[0 * 2 + 0] = 99;
    expect(u.step(s2, 2, 4, -Infinity)).toBe(false);
    expect([...s2.asg]).toEqual([1, 0]);
    expect(u.step(s2, 2, 4, 100)).toBe(true);
  });

  it('step(s, …, chains = false) moves to a best shift or swap only (brute force); with chains it never ends above that', () => {
    fc.assert(
      fc.property(instArb, ({ asg, alpha, ...inst }) => {
        const g = compileGap('t', inst, false);
        const plain = shiftsAndSwaps(g.n, g.m, asg);
        const t = new TabuSearch(g, 1);
        alpha.forEach((a, j) => (t.alpha[j] = a));
        const s = new State(g, Int32Array.from(asg));
        expect(t.step(s, 1, 3, -Infinity, false)).toBe(plain.length > 0);
        if (plain.length === 0) return;
        const best = Math.min(...plain.map((b) => penalized(g, b, alpha)));
        expect(penalized(g, s.asg, alpha)).toBe(best);
        expect(plain.some((b) => b.every((j, i) => j === s.asg[i]))).toBe(true);
        const u = new TabuSearch(g, 1);
        alpha.forEach((a, j) => (u.alpha[j] = a));
        const s2 = new State(g, Int32Array.from(asg));
        u.step(s2, 1, 3, -Infinity);
        expect(penalized(g, s2.asg, alpha)).toBeLessThanOrEqual(best);
      }),
      { numRuns: 200 },
    );
  });

  it('adapt(s, up, down) grows the weights of overloaded devices only, and shrinks every weight once nothing is overloaded', () => {
    const g = compileGap('t', { cost: [[1, 1], [1, 1]], demand: [[3, 1], [3, 1]], budget: [4, 4] }, false);
    const t = new TabuSearch(g, 2);
    const s = new State(g, Int32Array.from([0, 0]));
    t.adapt(s, 1.5, 0.5);
    expect([...t.alpha]).toEqual([3, 2]);
    s.asg.set([0, 1]);
    s.recompute();
    t.adapt(s, 1.5, 0.5);
    expect([...t.alpha]).toEqual([1.5, 1]);
    t.reset();
    expect([...t.alpha]).toEqual([2, 2]);
  });

  it('adapt(s, up, down) grows each overloaded weight in proportion to its overload (the most overloaded by up)', () => {
    // Device 0: load 3 + 3 = 6 on budget 4 (overload 2); device 1: load 2 + 2 = 4 on budget 3 (overload 1).
    const g = compileGap('t', { cost: [[1, 1], [1, 1], [1, 1], [1, 1]], demand: [[3, 2], [3, 2], [1, 2], [1, 2]], budget: [4, 3] }, false);
    const t = new TabuSearch(g, 2);
    const s = new State(g, Int32Array.from([0, 0, 1, 1]));
    t.adapt(s, 1.5, 0.5);
    // 2 · (1 + 0.5 · 2/2) = 3 and 2 · (1 + 0.5 · 1/2) = 2.5.
    expect([...t.alpha]).toEqual([3, 2.5]);
  });
});
