import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem, evaluate, solve, type Problem } from '../../../src/index.js';
import { objectiveGreedy } from '../../../src/solvers/heuristics/objectiveGreedy.js';
import { deepFreeze, problemArb, withEnergyArb } from '../../arbitraries.js';

/** Every assignment of n tasks to m devices (allowed pairs only). */
function* assignments(p: Problem): Generator<number[]> {
  const n = p.tasks.length;
  const m = p.devices.length;
  const a = new Array<number>(n).fill(0);
  const ok = (i: number, j: number): boolean => p.execTime[i]![j]! + (p.transferTime?.[i]?.[j] ?? 0) < Infinity;
  function* rec(i: number): Generator<number[]> {
    if (i === n) {
      yield a.slice();
      return;
    }
    for (let j = 0; j < m; j++) {
      if (!ok(i, j)) continue;
      a[i] = j;
      yield* rec(i + 1);
    }
  }
  yield* rec(0);
}

/**
 * Phone, edge box and cloud; four photos on the phone. Exact binary numbers.
 * exec 16 / 8 / 2 s, transfer 0 / 1 / 2 s; watts busy 4 / 8 / 64, transfer 2 / 4 / 16;
 * the cloud costs 0.001 per second with a 60 s minimum.
 */
const trip = (): Problem =>
  deepFreeze({
    tasks: ['photo1', 'photo2', 'photo3', 'photo4'].map((id) => ({ id, source: 'phone' })),
    devices: [
      { id: 'phone', tier: 'edge', power: { busy: 4, transfer: 2 } },
      { id: 'edge', tier: 'edge', power: { busy: 8, transfer: 4 } },
      { id: 'cloud', tier: 'cloud', power: { busy: 64, transfer: 16 }, price: { perSecond: 0.001, minimum: 60 } },
    ],
    execTime: [[16, 8, 2], [16, 8, 2], [16, 8, 2], [16, 8, 2]],
    transferTime: [[0, 1, 2], [0, 1, 2], [0, 1, 2], [0, 1, 2]],
  });

describe('objectiveGreedy: reference values', () => {
  it("solve(trip, {objective: 'energy', strategy: 'mct'}) keeps every photo on the phone (64 J per photo, the least)", () => {
    // Per photo, e_ij: phone 4 · 16 = 64; edge 8 · 8 + 4 · 1 + phone upload 2 · 1 = 70;
    // cloud 64 · 2 + 16 · 2 + 2 · 2 = 164. No idle power: energy is Σ e_ij, so each photo goes to the phone.
    const s = solve(trip(), { objective: 'energy', strategy: 'mct' });
    expect(s.assignment).toEqual([0, 0, 0, 0]);
    expect(s.metrics.energy.total).toBe(256);
  });

  it("solve(trip, {objective: 'cost', strategy: 'mct'}) never pays: the free edge and phone share the photos by finish time", () => {
    // Cost 0 on the phone and the edge (the cloud would add 0.06); ties broken by the earlier finish:
    // photo1 edge 9 (phone 16); photo2 phone 16 (edge 9 + 9 = 18);
    // photo3 edge 9 + 9 = 18 < phone 16 + 16 = 32 → edge; photo4 edge 18 + 9 = 27 < phone 32 → edge.
    const s = solve(trip(), { objective: 'cost', strategy: 'mct' });
    expect(s.assignment).toEqual([1, 0, 1, 1]);
    expect(s.metrics.cost.total).toBe(0);
    expect(s.makespan).toBe(27);
  });

  it("solve(trip, {objective: 'cost', constraints: {makespan: 20}, strategy: 'mct'}) sends one photo to the cloud to meet the deadline", () => {
    // photo1 edge (finish 9), photo2 phone (16), photo3 edge (18), photo4: phone 32 > 20 and edge 27 > 20
    // break the deadline, the cloud (finish 4, cost 60 s · 0.001 = 0.06) is the only feasible device.
    const s = solve(trip(), { objective: 'cost', constraints: { makespan: 20 }, strategy: 'mct' });
    expect(s.assignment).toEqual([1, 0, 1, 2]);
    expect(s.makespan).toBe(18);
    expect(s.metrics.cost.total).toBe(0.06);
    expect(s.constraints).toEqual({ satisfied: true, violations: [], provedInfeasible: [] });
    const last = s.trace[3]!;
    expect(last.chosen).toBe(2);
    expect(last.excluded.map((x) => x.device)).toEqual([0, 1]);
  });

  it('a task that fits nowhere goes to the device breaking the limits least, and the solution reports it', () => {
    // Deadline 1: every device finishes photo1 later (phone 16, edge 9, cloud 4); the cloud exceeds it least.
    const s = solve(trip(), { objective: 'cost', constraints: { makespan: 1 }, strategy: 'mct' });
    expect(s.assignment[0]).toBe(2);
    expect(s.constraints!.satisfied).toBe(false);
    expect(s.constraints!.provedInfeasible).toEqual(['makespan']);
  });
});

