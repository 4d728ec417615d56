import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InputRangeError, InputTypeError, compileWorkflow, evaluate, evaluateWorkflow, scheduleWorkflow, solveWorkflowExact, workflowStrategyNames,
  type Problem, type Workflow, type WorkflowSchedule,
} from '../../src/index.js';
import { activeTimes } from '../../src/workflow/energy.js';
import { deepFreeze } from '../arbitraries.js';
import { planFor, withWorkflowEnergyArb, workflowArb } from './arbitraries.js';

/**
 * The hand example: a phone captures a frame, a VM detects objects in it
 * while the phone renders a preview, the phone shows the result.
 */
const handExample = (): Workflow => ({
  tasks: [{ id: 'capture' }, { id: 'detect' }, { id: 'preview' }, { id: 'show' }],
  devices: [
    { id: 'phone', tier: 'edge', power: { busy: 4, transfer: 2, idle: 1 } },
    { id: 'vm', tier: 'cloud', power: { busy: 120, transfer: 40, idle: 60 }, price: { perSecond: 0.001, granularity: 3600 } },
  ],
  execTime: [[2, 1], [8, 2], [3, 3], [1, 1]],
  edges: [
    { from: 'capture', to: 'detect', data: 8 },
    { from: 'capture', to: 'preview', data: 1 },
    { from: 'detect', to: 'show', data: 2 },
    { from: 'preview', to: 'show', data: 0 },
  ],
  network: { bandwidth: 4, latency: 0.5 },
});
const PLACEMENT = [0, 1, 0, 0];
const ORDER = [[0, 2, 3], [1]];

