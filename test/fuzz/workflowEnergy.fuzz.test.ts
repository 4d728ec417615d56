// Fuzz: power and price on task-graph devices, through compileWorkflow,
// evaluateWorkflow, every scheduleWorkflow strategy, the JSON workflow
// reader and writer, and workflowFromPhysical. Valid workflows come from
// generateWorkflow with random power and price; a mutation then (often) breaks
// or stretches them: NaN, negative and infinite watts, a zero, negative or NaN
// granularity, wrong types, unknown keys, 1e300 watts and prices, 1e-300
// granularity, and zero-length schedules. A figure out of its domain must end
// in a library error naming that very field and device index; never NaN.
import { describe, expect, it } from 'vitest';
import {
  compileWorkflow, evaluateWorkflow, generateWorkflow, parseWorkflowJson, scheduleWorkflow, workflowFromPhysical, workflowStrategyNames, workflowToJson,
  type Workflow, type WorkflowSchedule,
} from '../../src/index.js';
import { anyValue, assertNumbersOk, deepFreeze, fc, FUZZ_RUNS, outcome, SLOW_RUNS } from './harness.js';

type Mutable = { tasks: Record<string, unknown>[]; devices: Record<string, unknown>[]; execTime: number[][]; edges: Record<string, unknown>[]; network?: Record<string, unknown> };

const BAD: readonly unknown[] = [NaN, -1, -1e-300, Infinity, -Infinity, 0, 'x', null, 1e300, 5e-324, undefined];
const WATTS = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0, max: 500, noNaN: true }));

/** A watt, per-second or minimum figure is valid when finite and ≥ 0 (undefined: absent, also valid except perSecond). */
const okNonNeg = (v: unknown): boolean => v === undefined || (typeof v === 'number' && v >= 0 && v < Infinity);
const okGranularity = (v: unknown): boolean => v === undefined || (typeof v === 'number' && v > 0 && v < Infinity);

/** A workflow with power and price, valid or broken in one way; `field` names the field a broken one must be rejected for. */
const anyEnergyWorkflow: fc.Arbitrary<{ w: Mutable; field: string | undefined; zero: boolean }> = fc
  .tuple(
    fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 3 }), fc.nat(),
    fc.array(fc.record({ busy: WATTS, transfer: WATTS, idle: WATTS }, { requiredKeys: [] }), { minLength: 3, maxLength: 3 }),
    fc.array(fc.option(fc.record({ perSecond: fc.double({ min: 0, max: 5, noNaN: true }), granularity: fc.constantFrom(1, 60, 3600), minimum: fc.constantFrom(0, 60) }, { requiredKeys: ['perSecond'] }), { nil: undefined }), { minLength: 3, maxLength: 3 }),
    fc.nat(), fc.nat(), fc.integer({ min: 0, max: 13 }),
  )
  .map(([n, m, seed, powers, prices, a, b, kind]) => {
    const g = generateWorkflow({ n, m, ccr: 1, tiers: (['edge', 'fog', 'cloud'] as const).slice(0, m) }, seed);
    const w = JSON.parse(JSON.stringify(g, (_k, v: unknown) => (v === Infinity ? '__inf' : v)), (_k, v: unknown) => (v === '__inf' ? Infinity : v)) as Mutable;
    w.devices = w.devices.map((d, j) => ({ ...d, power: powers[j], ...(prices[j] !== undefined ? { price: prices[j] } : {}) }));
    const j = a % m;
    const bad = BAD[b % BAD.length];
    const key = (['busy', 'transfer', 'idle'] as const)[a % 3]!;
    const f = `workflow.devices[${j}]`;
    let field: string | undefined;
    let zero = false;
    switch (kind) {
      case 0: w.devices[j]!.power = { [key]: bad }; if (!okNonNeg(bad)) field = `${f}.power.${key}`; break; // NaN, negative, Infinity watts
      case 1: w.devices[j]!.price = { perSecond: 1, granularity: bad }; if (!okGranularity(bad)) field = `${f}.price.granularity`; break; // zero granularity among others
      case 2: w.devices[j]!.price = { perSecond: bad }; if (!okNonNeg(bad) || bad === undefined) field = `${f}.price.perSecond`; break;
      case 3: w.devices[j]!.price = { perSecond: 1, minimum: bad }; if (!okNonNeg(bad)) field = `${f}.price.minimum`; break;
      case 4: w.devices[j]!.power = bad === undefined ? { busy: 1, peak: 2 } : bad; field = bad === undefined ? `${f}.power.peak` : `${f}.power`; break;
      case 5: w.devices[j]!.price = { perSecond: 1, per: 'hour' }; field = `${f}.price.per`; break;
      case 6: w.devices[j]!.power = { busy: 1e300, transfer: 1e300, idle: 1e300 }; w.devices[j]!.price = { perSecond: 1e300, granularity: 1e-300 }; break; // valid, may overflow
      case 7: // zero-length schedule: every time and datum 0
        w.execTime = w.execTime.map((row) => row.map((v) => (v < Infinity ? 0 : v)));
        for (const e of w.edges) e.data = 0;
        if (w.network !== undefined) w.network = { ...w.network, latency: 0 };
        zero = w.tasks.every((t) => !t.release) && w.devices.every((d) => !d.ready);
        break;
      default: break; // valid (kinds 8-13)
    }
    return { w, field, zero };
  });

