import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InfeasibleError,
  InputRangeError,
  InputTypeError,
  evaluate,
  workedExample,
  workedExampleProblem,
  type CostModel,
  type Problem,
} from '../../src/index.js';
import { compileProblem } from '../../src/problem/compile.js';
import { evaluateCompiled } from '../../src/schedule/evaluate.js';
import { deepFreeze, problemWithAssignmentArb, withEnergyArb } from '../arbitraries.js';
import { handExample } from './handExample.js';

const published = workedExample.published.assignment;

/** A trivially correct simulation over the plain arrays (no typed arrays, no counting sort). */
function naive(p: Problem, a: readonly number[], model: CostModel, order?: readonly number[]) {
  const n = p.tasks.length;
  const m = p.devices.length;
  const seq = order ?? [...Array(n).keys()];
  const free = p.devices.map((d) => d.ready ?? 0);
  const start: number[] = [];
  const finish: number[] = [];
  for (const i of seq) {
    const j = a[i]!;
    const dur = (p.transferTime?.[i]![j] ?? 0) + p.execTime[i]![j]!;
    const s = model === 'sequential' ? Math.max(free[j]!, p.tasks[i]!.release ?? 0) : p.tasks[i]!.release ?? 0;
    start[i] = s;
    finish[i] = s + dur;
    if (model === 'sequential') free[j] = s + dur;
  }
  const busy = Array.from({ length: m }, (_, j) => seq.filter((i) => a[i] === j).reduce((s, i) => s + (p.transferTime?.[i]![j] ?? 0) + p.execTime[i]![j]!, 0));
  const makespan = Math.max(0, ...finish);
  return {
    start,
    finish,
    busy,
    lists: Array.from({ length: m }, (_, j) => seq.filter((i) => a[i] === j)),
    makespan,
    flowtime: finish.reduce((s, f) => s + f, 0),
    misses: [...Array(n).keys()].filter((i) => finish[i]! > (p.tasks[i]!.deadline ?? Infinity)),
  };
}

describe('evaluate: reference values (seed, section 4.3)', () => {
  it("evaluate(workedExampleProblem(c), [0,1,2,1,0], {costModel: 'independent'}) gives the published totals 38, 54, 64, 54, 38", () => {
    for (const cloud of [0, 30, 1e6]) {
      const s = evaluate(workedExampleProblem(cloud), published, { costModel: 'independent' });
      expect(s.tasks.map((t) => t.finish)).toEqual([...workedExample.published.totalTimes]);
      expect(s.tasks.map((t) => t.exec)).toEqual([...workedExample.published.execTimes]);
      expect(s.tasks.map((t) => t.transfer)).toEqual([...workedExample.published.transferTimesPerTask]);
      expect(s.metrics.makespan).toBe(64);
      expect(s.metrics.flowtime).toBe(38 + 54 + 64 + 54 + 38);
      expect(s.metrics.totalTransfer).toBe(18 + 24 + 24 + 24 + 18);
    }
  });

  it('evaluate(workedExampleProblem(0), [0,1,2,1,0]) under the default sequential model queues tasks sharing a device: 38, 54, 64, 108, 76', () => {
    const s = evaluate(workedExampleProblem(0), published);
    expect(s.costModel).toBe('sequential');
    expect(s.tasks.map((t) => t.start)).toEqual([0, 0, 0, 54, 38]);
    expect(s.tasks.map((t) => t.finish)).toEqual([38, 54, 64, 108, 76]);
    expect(s.metrics.makespan).toBe(108);
    expect(s.devices.map((d) => d.busy)).toEqual([76, 108, 64, 0]);
    expect(s.devices.map((d) => d.tasks)).toEqual([[0, 4], [1, 3], [2], []]);
    expect(s.devices.map((d) => d.utilization)).toEqual([76 / 108, 1, 64 / 108, 0]);
    expect(s.metrics.loadImbalance).toBe(108 / (248 / 4));
  });

  it('evaluate weights flowtime by the normalized priorities of the worked example', () => {
    const s = evaluate(workedExampleProblem(0), published, { costModel: 'independent' });
    const pr = [0.8, 2 / 3, 2 / 3, 2 / 3, 0.2];
    const totals = workedExample.published.totalTimes;
    expect(s.metrics.weightedFlowtime).toBeCloseTo(pr.reduce((acc, p, i) => acc + p * totals[i]!, 0), 12);
  });

  it('evaluate with options.order runs each device in that order', () => {
    const s = evaluate(workedExampleProblem(0), published, { order: [4, 3, 2, 1, 0] });
    expect(s.tasks.map((t) => t.finish)).toEqual([76, 108, 64, 54, 38]);
    expect(s.devices[0]!.tasks).toEqual([4, 0]);
  });
});

