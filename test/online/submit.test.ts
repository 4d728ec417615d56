import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createOnlineState,
  InfeasibleError,
  InputRangeError,
  InputTypeError,
  solve,
  submit,
  workedExampleProblem,
  type OnlineState,
  type OnlineTask,
  type Problem,
} from '../../src/index.js';
import { deepFreeze, problemArb } from '../arbitraries.js';

/** The tasks of a problem as online tasks (rows copied). */
function onlineTasks(p: Problem): OnlineTask[] {
  return p.tasks.map((t, i) => {
    const out: { -readonly [K in keyof OnlineTask]: OnlineTask[K] } = { id: t.id, execTime: p.execTime[i]!.slice() };
    if (p.transferTime !== undefined) out.transferTime = p.transferTime[i]!.slice();
    if (t.priority !== undefined) out.priority = t.priority;
    if (t.criteria !== undefined) out.criteria = t.criteria;
    return out;
  });
}

describe('submit: reference values', () => {
  it("submit(s0, [a], 0) sends a to the cloud (2 + 1 < 4) and sets its busyUntil to 3", () => {
    const s0 = deepFreeze(createOnlineState([{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }]));
    const { state, decisions, stoppedEarly } = submit(s0, [{ id: 'a', execTime: [4, 1], transferTime: [0, 2] }], 0);
    expect(decisions).toEqual([{ id: 'a', device: 1, deviceId: 'cloud', start: 0, transfer: 2, exec: 1, finish: 3 }]);
    expect(state.devices.map((d) => d.busyUntil)).toEqual([0, 3]);
    expect(state.pending).toEqual([{ id: 'a', device: 1, submitted: 0, start: 0, transfer: 2, nominalExec: 1, exec: 1, finish: 3, demand: 0, deadline: null }]);
    expect(stoppedEarly).toBe(false);
  });

  it("submit(worked example, all five tasks, 0, {strategy: 'seed'}) gives seed's offline answer [0, 1, 2, 0, 3] with the same times", () => {
    const p = workedExampleProblem(30);
    const s0 = createOnlineState(p.devices);
    const { decisions, state } = submit(s0, deepFreeze(onlineTasks(p)), 0, { strategy: 'seed' });
    expect(decisions.map((d) => d.device)).toEqual([0, 1, 2, 0, 3]);
    expect(decisions.map((d) => d.finish)).toEqual(solve(p, { strategy: 'seed' }).schedule.tasks.map((t) => t.finish));
    expect(decisions.map((d) => d.finish)).toEqual([38, 54, 64, 76, 80]);
    expect(state.devices.map((d) => d.busyUntil)).toEqual([76, 54, 64, 80]);
  });

  it('submit pins earlier decisions: a second batch starts each device at its busyUntil, and the first batch stays as planned', () => {
    const s0 = createOnlineState([{ id: 'd0', tier: 'edge' }, { id: 'd1', tier: 'edge' }]);
    const r1 = submit(s0, [{ id: 'a', execTime: [10, 20] }], 0, { strategy: 'mct' });
    const r2 = submit(r1.state, [{ id: 'b', execTime: [5, 50] }, { id: 'c', execTime: [5, 50] }], 2, { strategy: 'mct' });
    expect(r2.decisions).toEqual([
      { id: 'b', device: 0, deviceId: 'd0', start: 10, transfer: 0, exec: 5, finish: 15 },
      { id: 'c', device: 0, deviceId: 'd0', start: 15, transfer: 0, exec: 5, finish: 20 },
    ]);
    expect(r2.state.pending[0]).toEqual(r1.state.pending[0]);
    expect(r2.state.now).toBe(2);
  });

  it('submit scales execution times by the learnt ratio of each device', () => {
    const s0 = createOnlineState([{ id: 'slow', tier: 'edge' }, { id: 'fast', tier: 'edge' }]);
    const learnt: OnlineState = { ...s0, devices: [{ ...s0.devices[0]!, ratio: 3 }, s0.devices[1]!] };
    const { decisions, state } = submit(learnt, [{ id: 'a', execTime: [10, 25] }], 0, { strategy: 'mct' });
    // 10 · 3 = 30 > 25: the nominally faster device is avoided.
    expect(decisions[0]).toMatchObject({ device: 1, exec: 25 });
    const onSlow = submit(learnt, [{ id: 'a', execTime: [10, Infinity] }], 0).decisions[0]!;
    expect(onSlow).toMatchObject({ device: 0, exec: 30, finish: 30 });
    expect(state.pending[0]!.nominalExec).toBe(25);
  });
});