describe('objectiveGreedy: oracles', () => {
  const idleFree = problemArb({ maxTasks: 5, maxDevices: 3, integers: true, timing: false })
    .chain((p) => withEnergyArb(p, true))
    .map((p) => ({ ...p, devices: p.devices.map((d) => ({ ...d, ...(d.power ? { power: { ...d.power, idle: 0 } } : {}) })) }));

  it("solve(p, {objective: 'energy', strategy: 'mct'}) reaches the brute-force minimum energy when no device has idle power", () => {
    fc.assert(
      fc.property(idleFree, (p) => {
        let best = Infinity;
        for (const a of assignments(p)) best = Math.min(best, evaluate(p, a).metrics.energy.total);
        expect(solve(p, { objective: 'energy', strategy: 'mct' }).metrics.energy.total).toBe(best);
      }),
    );
  });

  it("solve(p, {objective: 'cost', strategy: 'mct'}) reaches the brute-force minimum cost with per-second billing, no minimum, integer times", () => {
    const perSecond = idleFree.map((p) => ({ ...p, devices: p.devices.map((d) => (d.price ? { ...d, price: { perSecond: d.price.perSecond } } : d)) }));
    fc.assert(
      fc.property(perSecond, (p) => {
        let best = Infinity;
        for (const a of assignments(p)) best = Math.min(best, evaluate(p, a).metrics.cost.total);
        expect(solve(p, { objective: 'cost', strategy: 'mct' }).metrics.cost.total).toBe(best);
      }),
    );
  });
});

describe('objectiveGreedy: lazy rescoring oracle', () => {
  const weightsArb = fc.constantFrom(
    Float64Array.of(0, 0, 0, 1, 0), Float64Array.of(0, 0, 0, 0, 1), Float64Array.of(1, 0, 0, 0.01, 1),
    Float64Array.of(0, 1, 0, 0, 0.5), Float64Array.of(0, 0, 1, 1, 0), Float64Array.of(1, 0, 0, 0, 0),
  );
  const limitsArb = fc.constantFrom(
    Float64Array.of(Infinity, Infinity, Infinity), Float64Array.of(50, Infinity, Infinity),
    Float64Array.of(Infinity, 2, Infinity), Float64Array.of(Infinity, Infinity, 500), Float64Array.of(30, 1, 300),
  );
  it('objectiveGreedy(lazy) equals the plain rescan of every task and device at every step', () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 12, maxDevices: 4 }).chain((p) => withEnergyArb(p)), fc.constantFrom('min-min' as const, 'max-min' as const), weightsArb, limitsArb, (p, rule, w, limits) => {
        const cp = compileProblem(p);
        expect(objectiveGreedy(cp, rule, w, limits, true, true)).toEqual(objectiveGreedy(cp, rule, w, limits, true, false));
      }),
    );
  });

  it('objectiveGreedy(lazy) equals the plain rescan on integer-time instances full of ties', () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 10, maxDevices: 3, integers: true }).chain((p) => withEnergyArb(p, true)), fc.constantFrom('min-min' as const, 'max-min' as const), weightsArb, (p, rule, w) => {
        const cp = compileProblem(p);
        const none = Float64Array.of(Infinity, Infinity, Infinity);
        expect(objectiveGreedy(cp, rule, w, none, false, true)).toEqual(objectiveGreedy(cp, rule, w, none, false, false));
      }),
    );
  });
});