describe('evaluate: properties', () => {
  it('evaluate(p, a, {costModel}) gives finish = start + transfer + exec, start ≥ release, makespan = max finish, Σ busy = Σ durations', () => {
    fc.assert(
      fc.property(problemWithAssignmentArb(), fc.constantFrom<CostModel>('independent', 'sequential'), ({ problem, assignment, order }, model) => {
        deepFreeze(problem);
        const s = evaluate(problem, assignment, { costModel: model, order });
        let max = 0;
        let dur = 0;
        for (const t of s.tasks) {
          expect(t.finish).toBe(t.start + (t.transfer + t.exec));
          expect(t.start).toBeGreaterThanOrEqual(problem.tasks[t.task]!.release ?? 0);
          expect(t.device).toBe(assignment[t.task]);
          max = Math.max(max, t.finish);
          dur += t.transfer + t.exec;
        }
        expect(s.metrics.makespan).toBe(max);
        expect(s.devices.reduce((a, d) => a + d.busy, 0)).toBeCloseTo(dur, 6);
        for (const d of s.devices) expect(d.utilization).toBeGreaterThanOrEqual(0);
        expect(Number.isNaN(s.metrics.loadImbalance)).toBe(false);
      }),
    );
  });

  it("evaluate under 'sequential' never overlaps two tasks on a device and starts none before the device is ready", () => {
    fc.assert(
      fc.property(problemWithAssignmentArb(), ({ problem, assignment, order }) => {
        const s = evaluate(problem, assignment, { order });
        for (const d of s.devices) {
          let free = problem.devices[d.device]!.ready ?? 0;
          for (const i of d.tasks) {
            const t = s.tasks[i]!;
            expect(t.start).toBeGreaterThanOrEqual(free);
            free = t.finish;
          }
        }
      }),
    );
  });

  it("evaluate under 'sequential' finishes every task no earlier than under 'independent'", () => {
    fc.assert(
      fc.property(problemWithAssignmentArb(), ({ problem, assignment, order }) => {
        const seq = evaluate(problem, assignment, { order });
        const ind = evaluate(problem, assignment, { costModel: 'independent', order });
        seq.tasks.forEach((t, i) => expect(t.finish).toBeGreaterThanOrEqual(ind.tasks[i]!.finish));
      }),
    );
  });

  it('evaluate is deterministic: the same input gives the same schedule', () => {
    fc.assert(
      fc.property(problemWithAssignmentArb(), ({ problem, assignment, order }) => {
        expect(JSON.stringify(evaluate(problem, assignment, { order }))).toBe(JSON.stringify(evaluate(problem, assignment, { order })));
      }),
    );
  });
});

