import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complete, createOnlineState, InputRangeError, submit, type OnlineState } from '../../src/index.js';
import { deepFreeze } from '../arbitraries.js';

// complete accepts only the reports a device running one task at a time, in
// the planned order (state.pending per device), can produce.

/** One device, tasks a (10) then b (5) queued on it at time 0. */
const queued = (): OnlineState => deepFreeze(submit(createOnlineState([{ id: 'edge', tier: 'edge' }]), [{ id: 'a', execTime: [10] }, { id: 'b', execTime: [5] }], 0, { strategy: 'seed' }).state);

/** What complete throws, or undefined. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('complete: impossible reports (edge cases)', () => {
  it("complete(s, 'b') while a, queued before b on the same device, is pending is rejected naming taskId and the fix", () => {
    const s = queued();
    expect(s.pending.map((p) => p.id)).toEqual(['a', 'b']);
    expect(() => complete(s, 'b', { exec: 5 })).toThrow(new InputRangeError('complete', 'taskId', 'complete: taskId ("b", pending[1]) is queued behind task "a" (pending[0]) on device 0 ("edge"), which runs one task at a time in order, so it cannot have finished first: complete task "a" first'));
  });

  it('complete of the third task on a device counts the other tasks before it', () => {
    const s = submit(createOnlineState([{ id: 'e', tier: 'edge' }]), [{ id: 'x', execTime: [1] }, { id: 'y', execTime: [1] }, { id: 'z', execTime: [1] }], 0, { strategy: 'seed' }).state;
    expect(() => complete(s, 'z', { exec: 1 })).toThrow(/taskId \("z", pending\[2\]\) is queued behind task "x" \(pending\[0\]\) \(and 1 more task after it\) on device 0/);
  });

  it("complete(s, 'a') twice: the second report is rejected (already completed), and a never-submitted id, naming the pending tasks", () => {
    const s1 = complete(queued(), 'a', { exec: 10 });
    expect(() => complete(s1, 'a', { exec: 10 })).toThrow(new InputRangeError('complete', 'taskId', 'complete: taskId ("a") is not a pending task: it was never submitted (or submit listed it in unplaced), or it was already reported complete (a task is completed once); the pending tasks are "b"'));
    expect(() => complete(s1, 'zz', { exec: 1 })).toThrow(/^complete: taskId \("zz"\) is not a pending task: .*; the pending tasks are "b"$/);
    const s2 = complete(s1, 'b', { exec: 5 });
    expect(() => complete(s2, 'b', { exec: 5 })).toThrow(/is not a pending task: .*; no task is pending$/);
  });

  it('complete(b, finish leaving too little time after a) is rejected: b cannot start before a finished', () => {
    // a finishes late, at 12: b is re-timed to start at 12; a report that b took 5 and finished at 14 means it started at 9.
    const s = complete(queued(), 'a', { exec: 10, finish: 12 });
    expect(s.pending[0]).toMatchObject({ id: 'b', start: 12 });
    const e = thrown(() => complete(s, 'b', { exec: 5, finish: 14 }));
    expect(e).toBeInstanceOf(InputRangeError);
    expect(e).toMatchObject({ field: 'observed.finish', message: 'complete: observed.finish must be >= start + transfer + exec = 12 + 0 + 5 = 17, got 14: task "b" cannot have started before 12 (device 0 ("edge") runs one task at a time and was busy until then (the previous task\'s reported finish, or the device\'s ready time)); omit observed.finish (it then defaults to that sum), or report the transfer and exec actually observed' });
  });

  it('complete(task submitted at 5, {exec: 1, finish: 5.5}) is rejected: it started at 4.5, before it was submitted', () => {
    const s = submit(createOnlineState([{ id: 'e', tier: 'edge' }]), [{ id: 't', execTime: [1], transferTime: [0] }], 5).state;
    expect(() => complete(s, 't', { exec: 1, finish: 5.5 })).toThrow(/observed\.finish must be >= start \+ transfer \+ exec = 5 \+ 0 \+ 1 = 6, got 5\.5: task "t" cannot have started before 5 \(it was submitted at 5\)/);
  });

  it('complete(a device with ready time 3, a task at 0, finish 2) is rejected: the device was busy until 3', () => {
    const s = submit(createOnlineState([{ id: 'e', tier: 'edge', ready: 3 }]), [{ id: 't', execTime: [1] }], 0).state;
    expect(() => complete(s, 't', { exec: 1, finish: 2 })).toThrow(/= 3 \+ 0 \+ 1 = 4, got 2: .*device 0 \("e"\) runs one task at a time/);
    expect(complete(s, 't', { exec: 1, finish: 4 }).now).toBe(4);
  });
});

describe('complete: possible reports that differ from the estimates (edge cases)', () => {
  it('complete accepts a task taking 3× or 0× its estimate, and a device that idled before starting it (finish later than start + transfer + exec)', () => {
    const s = complete(queued(), 'a', { exec: 30 });
    expect(s.pending[0]).toMatchObject({ id: 'b', start: 30 });
    expect(complete(s, 'b', { exec: 0 }).devices[0]!.busyUntil).toBe(30);
    expect(complete(s, 'b', { exec: 1, finish: 100 }).now).toBe(100);
  });

  it('complete on two devices in any order: the queues are independent', () => {
    const s = deepFreeze(submit(createOnlineState([{ id: 'd0', tier: 'edge' }, { id: 'd1', tier: 'edge' }]), [{ id: 'a', execTime: [10, Infinity] }, { id: 'c', execTime: [Infinity, 7] }], 0).state);
    const ac = complete(complete(s, 'a', { exec: 10 }), 'c', { exec: 7 });
    const ca = complete(complete(s, 'c', { exec: 7 }), 'a', { exec: 10 });
    expect(ca).toEqual(ac);
  });

  it('complete accepts a finish computed as start + (transfer + exec), one rounding away from start + transfer + exec', () => {
    const s = submit(createOnlineState([{ id: 'e', tier: 'edge' }], { now: 0.1 }), [{ id: 't', execTime: [0.3], transferTime: [0.2] }], 0.1).state;
    expect(0.1 + 0.2 + 0.3).not.toBe(0.1 + (0.2 + 0.3));
    expect(0.1 + (0.2 + 0.3)).toBeLessThan(0.1 + 0.2 + 0.3);
    expect(complete(s, 't', { exec: 0.3, finish: 0.1 + (0.2 + 0.3) }).now).toBe(0.1 + (0.2 + 0.3));
  });
});

// ---------------------------------------------------------------- properties

type Step =
  | { readonly kind: 'submit'; readonly dt: number; readonly tasks: readonly { readonly exec: readonly number[]; readonly transfer: readonly number[] }[]; readonly strategy: 'mct' | 'min-min' | 'seed' | 'sufferage' }
  | { readonly kind: 'complete'; readonly pick: number; readonly execFactor: number; readonly transferFactor: number; readonly delay: number; readonly explicit: boolean };

const time = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 20, noNaN: true }));
const stepArb = (m: number): fc.Arbitrary<Step> => fc.oneof(
  fc.record({
    kind: fc.constant('submit' as const),
    dt: fc.oneof(fc.constant(0), time),
    tasks: fc.array(fc.record({ exec: fc.array(time, { minLength: m, maxLength: m }), transfer: fc.array(time, { minLength: m, maxLength: m }) }), { maxLength: 3 }),
    strategy: fc.constantFrom('mct' as const, 'min-min' as const, 'seed' as const, 'sufferage' as const),
  }),
  fc.record({
    kind: fc.constant('complete' as const),
    pick: fc.nat(),
    execFactor: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 4, noNaN: true })),
    transferFactor: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 2, noNaN: true })),
    delay: fc.oneof(fc.constant(0), time),
    explicit: fc.boolean(),
  }),
);
const runArb = fc.integer({ min: 1, max: 3 }).chain((m) => fc.tuple(fc.constant(m), fc.array(stepArb(m), { maxLength: 25 })));

/** The first pending task of each device that has one. */
const heads = (s: OnlineState): OnlineState['pending'][number][] => s.devices.flatMap((_, j) => s.pending.filter((p) => p.device === j).slice(0, 1));

