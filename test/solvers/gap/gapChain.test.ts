import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChainExtender } from '../../../src/solvers/gap/gapChain.js';
import { compileGap } from '../../../src/solvers/gap/gapCompile.js';
import { State } from '../../../src/solvers/gap/gapSearchState.js';
import { TabuSearch } from '../../../src/solvers/gap/gapTabu.js';
import { penalized, searchInstanceArb } from './searchInstances.js';

/** Integer instances with enough devices for chains of three or more; some pairs forbidden, overloads common. */
const instArb = searchInstanceArb({ n: [3, 9], m: [3, 6], forbidden: true }, (n, m) => ({
  asg: fc.array(fc.nat(m - 1), { minLength: n, maxLength: n }),
  tabu: fc.array(fc.boolean(), { minLength: n * m, maxLength: n * m }),
  head: fc.tuple(fc.nat(n - 1), fc.nat(n - 1)),
}));

/** An instance whose start assignment uses only allowed pairs (a forbidden start pair moves to the task's first allowed device), or undefined. */
function build(r: typeof instArb extends fc.Arbitrary<infer T> ? T : never): { g: ReturnType<typeof compileGap>; asg: number[] } | undefined {
  const { cost, demand, budget } = r;
  const g = compileGap('t', { cost, demand, budget }, false);
  const asg = r.asg.map((j, i) => (g.allowed[i * g.m + j] === 1 ? j : [...Array(g.m).keys()].find((k) => g.allowed[i * g.m + k] === 1)));
  if (asg.some((j) => j === undefined)) return undefined;
  return { g, asg: asg as number[] };
}