describe('evaluate: oracles', () => {
  it('evaluate equals a naive plain-array simulation under both cost models', () => {
    fc.assert(
      fc.property(problemWithAssignmentArb(), fc.constantFrom<CostModel>('independent', 'sequential'), fc.boolean(), ({ problem, assignment, order }, model, useOrder) => {
        const s = evaluate(problem, assignment, useOrder ? { costModel: model, order } : { costModel: model });
        const r = naive(problem, assignment, model, useOrder ? order : undefined);
        expect(s.tasks.map((t) => t.start)).toEqual(r.start);
        expect(s.tasks.map((t) => t.finish)).toEqual(r.finish);
        expect(s.devices.map((d) => d.tasks)).toEqual(r.lists);
        s.devices.forEach((d, j) => expect(d.busy).toBeCloseTo(r.busy[j]!, 9));
        expect(s.metrics.makespan).toBe(r.makespan);
        expect(s.metrics.flowtime).toBeCloseTo(r.flowtime, 6);
        expect(s.metrics.deadlineMisses.map((d) => d.task)).toEqual(r.misses);
      }),
    );
  });

  it('evaluateCompiled(cp, a, model, order?) equals the plain two-pass version (time in run order, then sum in task order) double for double, with no order, the identity and a shuffled order', () => {
    // The plain version: evaluateCompiled before it timed index-order schedules in its summing loop.
    const plain = (cp: ReturnType<typeof compileProblem>, a: readonly number[], model: CostModel, order: readonly number[]) => {
      const { n, m } = cp;
      const start = new Float64Array(n);
      const finish = new Float64Array(n);
      const busy = new Float64Array(m);
      const lists: number[][] = Array.from({ length: m }, () => []);
      const free = Float64Array.from(cp.ready);
      for (const i of order) {
        const j = a[i]!;
        const p = cp.transfer[i * m + j]! + cp.exec[i * m + j]!;
        const s = model === 'sequential' && free[j]! > cp.release[i]! ? free[j]! : cp.release[i]!;
        start[i] = s;
        finish[i] = s + p;
        if (model === 'sequential') free[j] = s + p;
        busy[j] = busy[j]! + p;
        lists[j]!.push(i);
      }
      let makespan = 0;
      let flowtime = 0;
      let weightedFlowtime = 0;
      let totalTransfer = 0;
      for (let i = 0; i < n; i++) {
        makespan = Math.max(makespan, finish[i]!);
        flowtime += finish[i]!;
        weightedFlowtime += cp.priority[i]! * finish[i]!;
        totalTransfer += cp.transfer[i * m + a[i]!]!;
      }
      return { start: Array.from(start), finish: Array.from(finish), busy: Array.from(busy), lists, makespan, flowtime, weightedFlowtime, totalTransfer };
    };
    fc.assert(
      fc.property(problemWithAssignmentArb({ maxTasks: 9 }), fc.constantFrom<CostModel>('independent', 'sequential'), fc.constantFrom('none', 'identity', 'shuffled'), ({ problem, assignment, order }, model, kind) => {
        const cp = compileProblem(problem);
        const identity = assignment.map((_, i) => i);
        const s = kind === 'none' ? evaluateCompiled(cp, assignment, model) : evaluateCompiled(cp, assignment, model, kind === 'identity' ? identity : order);
        const r = plain(cp, assignment, model, kind === 'shuffled' ? order : identity);
        expect(s.tasks.map((t) => t.start)).toEqual(r.start);
        expect(s.tasks.map((t) => t.finish)).toEqual(r.finish);
        expect(s.devices.map((d) => d.busy)).toEqual(r.busy);
        expect(s.devices.map((d) => d.tasks)).toEqual(r.lists);
        const { makespan, flowtime, weightedFlowtime, totalTransfer } = s.metrics;
        expect({ makespan, flowtime, weightedFlowtime, totalTransfer }).toEqual({ makespan: r.makespan, flowtime: r.flowtime, weightedFlowtime: r.weightedFlowtime, totalTransfer: r.totalTransfer });
      }),
    );
  });

  it('evaluateCompiled (internal, unchecked) equals evaluate', () => {
    fc.assert(
      fc.property(problemWithAssignmentArb(), ({ problem, assignment, order }) => {
        const cp = compileProblem(problem);
        expect(evaluateCompiled(cp, Int32Array.from(assignment), 'sequential', Int32Array.from(order))).toEqual(evaluate(problem, assignment, { order }));
      }),
    );
  });
});

