import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem, type Problem } from '../../src/index.js';
import { energyCompiled, energyScratch, energyTotalCompiled, taskEnergy } from '../../src/schedule/energy.js';
import { problemWithAssignmentArb } from '../arbitraries.js';
import { handExample } from './handExample.js';

describe('energyCompiled: reference values', () => {
  it('energyCompiled(hand example, [0, 1, 1], 8) splits 94 J into execution, transfer and idle per device', () => {
    // Assignment: a on the phone, b and c on the cloud. Sequential makespan = 8
    // (phone runs a for 8 s; cloud runs b 0–2 and c 2–3.25).
    // phone: execution 4 W · 8 s = 32; transfer 2 W · (0 received + 0.5 + 0.25 uploaded) = 1.5;
    //        idle 0.5 W · max(0, 8 − 8) = 0; total 33.5.
    // cloud: execution 16 W · (1.5 + 1) = 40; transfer 2 W · (0.5 + 0.25) = 1.5;
    //        idle 4 W · (8 − 3.25) = 19; total 60.5.
    // energy = 33.5 + 60.5 = 94 J.
    const e = energyCompiled(compileProblem(handExample()), [0, 1, 1], 8);
    expect(e.perDevice).toEqual([
      { execution: 32, transfer: 1.5, idle: 0, total: 33.5 },
      { execution: 40, transfer: 1.5, idle: 19, total: 60.5 },
    ]);
    expect(e.total).toBe(94);
  });

  it('energyCompiled(hand example, [1, 1, 1], 5.25) charges the phone only for uploads and idling', () => {
    // All on the cloud: busy 3 + 2 + 1.25 = 6.25 s, makespan 6.25.
    // phone: execution 0; transfer 2 W · (1 + 0.5 + 0.25) = 3.5; idle 0.5 W · 6.25 = 3.125; total 6.625.
    // cloud: execution 16 · (2 + 1.5 + 1) = 72; transfer 2 · 1.75 = 3.5; idle 4 · 0 = 0; total 75.5.
    // energy = 82.125 J.
    const e = energyCompiled(compileProblem(handExample()), [1, 1, 1], 6.25);
    expect(e.perDevice).toEqual([
      { execution: 0, transfer: 3.5, idle: 3.125, total: 6.625 },
      { execution: 72, transfer: 3.5, idle: 0, total: 75.5 },
    ]);
    expect(e.total).toBe(82.125);
  });

  it('energyCompiled(hand example, [0, 0, 0], 18) runs everything on the phone: no upload, the cloud idles', () => {
    // phone: 4 · 18 = 72, transfer 0, idle 0; cloud: 4 W · 18 s idle = 72. energy = 144 J.
    const e = energyCompiled(compileProblem(handExample()), [0, 0, 0], 18);
    expect(e.perDevice.map((d) => d.total)).toEqual([72, 72]);
    expect(e.total).toBe(144);
  });
});

describe('energyCompiled: properties', () => {
  it('energyCompiled equals the linear form Σ_i (taskEnergy − idle·p) + makespan·Σ idle when every busy ≤ makespan', () => {
    fc.assert(
      fc.property(problemWithAssignmentArb({ integers: true }), fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 12, maxLength: 12 }), ({ problem, assignment }, w) => {
        const m = problem.devices.length;
        const p: Problem = {
          ...problem,
          tasks: problem.tasks.map((t, i) => ({ ...t, source: `d${(i * 7) % m}` })),
          devices: problem.devices.map((d, j) => ({ ...d, power: { busy: w[j * 3]!, transfer: w[j * 3 + 1]!, idle: w[j * 3 + 2]! } })),
        };
        const cp = compileProblem(p);
        const busy = new Array<number>(m).fill(0);
        assignment.forEach((j, i) => (busy[j]! += cp.exec[i * m + j]! + cp.transfer[i * m + j]!));
        const makespan = Math.max(0, ...busy) + 3; // every device busy ≤ makespan
        let linear = 0;
        assignment.forEach((j, i) => (linear += taskEnergy(cp, i, j) - cp.powerIdle[j]! * (cp.exec[i * m + j]! + cp.transfer[i * m + j]!)));
        for (let j = 0; j < m; j++) linear += makespan * cp.powerIdle[j]!;
        expect(energyCompiled(cp, assignment, makespan).total).toBe(linear); // integers: exact
      }),
    );
  });

  it('energyTotalCompiled equals energyCompiled(...).total bit for bit, with or without scratch', () => {
    fc.assert(
      fc.property(problemWithAssignmentArb(), fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 2000, noNaN: true }), ({ problem, assignment }, w, makespan) => {
        const p: Problem = { ...problem, devices: problem.devices.map((d, j) => ({ ...d, power: { busy: w * (j + 1), transfer: w / 2, idle: w / (j + 1) } })) };
        const cp = compileProblem(p);
        const expected = energyCompiled(cp, assignment, makespan).total;
        expect(energyTotalCompiled(cp, assignment, makespan)).toBe(expected);
        expect(energyTotalCompiled(cp, assignment, makespan, energyScratch(cp.m))).toBe(expected);
      }),
    );
  });

  it('energyCompiled is 0 for every device without power, whatever the assignment and makespan', () => {
    fc.assert(
      fc.property(problemWithAssignmentArb(), fc.double({ min: 0, max: 1e6, noNaN: true }), ({ problem, assignment }, makespan) => {
        const e = energyCompiled(compileProblem(problem), assignment, makespan);
        expect(e.total).toBe(0);
        for (const d of e.perDevice) expect(d).toEqual({ execution: 0, transfer: 0, idle: 0, total: 0 });
      }),
    );
  });
});

describe('energyCompiled: edge cases', () => {
  it('energyCompiled with no tasks gives idle energy only (idle · makespan) and with makespan 0 gives 0', () => {
    const p: Problem = { tasks: [], devices: [{ id: 'x', tier: 'edge', power: { busy: 5, idle: 3 } }], execTime: [] };
    const cp = compileProblem(p);
    expect(energyCompiled(cp, [], 0)).toEqual({ total: 0, perDevice: [{ execution: 0, transfer: 0, idle: 0, total: 0 }] });
    expect(energyCompiled(cp, [], 2).total).toBe(6);
  });

  it('energyCompiled charges no upload for a task that runs on its own source device', () => {
    // b on the phone (its source): transfer[b][phone] = 0 is received, nothing is uploaded.
    const cp = compileProblem(handExample());
    expect(taskEnergy(cp, 1, 0)).toBe(4 * 6);
    // b on the cloud: cloud 16 · 1.5 + 2 · 0.5 = 25, phone uploads 2 · 0.5 = 1.
    expect(taskEnergy(cp, 1, 1)).toBe(26);
  });

  it('energyCompiled gives idle 0, not a negative idle, when a device is busy longer than the makespan', () => {
    // Under the independent cost model busy can exceed the makespan.
    const cp = compileProblem(handExample());
    expect(energyCompiled(cp, [1, 1, 1], 3).perDevice[1]!.idle).toBe(0);
  });
});