describe('gapChain: greedy ejection chains', () => {
  it('extend(s, step, i1, i2) then apply(…) moves each chain task onto the next one\'s device, devices distinct, no tabu placement, a consistent state, and the objective changes by exactly delta', () => {
    fc.assert(
      fc.property(instArb, (r) => {
        const b = build(r);
        if (b === undefined) return;
        const { g, asg } = b;
        const [i1, i2] = r.head;
        if (i1 === i2 || asg[i1] === asg[i2] || g.allowed[i1 * g.m + asg[i2]!] === 0) return;
        const tabu = Int32Array.from(r.tabu, (x) => (x ? 9 : 0));
        // A step from the same start (on a copy) fills the step's tables (each task's two best shifts) that extend reads; then the tabu list is restored.
        const t2 = new TabuSearch(g, 1);
        r.alpha.forEach((a, j) => (t2.alpha[j] = a));
        t2.tabu.set(tabu);
        t2.step(new State(g, Int32Array.from(asg)), 5, 1, -Infinity);
        t2.tabu.set(tabu);
        const s = new State(g, Int32Array.from(asg));
        const before = penalized(g, s.asg, r.alpha);
        const e = new ChainExtender(g, g.m);
        e.extend(s, t2, i1, i2);
        if (e.length === 0) {
          expect(e.delta).toBe(Infinity);
          return;
        }
        expect(e.length).toBeGreaterThanOrEqual(3);
        const tasks = [...e.tasks.subarray(0, e.length)];
        const dest = [...e.dest.subarray(0, e.length)];
        expect(tasks[0]).toBe(i1);
        expect(tasks[1]).toBe(i2);
        expect(new Set(tasks).size).toBe(tasks.length);
        for (let k = 0; k + 1 < tasks.length; k++) expect(dest[k]).toBe(asg[tasks[k + 1]!]);
        const devices = [asg[tasks[0]!]!, ...dest];
        expect(new Set(devices).size).toBe(devices.length);
        tasks.forEach((i, k) => {
          expect(g.allowed[i * g.m + dest[k]!]).toBe(1);
          if (k > 0) expect(t2.tabu[i * g.m + dest[k]!]).toBeLessThanOrEqual(5);
        });
        // The last task's device is its best non-tabu one outside the chain (brute force over its row).
        const last = tasks[tasks.length - 1]!;
        const closing = [...Array(g.m).keys()].filter((q) => !devices.slice(0, -1).includes(q) && g.allowed[last * g.m + q] === 1 && t2.tabu[last * g.m + q]! <= 5);
        const after = (q: number): number => penalized(g, asg.map((j, i) => { const k = tasks.indexOf(i); return k < 0 ? j : k === tasks.length - 1 ? q : dest[k]!; }), r.alpha);
        expect(after(dest[dest.length - 1]!)).toBe(Math.min(...closing.map(after)));
        e.apply(s, t2.tabu, 5, 3);
        expect([...s.asg]).toEqual(asg.map((j, i) => { const k = tasks.indexOf(i); return k < 0 ? j : dest[k]!; }));
        tasks.forEach((i) => expect(t2.tabu[i * g.m + asg[i]!]).toBe(8));
        const fresh = new State(g, s.asg);
        expect(s.cost).toBe(fresh.cost);
        expect(s.over).toBe(fresh.over);
        expect([...s.load]).toEqual([...fresh.load]);
        expect(penalized(g, s.asg, r.alpha) - before).toBeCloseTo(e.delta, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('new TabuSearch(g, λ, 6).step(s, …) never ends above the best shift, swap or two-move chain, and leaves a consistent state', () => {
    fc.assert(
      fc.property(instArb, (r) => {
        const b = build(r);
        if (b === undefined) return;
        const { g, asg } = b;
        const plain = new TabuSearch(g, 1);
        const deep = new TabuSearch(g, 1, 6);
        r.alpha.forEach((a, j) => {
          plain.alpha[j] = a;
          deep.alpha[j] = a;
        });
        const s1 = new State(g, Int32Array.from(asg));
        const s2 = new State(g, Int32Array.from(asg));
        const moved = plain.step(s1, 1, 3, -Infinity);
        expect(deep.step(s2, 1, 3, -Infinity)).toBe(moved);
        expect(penalized(g, s2.asg, r.alpha)).toBeLessThanOrEqual(penalized(g, s1.asg, r.alpha) + 1e-9);
        const fresh = new State(g, s2.asg);
        expect(s2.cost).toBe(fresh.cost);
        expect(s2.over).toBe(fresh.over);
      }),
      { numRuns: 300 },
    );
  });

  it('new TabuSearch(g, λ, 4).step(s, …) takes a three-task chain where the best two-move chain is worse (worked example)', () => {
    // Four devices of one slot each (demand 1, budget 1); tasks 0, 1, 2 on devices 0, 1, 2 at cost 5, device 3 empty.
    // Task 0 costs 0 on device 1, task 1 costs 0 on devices 2 and 3, task 2 costs 3 on device 3; the rest 10.
    // Best move of two tasks: 0 → 1, 1 → 3 (−10); the chain 0 → 1, 1 → 2, 2 → 3 saves 12.
    const cost = [[5, 0, 10, 10], [10, 5, 0, 0], [10, 10, 5, 3]];
    const g = compileGap('t', { cost, demand: cost.map((r) => r.map(() => 1)), budget: [1, 1, 1, 1] }, false);
    const plain = new TabuSearch(g, 100);
    const s1 = new State(g, Int32Array.from([0, 1, 2]));
    expect(plain.step(s1, 1, 3, -Infinity)).toBe(true);
    expect([...s1.asg]).toEqual([1, 3, 2]);
    const deep = new TabuSearch(g, 100, 4);
    const s2 = new State(g, Int32Array.from([0, 1, 2]));
    expect(deep.step(s2, 1, 3, -Infinity)).toBe(true);
    expect([...s2.asg]).toEqual([1, 2, 3]);
    expect(s2.cost).toBe(3);
    expect(s2.over).toBe(0);
    // Each moved task's old device is now tabu for it.
    expect([deep.tabu[0 * 4 + 0], deep.tabu[1 * 4 + 1], deep.tabu[2 * 4 + 2]]).toEqual([4, 4, 4]);
  });
});