describe('objectiveGreedy: properties', () => {
  const arb = problemArb({ maxTasks: 7 }).chain((p) => withEnergyArb(p));
  it('objectiveGreedy gives every task an allowed device, an order that is a permutation, and the same result twice', () => {
    fc.assert(
      fc.property(arb, fc.constantFrom('mct' as const, 'min-min' as const, 'max-min' as const), fc.double({ min: 0, max: 500, noNaN: true }), (p, rule, deadline) => {
        const cp = compileProblem(p);
        const w = Float64Array.of(1, 0, 0, 0.01, 1);
        const limits = Float64Array.of(deadline, Infinity, Infinity);
        const r = objectiveGreedy(cp, rule, w, limits, true);
        for (let i = 0; i < cp.n; i++) expect(cp.exec[i * cp.m + r.assignment[i]!]! + cp.transfer[i * cp.m + r.assignment[i]!]!).toBeLessThan(Infinity);
        expect(Array.from(r.order).sort((x, y) => x - y)).toEqual(Array.from({ length: cp.n }, (_, i) => i));
        expect(r.trace.length).toBe(cp.n);
        expect(objectiveGreedy(cp, rule, w, limits, true)).toEqual(r);
      }),
    );
  });

  it("solve(p, {objective, constraints}) reports satisfied exactly when the evaluated metrics meet the limits", () => {
    fc.assert(
      fc.property(arb, fc.constantFrom('mct' as const, 'min-min' as const, 'max-min' as const, 'duplex' as const), fc.double({ min: 0, max: 2000, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (p, strategy, deadline, budget) => {
        const s = solve(p, { objective: 'energy', strategy, constraints: { makespan: deadline, cost: budget } });
        const ok = s.makespan <= deadline && s.metrics.cost.total <= budget;
        expect(s.constraints!.satisfied).toBe(ok);
        if (s.constraints!.provedInfeasible.length > 0) expect(ok).toBe(false);
      }),
    );
  });
});

describe('objectiveGreedy: edge cases', () => {
  it('objectiveGreedy on an empty problem returns empty arrays', () => {
    const cp = compileProblem({ tasks: [], devices: [{ id: 'd', tier: 'edge' }], execTime: [] });
    const r = objectiveGreedy(cp, 'min-min', Float64Array.of(0, 0, 0, 1, 0), Float64Array.of(Infinity, Infinity, Infinity), true);
    expect([r.assignment.length, r.order.length, r.trace.length]).toEqual([0, 0, 0]);
  });

  it("solve(p, {objective: 'energy'}) never places a task on a forbidden device, even if it is free of energy", () => {
    const p: Problem = { tasks: [{ id: 'a' }], devices: [{ id: 'x', tier: 'edge', power: { busy: 100 } }, { id: 'y', tier: 'edge' }], execTime: [[1, Infinity]] };
    expect(solve(p, { objective: 'energy' }).assignment).toEqual([0]);
  });

  it("solve(p, {objective: 'energy'}) with no power anywhere breaks the all-zero ties by the earliest finish", () => {
    const p: Problem = { tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'edge' }], execTime: [[2, 3], [2, 3]] };
    expect(solve(p, { objective: 'energy', strategy: 'mct' }).assignment).toEqual([0, 1]);
  });
});
