// Fuzz: the energy and money fields (power, price, source) through the
// validator, evaluate, the JSON reader, problemFromPhysical and solve with
// energy and cost objectives and constraints. Valid energy problems come from
// test/arbitraries.ts; a mutation then (often) breaks or stretches them: NaN
// and negative watts, a zero or negative granularity, an unknown source,
// wrong types, unknown keys, 1e300 watts, and zero-length schedules.
import { describe, expect, it } from 'vitest';
import { compileProblem, evaluate, parseProblemJson, problemFromPhysical, solve, type Problem } from '../../src/index.js';
import { problemArb, withEnergyArb } from '../arbitraries.js';
import { anyValue, assertNumbersOk, deepFreeze, fc, FUZZ_RUNS, SLOW_RUNS, outcome } from './harness.js';

type Mutable = { tasks: Record<string, unknown>[]; devices: Record<string, unknown>[]; execTime: number[][]; transferTime?: number[][] };

const BAD: readonly unknown[] = [NaN, -1, -1e-300, Infinity, -Infinity, 0, 'x', null, 1e300, 5e-324];

/** An energy problem, valid or broken in one of many ways. */
const anyEnergyProblem: fc.Arbitrary<unknown> = fc
  .tuple(problemArb({ maxTasks: 6, maxDevices: 4 }).chain((p) => withEnergyArb(p)), fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 15 }))
  .map(([p, a, b, c, kind]) => {
    const q = JSON.parse(JSON.stringify(p, (_k, v: unknown) => (v === Infinity ? '__inf' : v)), (_k, v: unknown) => (v === '__inf' ? Infinity : v)) as Mutable;
    const n = q.tasks.length;
    const m = q.devices.length;
    const i = n > 0 ? a % n : 0;
    const j = m > 0 ? b % m : 0;
    const bad = BAD[c % BAD.length];
    const key = (['busy', 'transfer', 'idle'] as const)[c % 3]!;
    switch (kind) {
      case 0: if (m > 0) q.devices[j] = { ...q.devices[j], power: { [key]: bad } }; break; // NaN, negative, Infinity watts
      case 1: if (m > 0) q.devices[j] = { ...q.devices[j], price: { perSecond: 1, granularity: bad } }; break; // zero granularity among others
      case 2: if (m > 0) q.devices[j] = { ...q.devices[j], price: { perSecond: bad } }; break;
      case 3: if (m > 0) q.devices[j] = { ...q.devices[j], price: { perSecond: 1, minimum: bad } }; break;
      case 4: if (n > 0) q.tasks[i] = { ...q.tasks[i], source: c % 2 === 0 ? 'no-such-device' : bad }; break;
      case 5: if (m > 0) q.devices[j] = { ...q.devices[j], power: c % 2 === 0 ? bad : { busy: 1, peak: 2 } }; break;
      case 6: if (m > 0) q.devices[j] = { ...q.devices[j], power: { busy: 1e300, transfer: 1e300, idle: 1e300 }, price: { perSecond: 1e300, granularity: 1e-300 } }; break;
      case 7: q.execTime = q.execTime.map((row) => row.map((v) => (v < Infinity ? 0 : v))); if (q.transferTime) q.transferTime = q.transferTime.map((row) => row.map((v) => (v < Infinity ? 0 : v))); break; // zero-length schedule
      case 8: if (m > 0) q.devices[j] = { ...q.devices[j], power: { busy: 1e300 } }; q.execTime = q.execTime.map((row) => row.map((v) => (v < Infinity ? v * 1e10 : v))); break;
      default: break; // valid (kinds 9-15)
    }
    return q;
  });

/** A valid assignment for a raw problem when one exists (allowed devices), else [0, 0, ...]. */
function assignmentFor(raw: unknown, pick: number): number[] {
  const q = raw as Mutable;
  return q.execTime.map((row, i) => {
    const ok = row.flatMap((v, j) => (typeof v === 'number' && v + (q.transferTime?.[i]?.[j] ?? 0) < Infinity ? [j] : []));
    return ok.length > 0 ? ok[(pick + i) % ok.length]! : 0;
  });
}