describe('submit: oracles', () => {
  it("submitting tasks one at a time with 'mct' equals offline MCT on the whole set (all released at 0)", () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 7, timing: false }), (p) => {
        let s = createOnlineState(p.devices.map((d) => ({ id: d.id, tier: d.tier })));
        const online: number[] = [];
        for (const t of onlineTasks(p)) {
          const r = submit(s, [t], 0, { strategy: 'mct' });
          s = r.state;
          online.push(r.decisions[0]!.device);
        }
        const offline = solve(p, { strategy: 'mct' });
        expect(online).toEqual(offline.assignment);
        expect(Math.max(0, ...s.devices.map((d) => d.busyUntil))).toBeCloseTo(offline.makespan, 9);
      }),
    );
  });
});

describe('submit: properties', () => {
  const strategies = ['seed', 'mct', 'min-min', 'sufferage'] as const;

  it('submit leaves a deeply frozen state untouched and its plan is consistent (start ≥ now and ≥ the device horizon, finish = start + transfer + exec)', () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 6, timing: false }), problemArb({ maxTasks: 6, timing: false }), fc.constantFrom(...strategies), fc.integer({ min: 0, max: 50 }), (p, q, strategy, later) => {
        fc.pre(p.devices.length === q.devices.length);
        const s1 = deepFreeze(submit(createOnlineState(p.devices.map((d) => ({ id: d.id, tier: d.tier }))), onlineTasks(p), 0, { strategy }).state);
        const before = JSON.stringify(s1);
        const batch = onlineTasks(q).map((t) => ({ ...t, id: `q-${t.id}` }));
        const { state, decisions } = submit(s1, deepFreeze(batch), later, { strategy });
        expect(JSON.stringify(s1)).toBe(before);
        expect(state.pending).toHaveLength(s1.pending.length + batch.length);
        for (const d of decisions) {
          expect(d.start).toBeGreaterThanOrEqual(later);
          expect(d.start).toBeGreaterThanOrEqual(s1.devices[d.device]!.busyUntil);
          expect(d.finish).toBeCloseTo(d.start + d.transfer + d.exec, 9);
          expect(state.devices[d.device]!.busyUntil).toBeGreaterThanOrEqual(d.finish);
        }
      }),
    );
  });

  it('submit on a JSON round trip of a state gives an equal state and identical decisions', () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 5, timing: false }), problemArb({ maxTasks: 5, timing: false }), fc.constantFrom(...strategies), (p, q, strategy) => {
        fc.pre(p.devices.length === q.devices.length);
        const s1 = submit(createOnlineState(p.devices), onlineTasks(p), 1, { strategy }).state;
        const copy = JSON.parse(JSON.stringify(s1)) as OnlineState;
        expect(copy).toEqual(s1);
        const batch = onlineTasks(q).map((t) => ({ ...t, id: `q-${t.id}` }));
        const a = submit(s1, batch, 3, { strategy });
        const b = submit(copy, batch, 3, { strategy });
        expect(b.decisions).toEqual(a.decisions);
        expect(JSON.parse(JSON.stringify(b.state))).toEqual(a.state);
      }),
    );
  });
});