describe('evaluate: edge cases', () => {
  const p2: Problem = deepFreeze({
    tasks: [{ id: 'a', deadline: 3 }, { id: 'b', release: 5 }],
    devices: [{ id: 'x', tier: 'edge', ready: 1 }, { id: 'y', tier: 'cloud' }],
    execTime: [[2, Infinity], [1, 1]],
    transferTime: [[1, 0], [0, 0]],
  });

  it('evaluate of an empty problem has zero metrics and load imbalance 0', () => {
    const s = evaluate({ tasks: [], devices: [{ id: 'd', tier: 'edge' }], execTime: [] }, []);
    expect(s.metrics).toEqual({ makespan: 0, flowtime: 0, weightedFlowtime: 0, totalTransfer: 0, deadlineMisses: [], loadImbalance: 0, energy: { total: 0, perDevice: [{ execution: 0, transfer: 0, idle: 0, total: 0 }] }, cost: { total: 0, perDevice: [0] }, budgetOverruns: [] });
    expect(s.devices[0]).toEqual({ device: 0, id: 'd', busy: 0, utilization: 0, tasks: [] });
  });

  it('evaluate with zero times gives makespan 0 and utilization 0 (no NaN)', () => {
    const s = evaluate({ tasks: [{ id: 'a' }], devices: [{ id: 'd', tier: 'edge' }], execTime: [[0]] }, [0]);
    expect(s.metrics.makespan).toBe(0);
    expect(s.devices[0]!.utilization).toBe(0);
    expect(s.metrics.loadImbalance).toBe(0);
  });

  it('evaluate reports a deadline miss with its lateness, honours ready and release times', () => {
    const s = evaluate(p2, [0, 0]);
    expect(s.tasks.map((t) => [t.start, t.finish])).toEqual([[1, 4], [5, 6]]);
    expect(s.metrics.deadlineMisses).toEqual([{ task: 0, id: 'a', lateness: 1 }]);
    const ind = evaluate(p2, [0, 0], { costModel: 'independent' });
    expect(ind.tasks.map((t) => t.start)).toEqual([0, 5]);
    expect(ind.metrics.deadlineMisses).toEqual([]);
  });

  it('evaluate keeps huge and tiny magnitudes finite and exact', () => {
    const s = evaluate({ tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'd', tier: 'edge' }], execTime: [[1e300], [1e-300]] }, [0, 0]);
    expect(s.tasks.map((t) => t.finish)).toEqual([1e300, 1e300 + 1e-300]);
    expect(s.metrics.loadImbalance).toBe(1);
  });

  it('evaluate rejects times whose sum overflows the double range up front, under every cost model, instead of returning Infinity or NaN', () => {
    const p: Problem = { tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'd', tier: 'edge' }], execTime: [[1e308], [1e308]] };
    const message = 'evaluate: problem has times whose sums overflow the range of a double';
    expect(() => evaluate(p, [0, 0])).toThrow(message);
    // Under 'independent' the makespan would be 1e308 but the flowtime 2e308 = Infinity: refused too.
    expect(() => evaluate(p, [0, 0], { costModel: 'independent' })).toThrow(message);
    expect(() => evaluate(p, [0, 0], { costModel: 'independent' })).toThrow(InputRangeError);
  });

  it('evaluate rejects bad assignments, orders and options, naming the field', () => {
    expect(() => evaluate(p2, [0])).toThrow(new InputTypeError('evaluate', 'assignment', 'evaluate: assignment has length 1, expected 2 (one device index per task)'));
    expect(() => evaluate(p2, 'ab' as never)).toThrow(InputTypeError);
    expect(() => evaluate(p2, [0, 2])).toThrow('evaluate: assignment[1] must be an integer in [0, 1], got 2');
    expect(() => evaluate(p2, [0, -1])).toThrow(InputRangeError);
    expect(() => evaluate(p2, [0, 0.5])).toThrow('evaluate: assignment[1] must be an integer in [0, 1], got 0.5');
    expect(() => evaluate(p2, [NaN, 0])).toThrow('evaluate: assignment[0] must be an integer in [0, 1], got NaN');
    expect(() => evaluate(p2, [1, 0])).toThrow(InfeasibleError);
    expect(() => evaluate(p2, [1, 0])).toThrow('evaluate: assignment[0] puts task 0 on device 1, where it cannot run (its time there is Infinity)');
    expect(() => evaluate(p2, [0, 0], { order: [0, 0] })).toThrow('evaluate: options.order[1] repeats task 0 (already at options.order[0]); it must be a permutation');
    expect(() => evaluate(p2, [0, 0], { order: [0] })).toThrow(InputTypeError);
    expect(() => evaluate(p2, [0, 0], { order: [0, 2] })).toThrow(InputRangeError);
    expect(() => evaluate(p2, [0, 0], { costModel: 'parallel' as never })).toThrow("evaluate: options.costModel must be one of 'independent', 'sequential', got \"parallel\"");
    expect(() => evaluate(p2, [0, 0], { cost: 1 } as never)).toThrow('evaluate: options.cost is not a known option');
  });

  it('evaluate validates the problem, prefixing messages with evaluate', () => {
    expect(() => evaluate({ ...p2, execTime: [[1, 1], [NaN, 1]] }, [0, 0])).toThrow('evaluate: problem.execTime[1][0] must be a number >= 0 or Infinity, got NaN');
  });
});