describe('fuzz: energy and money', () => {
  it('compileProblem(problem with power, price, source) compiles finite, non-negative figures or throws a library error', () => {
    fc.assert(
      fc.property(anyEnergyProblem, (raw) => {
        outcome('compileProblem/energy', () => compileProblem(deepFreeze(raw) as Problem), (cp) => {
          for (const arr of [cp.powerBusy, cp.powerTransfer, cp.powerIdle, cp.pricePerSecond, cp.priceMinimum]) for (const x of arr) expect(x >= 0 && x < Infinity).toBe(true);
          for (const g of cp.priceGranularity) expect(g > 0 && g < Infinity).toBe(true);
          for (const s of cp.source) expect(s >= -1 && s < cp.m).toBe(true);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('evaluate(problem, assignment, options) reports finite energy and cost ≥ 0 whose parts add up, or a library error', () => {
    fc.assert(
      fc.property(anyEnergyProblem, fc.nat(), fc.constantFrom('sequential' as const, 'independent' as const), (raw, pick, costModel) => {
        const frozen = deepFreeze({ raw, a: assignmentFor(raw, pick) });
        outcome('evaluate/energy', () => evaluate(frozen.raw as Problem, frozen.a, { costModel }), (s) => {
          const { energy, cost } = s.metrics;
          assertNumbersOk(s, false);
          expect(Number.isFinite(energy.total) && energy.total >= 0).toBe(true);
          expect(Number.isFinite(cost.total) && cost.total >= 0).toBe(true);
          for (const d of energy.perDevice) {
            expect(Math.min(d.execution, d.transfer, d.idle)).toBeGreaterThanOrEqual(0);
            expect(d.total).toBe(d.execution + d.transfer + d.idle);
          }
          if (s.metrics.makespan === 0) {
            for (const d of energy.perDevice) expect(d.idle).toBe(0);
            expect(cost.total).toBe(0); // nothing is busy, nothing is billed
          }
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('parseProblemJson(text with energy fields) returns a problem that compiles, or a library error', () => {
    fc.assert(
      fc.property(anyEnergyProblem, (raw) => {
        const text = JSON.stringify(raw, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v));
        outcome('parseProblemJson/energy', () => parseProblemJson(text), (p) => {
          expect(() => compileProblem(p)).not.toThrow();
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('problemFromPhysical(tasks, devices with power and price) returns a valid problem or a library error', () => {
    const power = fc.record({ busy: anyValue, transfer: anyValue, idle: anyValue }, { requiredKeys: [] });
    const price = fc.record({ perSecond: anyValue, granularity: anyValue, minimum: anyValue }, { requiredKeys: ['perSecond'] });
    const device = fc.record({ tier: fc.constantFrom('edge', 'cloud'), speed: fc.double({ min: 1e-3, max: 1e4, noNaN: true }), power, price }, { requiredKeys: ['tier', 'speed'] });
    const task = fc.record({ work: fc.integer({ min: 0, max: 100 }), dataSize: fc.integer({ min: 0, max: 100 }), source: fc.constantFrom('d0', 'd1', 'zz') }, { requiredKeys: ['work', 'dataSize'] });
    fc.assert(
      fc.property(fc.array(task, { maxLength: 4 }), fc.array(device, { minLength: 1, maxLength: 3 }), (tasks, devices) => {
        const frozen = deepFreeze({ tasks, devices });
        outcome('problemFromPhysical/energy', () => problemFromPhysical(frozen.tasks as never, frozen.devices as never), (p) => {
          expect(() => compileProblem(p)).not.toThrow();
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  for (const strategy of ['mct', 'min-min', 'max-min', 'duplex', 'local-search'] as const) {
    it(`solve(problem, {strategy: '${strategy}', objective: energy | cost | weights, constraints}) is valid, deterministic and reports its constraints, or a library error`, () => {
      const opts = fc.record({
        objective: fc.constantFrom<'energy' | 'cost' | { makespan: number; energy: number; cost: number }>('energy', 'cost', { makespan: 1, energy: 0.01, cost: 10 }),
        constraints: fc.record({ makespan: fc.double({ min: 0, max: 1e4, noNaN: true }), cost: fc.double({ min: 0, max: 1e3, noNaN: true }), energy: fc.double({ min: 0, max: 1e6, noNaN: true }) }, { requiredKeys: [] }),
        costModel: fc.constantFrom('sequential' as const, 'independent' as const),
      });
      fc.assert(
        fc.property(anyEnergyProblem, opts, (raw, o) => {
          const frozen = deepFreeze(raw) as Problem;
          const options = { ...o, strategy, timeLimitMs: 50, maxIterations: 300 };
          outcome(`solve/${strategy}/energy`, () => solve(frozen, options), (s) => {
            expect(s.assignment).toHaveLength(frozen.tasks.length);
            s.assignment.forEach((d, i) => expect(frozen.execTime[i]![d]! + (frozen.transferTime?.[i]?.[d] ?? 0)).toBeLessThan(Infinity));
            assertNumbersOk(s, false);
            const c = s.constraints!;
            const broken = c.violations.map((v) => v.constraint);
            const lim = o.constraints;
            const expected = (['makespan', 'cost', 'energy'] as const).filter((k) => lim[k] !== undefined && [s.makespan, s.metrics.cost.total, s.metrics.energy.total][['makespan', 'cost', 'energy'].indexOf(k)]! > lim[k]!);
            expect(broken).toEqual(expected);
            for (const k of c.provedInfeasible) expect(broken).toContain(k);
            if (strategy !== 'local-search') expect(solve(frozen, options)).toEqual(s);
          });
        }),
        { numRuns: Math.max(30, Math.ceil(SLOW_RUNS / 5)) },
      );
    });
  }
});
