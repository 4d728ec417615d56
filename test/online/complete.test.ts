import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complete, createOnlineState, InputRangeError, InputTypeError, submit, type OnlineState } from '../../src/index.js';
import { deepFreeze } from '../arbitraries.js';

const one = (options?: { smoothing?: number }): OnlineState => createOnlineState([{ id: 'edge', tier: 'edge', budget: 10 }], options);

describe('complete: reference values', () => {
  it("complete(s, 'a', {exec: 20}) after a nominal 10 moves the ratio to 0.7 · 1 + 0.3 · 2 = 1.3", () => {
    const s = deepFreeze(submit(one(), [{ id: 'a', execTime: [10] }], 0).state);
    const after = complete(s, 'a', { exec: 20 });
    expect(after.devices[0]).toEqual({ id: 'edge', tier: 'edge', busyUntil: 20, budget: 10, ratio: 1.3, observations: 1 });
    expect(after.pending).toEqual([]);
    expect(after.now).toBe(20);
    expect(after.completed).toBe(1);
  });

  it('complete converges: a device that always runs 2× slower reaches ratio 2 within 0.01 after 13 completions (α = 0.3), not after 12', () => {
    let s = one();
    const ratios: number[] = [];
    for (let k = 0; k < 13; k++) {
      s = submit(s, [{ id: `t${k}`, execTime: [10] }], s.now).state;
      s = complete(s, `t${k}`, { exec: 20 });
      ratios.push(s.devices[0]!.ratio);
    }
    // r_k = 2 − (2 − 1) · 0.7^k.
    ratios.forEach((r, k) => expect(r).toBeCloseTo(2 - 0.7 ** (k + 1), 12));
    expect(Math.abs(ratios[12]! - 2)).toBeLessThan(0.01);
    expect(Math.abs(ratios[11]! - 2)).toBeGreaterThan(0.01);
    // The learnt ratio now doubles the plan of the next task.
    expect(submit(s, [{ id: 'next', execTime: [10] }], s.now).decisions[0]!.exec).toBe(10 * ratios[12]!);
  });

  it('complete re-times the tasks queued behind on the same device from the observed finish, with the new ratio', () => {
    let s = createOnlineState([{ id: 'd0', tier: 'edge' }, { id: 'd1', tier: 'edge' }], { smoothing: 0.5 });
    s = submit(s, [{ id: 'a', execTime: [10, Infinity] }, { id: 'b', execTime: [10, Infinity], transferTime: [1, 0] }, { id: 'c', execTime: [Infinity, 7] }], 0, { strategy: 'mct' }).state;
    expect(s.pending.map((p) => [p.id, p.start, p.finish])).toEqual([['a', 0, 10], ['c', 0, 7], ['b', 10, 21]]);
    const after = complete(s, 'a', { exec: 5 }); // ratio 1 → 0.75
    expect(after.pending.map((p) => [p.id, p.start, p.exec, p.finish])).toEqual([['c', 0, 7, 7], ['b', 5, 7.5, 13.5]]);
    expect(after.devices.map((d) => d.busyUntil)).toEqual([13.5, 7]);
  });

  it('complete gives the demand back to the device budget', () => {
    const s = submit(one(), [{ id: 'a', execTime: [1], demand: 4 }], 0).state;
    expect(s.devices[0]!.budget).toBe(6);
    expect(complete(s, 'a', { exec: 1 }).devices[0]!.budget).toBe(10);
  });
});

const clamp = (x: number): number => Math.min(1e6, Math.max(1e-6, x));

describe('complete: oracles', () => {
  it('complete applies the exponentially weighted average of observed/expected ratios, as a naive loop computes it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 500, noNaN: true })), { maxLength: 20 }), (alpha, runs) => {
        let s = one({ smoothing: alpha });
        let naive = 1;
        runs.forEach(([nominal, observed], k) => {
          s = submit(s, [{ id: `t${k}`, execTime: [nominal] }], s.now).state;
          s = complete(s, `t${k}`, { exec: observed });
          // The estimator's guard: observation and result clamped to [1e-6, 1e6].
          naive = clamp((1 - alpha) * naive + alpha * clamp(observed / nominal));
          expect(s.devices[0]!.ratio).toBeCloseTo(naive, 9);
        });
        expect(s.devices[0]!.observations).toBe(runs.length);
      }),
    );
  });
});