/** Drives a run of valid reports (every one asserted accepted); returns the states and the ids completed. */
function drive(m: number, steps: readonly Step[]): { states: OnlineState[]; done: string[] } {
  let s = deepFreeze(createOnlineState(Array.from({ length: m }, (_, j) => ({ id: `d${j}`, tier: 'edge' as const }))));
  const states = [s];
  const done: string[] = [];
  let next = 0;
  for (const step of steps) {
    if (step.kind === 'submit') {
      s = submit(s, step.tasks.map((t) => ({ id: `t${next++}`, execTime: t.exec, transferTime: t.transfer })), s.now + step.dt, { strategy: step.strategy }).state;
    } else {
      const hs = heads(s);
      if (hs.length === 0) continue;
      const h = hs[step.pick % hs.length]!;
      const exec = h.exec * step.execFactor;
      const transfer = h.transfer * step.transferFactor;
      const finish = h.start + transfer + exec + step.delay;
      const before = JSON.stringify(s);
      const after = complete(s, h.id, step.explicit ? { exec, transfer, finish } : { exec, transfer });
      expect(JSON.stringify(s)).toBe(before);
      expect(after.pending).toHaveLength(s.pending.length - 1);
      expect(after.completed).toBe(s.completed + 1);
      const f = step.explicit ? finish : h.start + transfer + exec;
      // The task behind it on the device is re-timed to start no earlier than this finish.
      for (const p of after.pending) if (p.device === h.device) expect(p.start).toBeGreaterThanOrEqual(f);
      done.push(h.id);
      s = after;
    }
    s = deepFreeze(s);
    states.push(s);
  }
  return { states, done };
}