/** Energy and cost figures of a valid schedule: finite, ≥ 0, parts adding up, zero-length schedules free. */
function expectEnergyOk(s: WorkflowSchedule, zero: boolean): void {
  assertNumbersOk(s, true);
  const { energy, cost } = s.metrics;
  expect(energy.total >= 0 && cost.total >= 0).toBe(true);
  for (const d of energy.perDevice) {
    expect(Math.min(d.execution, d.transfer, d.idle)).toBeGreaterThanOrEqual(0);
    expect(d.total).toBe(d.execution + d.transfer + d.idle);
  }
  for (const c of cost.perDevice) expect(c).toBeGreaterThanOrEqual(0);
  if (zero || s.metrics.makespan === 0) {
    expect(energy.total).toBe(0);
    expect(cost.total).toBe(0); // nothing active, nothing billed
  }
}

/** Runs `thunk` through the harness; a broken figure must give an error naming exactly its field. */
function expectOutcome<R>(fn: string, field: string | undefined, thunk: () => R, check: (r: R) => void): void {
  let caught: unknown;
  const kind = outcome(fn, () => {
    try {
      return thunk();
    } catch (e) {
      caught = e;
      throw e;
    }
  }, check);
  if (field !== undefined) {
    expect(kind).toBe('error');
    expect((caught as { field: string }).field).toBe(field);
  } else if (kind === 'error') {
    // The only valid way to fail: energy or cost overflowing the double range (kind 6).
    expect((caught as { field: string }).field).toBe('workflow.devices');
  }
}

/** A plan: each task on its first allowed device, devices running tasks in index order (generated graphs are index-ordered). */
function firstPlan(w: Mutable): { placement: number[]; order: number[][] } {
  const placement = w.execTime.map((row) => Math.max(0, row.findIndex((v) => v < Infinity)));
  return { placement, order: w.devices.map((_, j) => placement.flatMap((p, i) => (p === j ? [i] : []))) };
}

describe('fuzz: workflow energy and money', () => {
  it('compileWorkflow(workflow with power and price) compiles finite, non-negative figures or throws a library error naming the bad field', () => {
    fc.assert(
      fc.property(anyEnergyWorkflow, ({ w, field }) => {
        expectOutcome('compileWorkflow/energy', field, () => compileWorkflow(deepFreeze(w) as unknown as Workflow), (c) => {
          for (const arr of [c.powerBusy, c.powerTransfer, c.powerIdle, c.pricePerSecond, c.priceMinimum]) for (const x of arr) expect(x >= 0 && x < Infinity).toBe(true);
          for (const g of c.priceGranularity) expect(g > 0 && g < Infinity).toBe(true);
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('evaluateWorkflow(workflow with power and price, plan) reports finite energy and cost ≥ 0 whose parts add up, or a library error', () => {
    fc.assert(
      fc.property(anyEnergyWorkflow, ({ w, field, zero }) => {
        const frozen = deepFreeze({ w, plan: firstPlan(w) });
        expectOutcome('evaluateWorkflow/energy', field, () => evaluateWorkflow(frozen.w as unknown as Workflow, frozen.plan.placement, frozen.plan.order), (s) => expectEnergyOk(s, zero));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('scheduleWorkflow(workflow with power and price, {strategy}) reports the energy and cost evaluateWorkflow gives its plan, for every strategy, or a library error', () => {
    fc.assert(
      fc.property(anyEnergyWorkflow, fc.constantFrom(...workflowStrategyNames), ({ w, field, zero }, strategy) => {
        const frozen = deepFreeze(w) as unknown as Workflow;
        expectOutcome('scheduleWorkflow/energy', field, () => scheduleWorkflow(frozen, { strategy }), (s) => {
          expectEnergyOk(s.schedule, zero);
          const again = evaluateWorkflow(frozen, s.placement, s.order).metrics;
          expect([again.energy, again.cost]).toEqual([s.schedule.metrics.energy, s.schedule.metrics.cost]);
        });
      }),
      { numRuns: SLOW_RUNS },
    );
  });

  it('parseWorkflowJson(workflowToJson(workflow with power and price)) round-trips, and parseWorkflowJson rejects a bad figure naming it', () => {
    fc.assert(
      fc.property(anyEnergyWorkflow, ({ w, field }) => {
        const frozen = deepFreeze(w) as unknown as Workflow;
        expectOutcome('workflowToJson/energy', field, () => workflowToJson(frozen), (text) => expect(parseWorkflowJson(text)).toEqual(frozen));
        const text = JSON.stringify(w, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? null : String(v)) : v));
        // JSON writes NaN as null, Infinity as "Infinity" and drops undefined keys: each still breaks (or keeps) the same field.
        expectOutcome('parseWorkflowJson/energy', field, () => parseWorkflowJson(text), (p) => expect(() => compileWorkflow(p)).not.toThrow());
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('workflowFromPhysical(tasks, devices with any power and price, edges) returns a workflow that compiles, or a library error', () => {
    const power = fc.oneof(anyValue, fc.record({ busy: anyValue, transfer: anyValue, idle: anyValue }, { requiredKeys: [] }));
    const price = fc.oneof(anyValue, fc.record({ perSecond: anyValue, granularity: anyValue, minimum: anyValue }, { requiredKeys: ['perSecond'] }));
    const device = fc.record({ tier: fc.constantFrom('edge', 'cloud'), speed: fc.double({ min: 1e-3, max: 1e4, noNaN: true }), power, price }, { requiredKeys: ['tier', 'speed'] });
    fc.assert(
      fc.property(fc.array(fc.record({ work: fc.integer({ min: 0, max: 100 }) }), { maxLength: 4 }), fc.array(device, { minLength: 1, maxLength: 3 }), (tasks, devices) => {
        const frozen = deepFreeze({ tasks, devices });
        outcome('workflowFromPhysical/energy', () => workflowFromPhysical(frozen.tasks, frozen.devices as never, []), (w) => {
          expect(() => compileWorkflow(w)).not.toThrow();
          expect(w.devices.map((d) => d.power)).toEqual(frozen.devices.map((d) => d.power));
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