describe('complete: properties', () => {
  it('complete leaves a deeply frozen state untouched, and a JSON round trip of its result is equal and plans the same', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 6 }), fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 6, maxLength: 6 }), (execs, observed) => {
        const tasks = execs.map((e, i) => ({ id: `t${i}`, execTime: [e, e * 2 + 1] }));
        const s = deepFreeze(submit(createOnlineState([{ id: 'a', tier: 'edge' }, { id: 'b', tier: 'cloud' }]), tasks, 0).state);
        const before = JSON.stringify(s);
        let cur: OnlineState = s;
        // Complete in run order per device (the pending order).
        for (const [k, p] of s.pending.entries()) cur = complete(deepFreeze(cur), p.id, { exec: observed[k]! });
        expect(JSON.stringify(s)).toBe(before);
        expect(cur.pending).toEqual([]);
        const copy = JSON.parse(JSON.stringify(cur)) as OnlineState;
        expect(copy).toEqual(cur);
        const next = [{ id: 'n', execTime: [3, 4] }];
        expect(submit(copy, next, cur.now).decisions).toEqual(submit(cur, next, cur.now).decisions);
      }),
    );
  });
});

describe('complete: edge cases', () => {
  const s = deepFreeze(submit(one(), [{ id: 'a', execTime: [0] }, { id: 'b', execTime: [4] }], 0).state);

  it('complete of a task with nominal time 0 leaves the ratio as it was', () => {
    const after = complete(s, 'a', { exec: 3 });
    expect(after.devices[0]!.ratio).toBe(1);
    expect(after.devices[0]!.observations).toBe(0);
  });

  it('complete with smoothing 0 never learns', () => {
    const s0 = submit(one({ smoothing: 0 }), [{ id: 'a', execTime: [5] }], 0).state;
    expect(complete(s0, 'a', { exec: 50 }).devices[0]!.ratio).toBe(1);
  });

  it('complete takes an explicit finish and transfer', () => {
    const after = complete(s, 'a', { exec: 0, transfer: 0, finish: 2 });
    expect(after.now).toBe(2);
    expect(after.pending[0]).toMatchObject({ id: 'b', start: 2, finish: 6 });
  });

  it('complete rejects an unknown id, a finish before the planned start, NaN and unknown fields', () => {
    expect(() => complete(s, 'zz', { exec: 1 })).toThrow(new InputRangeError('complete', 'taskId', 'complete: taskId ("zz") is not a pending task: it was never submitted (or submit listed it in unplaced), or it was already reported complete (a task is completed once); the pending tasks are "a", "b"'));
    const later = submit(one(), [{ id: 'a', execTime: [1] }], 5).state;
    expect(() => complete(later, 'a', { exec: 1, finish: 4 })).toThrow('complete: observed.finish must be >= start + transfer + exec = 5 + 0 + 1 = 6, got 4: task "a" cannot have started before 5 (it was submitted at 5); omit observed.finish (it then defaults to that sum), or report the transfer and exec actually observed');
    expect(() => complete(s, 'a', { exec: NaN })).toThrow('complete: observed.exec must be a finite number, got NaN');
    expect(() => complete(s, 'a', { exec: 1, start: 0 } as never)).toThrow(/complete: observed\.start is not a known field/);
    expect(() => complete(s, 'a', undefined as never)).toThrow(InputTypeError);
    expect(() => complete({} as never, 'a', { exec: 1 })).toThrow('complete: state.devices must be an array, got undefined');
  });

  it('complete(state, id, {exec: 1.38e308}) throws instead of re-timing the queue to Infinity (found by the fuzz suite)', () => {
    // The observed ratio is clamped to 1e6, so the queued task's plan only overflows when its own time is huge.
    const s0 = createOnlineState([{ id: 'd0', tier: 'edge' }]);
    const s1 = submit(s0, [{ id: 't0', execTime: [1] }, { id: 't1', execTime: [1e303] }], 0, { strategy: 'seed' }).state;
    expect(() => complete(s1, 't0', { exec: 1.3828408729710123e308 })).toThrow(InputRangeError);
    expect(() => complete(s1, 't0', { exec: 1.3828408729710123e308 })).toThrow(/complete: observed\.exec re-times pending task "t1" beyond the range of a double/);
  });
});

describe('complete: misspelt observation fields', () => {
  it("complete(s, 'a', {execTime: 1}) rejects the unknown field with a did-you-mean for 'exec'", () => {
    const s = deepFreeze(submit(createOnlineState([{ id: 'e', tier: 'edge' }]), [{ id: 'a', execTime: [2] }], 0).state);
    expect(() => complete(s, 'a', { execTime: 1 } as never)).toThrow(new InputTypeError('complete', 'observed.execTime', "complete: observed.execTime is not a known field (known: exec, transfer, finish); did you mean 'exec'?"));
  });
});