function thrown(f: () => unknown): Error & { field?: string } {
  try {
    f();
  } catch (e) {
    return e as Error & { field?: string };
  }
  throw new Error('expected a throw');
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Time to move edge k's data from device p to q, read from the plain workflow (0 on one device). */
function oracleTransfer(w: Workflow, k: number, p: number, q: number): number {
  if (p === q) return 0;
  const pick = (v: number | readonly (readonly number[])[] | undefined, dflt: number): number => (v === undefined ? dflt : typeof v === 'number' ? v : v[p]![q]!);
  return pick(w.network?.latency, 0) + w.edges[k]!.data / pick(w.network?.bandwidth, 1);
}

/**
 * Energy and cost recomputed from the schedule's intervals, the slow way:
 * active time by elementary segments (each gap between consecutive endpoints
 * counts when some interval covers it), billing by ⌈active / g⌉.
 */
function oracle(w: Workflow, s: WorkflowSchedule): { execution: number[]; transfer: number[]; idle: number[]; cost: number[]; active: number[] } {
  const m = w.devices.length;
  const iv: [number, number][][] = Array.from({ length: m }, () => []);
  const execS = new Array<number>(m).fill(0);
  const transferS = new Array<number>(m).fill(0);
  for (const t of s.tasks) {
    iv[t.device]!.push([t.start, t.finish]);
    execS[t.device]! += w.execTime[t.task]![t.device]!;
  }
  for (const x of s.transfers) {
    if (x.fromDevice === x.toDevice) continue;
    for (const j of [x.fromDevice, x.toDevice]) {
      iv[j]!.push([x.start, x.arrival]);
      transferS[j]! += oracleTransfer(w, x.edge, x.fromDevice, x.toDevice);
    }
  }
  const active = iv.map((list) => {
    const points = [...new Set(list.flat())].sort((a, b) => a - b);
    let a = 0;
    for (let k = 0; k + 1 < points.length; k++) if (list.some(([x, y]) => x <= points[k]! && y >= points[k + 1]!)) a += points[k + 1]! - points[k]!;
    return a;
  });
  const execution: number[] = [];
  const transfer: number[] = [];
  const idle: number[] = [];
  const cost: number[] = [];
  w.devices.forEach((d, j) => {
    execution.push((d.power?.busy ?? 0) * execS[j]!);
    transfer.push((d.power?.transfer ?? 0) * transferS[j]!);
    idle.push((d.power?.idle ?? 0) * Math.max(0, s.metrics.makespan - active[j]!));
    const price = d.price;
    if (price === undefined || active[j] === 0) return cost.push(0);
    const g = price.granularity ?? 1;
    cost.push(price.perSecond * Math.max(price.minimum ?? 0, Math.ceil(active[j]! / g) * g));
  });
  return { execution, transfer, idle, cost, active };
}

describe('evaluateWorkflow energy and cost: reference values', () => {
  it('evaluateWorkflow runs its TSDoc energy example: phone 32.5 J, vm 560 J, vm billed one hour (3.6)', () => {
    const s = evaluateWorkflow(deepFreeze(handExample()), PLACEMENT, ORDER);
    expect(s.metrics.makespan).toBe(8.5);
    expect(s.metrics.energy.perDevice[0]).toEqual({ execution: 24, transfer: 7, idle: 1.5, total: 32.5 });
    expect(s.metrics.energy.perDevice[1]).toEqual({ execution: 240, transfer: 140, idle: 180, total: 560 });
    expect(s.metrics.energy.total).toBe(592.5);
    expect(s.metrics.cost.perDevice).toEqual([0, 3.6]);
  });

  it('evaluateWorkflow(hand example) pins every figure computed by hand, the phone sending while it previews', () => {
    // Timing (bandwidth 4, latency 0.5):
    //   capture on phone [0, 2]; capture -> detect crosses: 2 + 0.5 + 8/4 = 4.5, detect on vm [4.5, 6.5];
    //   preview on phone [2, 5] (same device, data at 2); detect -> show crosses: 6.5 + 0.5 + 2/4 = 7.5;
    //   show on phone [7.5, 8.5]. Makespan 8.5.
    // phone: exec 2 + 3 + 1 = 6 s -> 4 W · 6 = 24 J; transfers: sends [2, 4.5] (2.5 s), receives [6.5, 7.5] (1 s)
    //        -> 2 W · 3.5 = 7 J; active = |[0,2] ∪ [2,5] ∪ [2,4.5] ∪ [6.5,7.5] ∪ [7.5,8.5]| = 5 + 2 = 7 s
    //        (the send during preview counts once) -> idle 1 W · (8.5 − 7) = 1.5 J; total 32.5 J.
    // vm:    exec 2 s -> 120 W · 2 = 240 J; receives [2, 4.5], sends [6.5, 7.5] -> 40 W · 3.5 = 140 J;
    //        active = |[2, 4.5] ∪ [4.5, 6.5] ∪ [6.5, 7.5]| = 5.5 s -> idle 60 W · 3 = 180 J; total 560 J.
    // energy = 592.5 J. Cost: phone has no price (0); vm 0.001 per second, per-hour billing:
    //        5.5 s -> ⌈5.5 / 3600⌉ = 1 hour = 3600 s · 0.001 = 3.6.
    const s = evaluateWorkflow(handExample(), PLACEMENT, ORDER);
    expect(s.tasks.map((t) => [t.start, t.finish])).toEqual([[0, 2], [4.5, 6.5], [2, 5], [7.5, 8.5]]);
    expect(s.metrics.energy).toEqual({
      total: 592.5,
      perDevice: [
        { execution: 24, transfer: 7, idle: 1.5, total: 32.5 },
        { execution: 240, transfer: 140, idle: 180, total: 560 },
      ],
    });
    expect(s.metrics.cost).toEqual({ total: 3.6, perDevice: [0, 3.6] });
    const times = activeTimes(compileWorkflow(handExample()), s.tasks, s.transfers);
    expect([Array.from(times.active), Array.from(times.exec), Array.from(times.transfer)]).toEqual([[7, 5.5], [6, 2], [3.5, 3.5]]);
  });

  it('evaluateWorkflow bills per second with a minimum and charges an unused device idle power for the whole makespan, cost 0', () => {
    // Same plan; phone 0.125 per second with a 60 s minimum: active 7 s -> 60 s billed -> 7.5.
    // vm 0.5 per second, per-second billing: active 5.5 s -> 6 s billed -> 3.
    // spare (fog, never used): idle 5 W · 8.5 s = 42.5 J, active 0 -> cost 0 despite its 60 s minimum.
    const base = handExample();
    const w: Workflow = {
      ...base,
      devices: [
        { ...base.devices[0]!, price: { perSecond: 0.125, minimum: 60 } },
        { ...base.devices[1]!, price: { perSecond: 0.5, granularity: 1 } },
        { id: 'spare', tier: 'fog', power: { busy: 50, transfer: 50, idle: 5 }, price: { perSecond: 1, minimum: 60 } },
      ],
      execTime: base.execTime.map((row) => [...row, 1]),
    };
    const s = evaluateWorkflow(deepFreeze(w), PLACEMENT, [...ORDER, []]);
    expect(s.metrics.energy.perDevice[2]).toEqual({ execution: 0, transfer: 0, idle: 42.5, total: 42.5 });
    expect(s.metrics.energy.total).toBe(592.5 + 42.5);
    expect(s.metrics.cost).toEqual({ total: 10.5, perDevice: [7.5, 3, 0] });
  });

  it('scheduleWorkflow(hand example) reports the energy and cost of the schedule it returns', () => {
    // HEFT puts capture and detect on the vm, preview and show on the phone (makespan 5.75).
    const s = scheduleWorkflow(handExample(), { strategy: 'heft' });
    const again = evaluateWorkflow(handExample(), s.placement, s.order);
    expect(s.schedule.metrics.energy).toEqual(again.metrics.energy);
    expect(s.schedule.metrics.cost).toEqual(again.metrics.cost);
    expect(s.schedule.metrics.energy.total).toBeGreaterThan(0);
  });
});

describe('evaluateWorkflow energy and cost: properties', () => {
  it('evaluateWorkflow(workflow without power or price) reports 0 J and cost 0 on every device', () => {
    fc.assert(
      fc.property(workflowArb(), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (wf, picks) => {
        const { placement, order } = planFor(wf, picks);
        const { energy, cost } = evaluateWorkflow(wf, placement, order).metrics;
        expect(energy.total).toBe(0);
        expect(cost.total).toBe(0);
        for (const d of energy.perDevice) expect(d).toEqual({ execution: 0, transfer: 0, idle: 0, total: 0 });
        expect(cost.perDevice).toEqual(wf.devices.map(() => 0));
      }),
    );
  });

  it('evaluateWorkflow energy is finite, ≥ 0, adds up, and matches a slow recomputation from the intervals', () => {
    fc.assert(
      fc.property(workflowArb().chain((w) => withWorkflowEnergyArb(w)), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (wf, picks) => {
        const { placement, order } = planFor(wf, picks);
        const s = evaluateWorkflow(deepFreeze(wf), placement, order);
        const { energy, cost } = s.metrics;
        const o = oracle(wf, s);
        let total = 0;
        energy.perDevice.forEach((d, j) => {
          expect(Math.min(d.execution, d.transfer, d.idle)).toBeGreaterThanOrEqual(0);
          expect(d.total).toBe(d.execution + d.transfer + d.idle);
          expect(close(d.execution, o.execution[j]!)).toBe(true);
          expect(close(d.transfer, o.transfer[j]!)).toBe(true);
          // idle = watts · max(0, makespan − active): compare the active seconds (a subtraction near 0 amplifies rounding).
          expect(Math.abs(d.idle - o.idle[j]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, (wf.devices[j]!.power?.idle ?? 0) * s.metrics.makespan));
          total += d.total;
          // Cost bounds hold whatever the rounding of active: perSecond · max(min, active) ≤ cost ≤ perSecond · max(min, active + g).
          const p = wf.devices[j]!.price;
          const c = cost.perDevice[j]!;
          if (p === undefined || o.active[j] === 0) expect(c).toBe(0);
          else {
            expect(c).toBeGreaterThanOrEqual(p.perSecond * Math.max(p.minimum ?? 0, o.active[j]!) * (1 - 1e-9));
            expect(c).toBeLessThanOrEqual(p.perSecond * Math.max(p.minimum ?? 0, o.active[j]! + (p.granularity ?? 1)) * (1 + 1e-9));
          }
        });
        expect(energy.total).toBe(total);
        expect(Number.isFinite(energy.total) && Number.isFinite(cost.total)).toBe(true);
      }),
    );
  });

  it('evaluateWorkflow with integer times and dyadic watts and prices equals the slow recomputation exactly, cost included', () => {
    fc.assert(
      fc.property(workflowArb({ integers: true }).chain((w) => withWorkflowEnergyArb(w, true)), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (wf, picks) => {
        const { placement, order } = planFor(wf, picks);
        const s = evaluateWorkflow(wf, placement, order);
        const o = oracle(wf, s);
        expect(s.metrics.energy.perDevice.map((d) => [d.execution, d.transfer, d.idle])).toEqual(o.execution.map((x, j) => [x, o.transfer[j], o.idle[j]]));
        expect(s.metrics.cost.perDevice).toEqual(o.cost);
      }),
    );
  });

  it("evaluateWorkflow on a graph without edges gives evaluate's sequential energy and cost (same times, zero transfer times, same run orders)", () => {
    fc.assert(
      fc.property(workflowArb({ integers: true }).chain((w) => withWorkflowEnergyArb({ ...w, edges: [] }, true)), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (wf, picks) => {
        const { placement, order } = planFor(wf, picks);
        const s = evaluateWorkflow(wf, placement, order);
        const problem: Problem = { tasks: wf.tasks, devices: wf.devices, execTime: wf.execTime };
        const t = evaluate(problem, placement, { costModel: 'sequential', order: order.flat() });
        expect(s.metrics.makespan).toBe(t.metrics.makespan);
        expect(s.metrics.energy).toEqual(t.metrics.energy);
        expect(s.metrics.cost).toEqual(t.metrics.cost);
      }),
    );
  });

  it('scheduleWorkflow(workflow, {strategy}) and solveWorkflowExact report the energy and cost evaluateWorkflow gives their plan, for every strategy', () => {
    fc.assert(
      fc.property(workflowArb({ maxTasks: 6 }).chain((w) => withWorkflowEnergyArb(w)), (wf) => {
        const sols = [...workflowStrategyNames.map((strategy) => scheduleWorkflow(wf, { strategy })), solveWorkflowExact(wf, { maxNodes: 2000 })];
        for (const sol of sols) {
          const again = evaluateWorkflow(wf, sol.placement, sol.order);
          expect(sol.schedule.metrics.energy).toEqual(again.metrics.energy);
          expect(sol.schedule.metrics.cost).toEqual(again.metrics.cost);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('evaluateWorkflow energy and cost: edge cases and errors', () => {
  it('evaluateWorkflow of a zero-length schedule (every time and datum 0) uses 0 J and costs 0', () => {
    const w: Workflow = { ...handExample(), execTime: handExample().execTime.map((r) => r.map(() => 0)), edges: handExample().edges.map((e) => ({ ...e, data: 0 })), network: { bandwidth: 4, latency: 0 } };
    const s = evaluateWorkflow(w, PLACEMENT, ORDER);
    expect(s.metrics.makespan).toBe(0);
    expect(s.metrics.energy.total).toBe(0);
    expect(s.metrics.cost.total).toBe(0);
  });

  it('evaluateWorkflow counts a transfer of 0 seconds (same device, or Infinity bandwidth and no latency) as no transfer energy', () => {
    const s = evaluateWorkflow({ ...handExample(), network: { bandwidth: Infinity } }, PLACEMENT, ORDER);
    expect(s.metrics.energy.perDevice.map((d) => d.transfer)).toEqual([0, 0]);
  });

  const dev = (extra: Record<string, unknown>): Workflow => ({ ...handExample(), devices: [handExample().devices[0]!, { id: 'vm', tier: 'cloud', ...extra } as Workflow['devices'][number]] });
  const bad: readonly [string, Workflow, typeof InputTypeError | typeof InputRangeError, string, string][] = [
    ['NaN busy watts', dev({ power: { busy: NaN } }), InputRangeError, 'workflow.devices[1].power.busy', 'must be a finite number >= 0, got NaN'],
    ['negative idle watts', dev({ power: { idle: -1 } }), InputRangeError, 'workflow.devices[1].power.idle', 'must be a finite number >= 0, got -1'],
    ['Infinity transfer watts', dev({ power: { transfer: Infinity } }), InputRangeError, 'workflow.devices[1].power.transfer', 'must be a finite number >= 0, got Infinity'],
    ['a zero billing granularity', dev({ price: { perSecond: 1, granularity: 0 } }), InputRangeError, 'workflow.devices[1].price.granularity', 'must be a finite number > 0 (seconds), got 0'],
    ['a price without perSecond', dev({ price: { granularity: 60 } }), InputTypeError, 'workflow.devices[1].price.perSecond', 'is missing: a price needs perSecond, the money per billed second (e.g. {perSecond: 0.17 / 3600} for 0.17 an hour)'],
    ['an unknown power key', dev({ power: { peak: 3 } }), InputTypeError, 'workflow.devices[1].power.peak', 'is not a known field (known: busy, transfer, idle)'],
    ['a power that is not an object', dev({ power: 5 }), InputTypeError, 'workflow.devices[1].power', 'must be an object {busy?, transfer?, idle?} (watts), got 5'],
  ];
  for (const [what, w, cls, field, reason] of bad) {
    it(`evaluateWorkflow and scheduleWorkflow reject ${what} with ${cls.name} naming ${field}`, () => {
      for (const [fn, f] of [['evaluateWorkflow', () => evaluateWorkflow(w, PLACEMENT, ORDER)], ['scheduleWorkflow', () => scheduleWorkflow(w)]] as const) {
        const e = thrown(f);
        expect(e).toBeInstanceOf(cls);
        expect(e.field).toBe(field);
        expect(e.message).toBe(`${fn}: ${field} ${reason}`);
      }
    });
  }

  it('evaluateWorkflow and scheduleWorkflow reject watts whose energy overflows to Infinity with InputRangeError naming workflow.devices', () => {
    const w = dev({ power: { busy: 1e300 } });
    const big: Workflow = { ...w, execTime: w.execTime.map((r) => r.map((x) => x * 1e10)) };
    for (const f of [() => evaluateWorkflow(big, PLACEMENT, ORDER), () => scheduleWorkflow(big)]) {
      const e = thrown(f);
      expect(e).toBeInstanceOf(InputRangeError);
      expect(e.field).toBe('workflow.devices');
      expect(e.message).toContain('overflow the range of a double');
    }
  });
});
