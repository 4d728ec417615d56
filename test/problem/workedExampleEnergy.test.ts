import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError, evaluate, workedExampleEnergyProblem, workedExampleProblem } from '../../src/index.js';

describe('workedExampleEnergyProblem: reference values', () => {
  it('workedExampleEnergyProblem(30) keeps every published number: it equals workedExampleProblem(30) without power and price', () => {
    const p = workedExampleEnergyProblem(30);
    const stripped = { ...p, devices: p.devices.map(({ power: _p, price: _c, ...d }) => d) };
    expect(stripped).toEqual(workedExampleProblem(30));
  });

  it('workedExampleEnergyProblem(30) gives the TSDoc example: published assignment 1368.8 J, cost 0; all on the cloud 400 s billed 0.0189', () => {
    const p = workedExampleEnergyProblem(30);
    const s = evaluate(p, [0, 1, 2, 1, 0], { costModel: 'independent' });
    expect(s.metrics.makespan).toBe(64);
    // device1 (Pi 4): 6.4 W · (20 + 20) + 3.2 W · (18 + 18) = 256 + 115.2 = 371.2 J; busy 76 > 64, no idle.
    // device2 (Pi 4): 6.4 · 60 + 3.2 · 48 = 384 + 153.6 = 537.6 J; device3 (Nano): 10 · 40 + 2.5 · 24 = 460 J.
    [371.2, 537.6, 460, 0].forEach((x, j) => expect(s.metrics.energy.perDevice[j]!.total).toBeCloseTo(x, 9));
    expect(s.metrics.energy.total.toFixed(1)).toBe('1368.8');
    expect(s.metrics.cost.total).toBe(0);
    // All five on the cloud, sequential: busy 5 · (30 + 50) = 400 s ≥ 60 s minimum → 400 · 0.17 / 3600 = 0.018888...
    const cloud = evaluate(p, [3, 3, 3, 3, 3]);
    expect(cloud.metrics.cost.total).toBeCloseTo(400 * 0.17 / 3600, 15);
    expect(cloud.metrics.cost.total.toFixed(4)).toBe('0.0189');
    // Energy: server 200 W · 250 s + 100 W · 150 s = 65000 J; the edges idle 400 s: 2 · 2.7 · 400 + 2 · 400 = 2960 J.
    expect(cloud.metrics.energy.total).toBeCloseTo(67960, 9);
  });
});

describe('workedExampleEnergyProblem: properties', () => {
  it('workedExampleEnergyProblem(x) prices only the cloud and gives every device busy ≥ idle power', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), (x) => {
        const p = workedExampleEnergyProblem(x);
        expect(p.transferTime.map((r) => r[3])).toEqual([x, x, x, x, x]);
        expect(p.devices.map((d) => d.price !== undefined)).toEqual([false, false, false, true]);
        for (const d of p.devices) expect(d.power!.busy!).toBeGreaterThanOrEqual(d.power!.idle!);
      }),
    );
  });
});

describe('workedExampleEnergyProblem: edge cases', () => {
  it('workedExampleEnergyProblem rejects NaN, negative and non-number transfer times naming cloudTransferTime', () => {
    expect(() => workedExampleEnergyProblem(NaN)).toThrow(InputRangeError);
    expect(() => workedExampleEnergyProblem(-1)).toThrow('workedExampleEnergyProblem: cloudTransferTime must be a finite number >= 0, got -1');
    expect(() => workedExampleEnergyProblem('30' as never)).toThrow(InputTypeError);
  });

  it('workedExampleEnergyProblem returns fresh objects each call (mutating one does not change the next)', () => {
    const a = workedExampleEnergyProblem(30) as unknown as { devices: { power?: { busy?: number } }[] };
    (a.devices[0]!.power as { busy: number }).busy = 99;
    expect(workedExampleEnergyProblem(30).devices[0]!.power!.busy).toBe(6.4);
  });
});