describe('complete: properties', () => {
  it('complete accepts every report of a device running its queue in order: any exec and transfer, any delay before the start, devices in any order', () => {
    fc.assert(fc.property(runArb, ([m, steps]) => {
      drive(m, steps);
    }));
  });

  it('complete rejects every impossible report with an InputRangeError naming the field (taskId or observed.finish) and leaves the state as it was', () => {
    const kind = fc.constantFrom('behind' as const, 'done' as const, 'unknown' as const, 'early' as const);
    fc.assert(fc.property(runArb, kind, fc.nat(), fc.double({ min: 0, max: 0.999, noNaN: true }), ([m, steps], k, pick, u) => {
      const { states, done } = drive(m, steps);
      const s = states[states.length - 1]!;
      const before = JSON.stringify(s);
      let report: () => unknown;
      let field: string;
      let text: RegExp;
      if (k === 'behind') {
        const headIds = new Set(heads(s).map((p) => p.id));
        const behind = s.pending.filter((p) => !headIds.has(p.id));
        fc.pre(behind.length > 0);
        const b = behind[pick % behind.length]!;
        const first = s.pending.find((p) => p.device === b.device)!;
        report = () => complete(s, b.id, { exec: b.exec });
        field = 'taskId';
        text = new RegExp(`complete task "${first.id}" first$`);
      } else if (k === 'done' || k === 'unknown') {
        fc.pre(k === 'unknown' || done.length > 0);
        const id = k === 'done' ? done[pick % done.length]! : `never-${pick}`;
        report = () => complete(s, id, { exec: 1 });
        field = 'taskId';
        text = /is not a pending task: it was never submitted .* or it was already reported complete/;
      } else {
        const hs = heads(s);
        fc.pre(hs.length > 0);
        const h = hs[pick % hs.length]!;
        const sum = h.start + h.transfer + h.exec;
        fc.pre(sum > 0);
        report = () => complete(s, h.id, { exec: h.exec, finish: sum * u });
        field = 'observed.finish';
        text = /cannot have started before/;
      }
      const e = thrown(report);
      expect(e).toBeInstanceOf(InputRangeError);
      expect(e).toMatchObject({ fn: 'complete', field });
      expect((e as Error).message).toMatch(text);
      expect(JSON.stringify(s)).toBe(before);
    }));
  });
});