describe('evaluate: energy and money', () => {
  it('evaluate(hand example, [0, 1, 1]) reports energy 94 J and cost 2 beside makespan 8', () => {
    // Sequential: phone runs a 0–8; cloud runs b 0–2, c 2–3.25; makespan 8.
    // Energy (see test/schedule/energy.test.ts): phone 32 + 1.5 + 0 = 33.5, cloud 40 + 1.5 + 19 = 60.5.
    // Cost: cloud busy 3.25 s → ⌈3.25 / 4⌉ = 1 unit = 4 s, below the 8 s minimum → 8 s · 0.25 = 2.
    const s = evaluate(handExample(), [0, 1, 1]);
    expect(s.metrics.makespan).toBe(8);
    expect(s.metrics.energy).toEqual({
      total: 94,
      perDevice: [
        { execution: 32, transfer: 1.5, idle: 0, total: 33.5 },
        { execution: 40, transfer: 1.5, idle: 19, total: 60.5 },
      ],
    });
    expect(s.metrics.cost).toEqual({ total: 2, perDevice: [0, 2] });
  });

  it('evaluate(hand example, [1, 1, 1]) energy depends on the cost model through the makespan; cost does not', () => {
    // Busy on the cloud: 3 + 2 + 1.25 = 6.25 s.
    // sequential: makespan 6.25; phone uploads 2 · 1.75 = 3.5 J, idles 0.5 · 6.25 = 3.125 J;
    //   cloud 16 · 4.5 = 72 + 2 · 1.75 = 3.5, idle 0 → energy 82.125.
    // independent: finishes 3, 2, 1.25 → makespan 3; phone idles 0.5 · 3 = 1.5 J;
    //   cloud idle max(0, 3 − 6.25) = 0 → energy 3.5 + 1.5 + 75.5 = 80.5.
    // Cost both: ⌈6.25 / 4⌉ = 2 units = 8 s = the minimum → 2.
    const seq = evaluate(handExample(), [1, 1, 1]);
    const ind = evaluate(handExample(), [1, 1, 1], { costModel: 'independent' });
    expect([seq.metrics.makespan, seq.metrics.energy.total, seq.metrics.cost.total]).toEqual([6.25, 82.125, 2]);
    expect([ind.metrics.makespan, ind.metrics.energy.total, ind.metrics.cost.total]).toEqual([3, 80.5, 2]);
  });

  it('evaluate energy and cost equal a naive transcription of the formulas (integer times, dyadic figures: exact)', () => {
    const arb = problemWithAssignmentArb({ integers: true }).chain(({ problem, assignment, order }) => withEnergyArb(problem, true).map((p) => ({ problem: p, assignment, order })));
    fc.assert(
      fc.property(arb, fc.constantFrom<CostModel>('sequential', 'independent'), ({ problem, assignment, order }, model) => {
        const s = evaluate(deepFreeze(problem), assignment, { costModel: model, order });
        const tr = (i: number, j: number): number => problem.transferTime?.[i]?.[j] ?? 0;
        let energy = 0;
        let cost = 0;
        problem.devices.forEach((d, j) => {
          const mine = assignment.map((a, i) => (a === j ? i : -1)).filter((i) => i >= 0);
          const ex = mine.reduce((acc, i) => acc + problem.execTime[i]![j]!, 0);
          const received = mine.reduce((acc, i) => acc + tr(i, j), 0);
          const sent = problem.tasks.reduce((acc, t, i) => (t.source === d.id && assignment[i] !== j ? acc + tr(i, assignment[i]!) : acc), 0);
          const busy = ex + received;
          const e = (d.power?.busy ?? 0) * ex + (d.power?.transfer ?? 0) * (received + sent) + (d.power?.idle ?? 0) * Math.max(0, s.metrics.makespan - busy);
          expect(s.metrics.energy.perDevice[j]!.total).toBe(e);
          energy += e;
          const g = d.price?.granularity ?? 1;
          const c = busy > 0 && d.price ? d.price.perSecond * Math.max(d.price.minimum ?? 0, Math.ceil(busy / g) * g) : 0;
          expect(s.metrics.cost.perDevice[j]).toBe(c);
          cost += c;
        });
        expect(s.metrics.energy.total).toBe(energy);
        expect(s.metrics.cost.total).toBe(cost);
      }),
    );
  });

  it('evaluate with no power or price fields reports energy 0 and cost 0 for every device', () => {
    const s = evaluate(workedExampleProblem(30), [...published]);
    expect(s.metrics.energy.total).toBe(0);
    expect(s.metrics.cost).toEqual({ total: 0, perDevice: [0, 0, 0, 0] });
  });

  it('evaluate rejects power figures whose energy overflows to Infinity with InputRangeError', () => {
    const p: Problem = { tasks: [{ id: 'a' }], devices: [{ id: 'x', tier: 'edge', power: { busy: 1e308 } }], execTime: [[10]] };
    expect(() => evaluate(p, [0])).toThrow(InputRangeError);
    expect(() => evaluate(p, [0])).toThrow('evaluate: problem.devices have power or price figures whose products with the times overflow the range of a double (the energy or cost would be Infinity); rescale them');
  });
});