describe('submit: edge cases', () => {
  const s0 = deepFreeze(createOnlineState([{ id: 'e', tier: 'edge' }, { id: 'c', tier: 'cloud', budget: 10 }]));

  it("submit(state, tasks, now, {objective: 'energy' | 'cost'}) is refused by the type checker (TimeObjective) and, cast past it, by InputTypeError naming options.objective", () => {
    const t: OnlineTask = { id: 'a', execTime: [1, 2] };
    for (const objective of ['energy', 'cost'] as const) {
      // @ts-expect-error energy and cost are not time objectives (npm run typecheck fails if this line compiles)
      expect(() => submit(s0, [t], 0, { objective })).toThrow(InputTypeError);
      expect(() => submit(s0, [t], 0, { objective } as never)).toThrow(/options\.objective/);
    }
    expect(submit(s0, [t], 0, { objective: 'flowtime' }).decisions).toHaveLength(1);
  });

  it('submit(state, [], now) only advances the clock and the idle devices', () => {
    const r = submit(s0, [], 4);
    expect(r.decisions).toEqual([]);
    expect(r.state.now).toBe(4);
    expect(r.state.devices.map((d) => d.busyUntil)).toEqual([4, 4]);
  });

  it('submit takes demands from the budget and records deadlines', () => {
    const r = submit(s0, [{ id: 'a', execTime: [Infinity, 1], demand: 4, deadline: 9 }], 0);
    expect(r.state.devices[1]!.budget).toBe(6);
    expect(r.state.pending[0]).toMatchObject({ demand: 4, deadline: 9 });
  });

  it('submit rejects a time before state.now, duplicate ids, ragged rows, unknown fields and strategies', () => {
    const s1 = submit(s0, [{ id: 'a', execTime: [1, 1] }], 5).state;
    expect(() => submit(s1, [], 4)).toThrow(new InputRangeError('submit', 'now', 'submit: now must be a time >= state.now (5), got 4'));
    expect(() => submit(s1, [{ id: 'a', execTime: [1, 1] }], 5)).toThrow('submit: tasks[0].id duplicates the id of a pending task ("a"): complete it first, or give this task another id');
    expect(() => submit(s1, [{ id: 'b', execTime: [1, 1] }, { id: 'c', execTime: [1, 1] }, { id: 'b', execTime: [2, 2] }], 5)).toThrow(
      'submit: tasks[2].id duplicates tasks[0].id ("b") in this batch: give each task its own id',
    );
    expect(() => submit(s0, [{ id: 'x', execTime: [1, 1] }, { id: 'x', execTime: [1, 1] }], 0)).toThrow(/tasks\[1\]\.id duplicates/);
    expect(() => submit(s0, [{ id: 'x', execTime: [1] }], 0)).toThrow('submit: tasks[0].execTime has length 1, expected 2 (one entry per device)');
    expect(() => submit(s0, [{ id: 'x', execTime: [1, NaN] }], 0)).toThrow('submit: tasks[0].execTime[1] must be a number >= 0 or Infinity, got NaN');
    expect(() => submit(s0, [{ id: 'x', execTime: [1, 1], release: 3 } as never], 0)).toThrow(InputTypeError);
    expect(() => submit(s0, [], 0, { strategy: 'best' as never })).toThrow(/submit: options\.strategy must be one of 'seed'/);
    expect(() => submit(s0, [], 0, { costModel: 'independent' } as never)).toThrow(/options\.costModel is not a known option/);
    expect(() => submit(s0, [{ id: 'x', execTime: [1, 1] }], 0, { seed: 1.5 })).toThrow('submit: options.seed must be an integer in [0, 4294967295], got 1.5');
    expect(() => submit(s0, [], 0, { objective: 'cost' as never })).toThrow(/submit: options\.objective must be one of/);
  });

  it('submit throws InfeasibleError for a task no device can run', () => {
    expect(() => submit(s0, [{ id: 'x', execTime: [Infinity, 2], transferTime: [0, Infinity] }], 0)).toThrow(InfeasibleError);
  });
});
