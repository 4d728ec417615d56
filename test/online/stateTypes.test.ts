// Item 3 of issue 11: the online estimator guards its ratio, and a state
// handed back by a caller is checked where later calls rely on it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complete, createOnlineState, InputRangeError, InputTypeError, submit, type OnlineState } from '../../src/index.js';
import { checkState, clampRatio, RATIO_CEILING, RATIO_FLOOR } from '../../src/online/stateTypes.js';
import { deepFreeze } from '../arbitraries.js';

describe('estimator guard: reference values (issue 11, item 3)', () => {
  it("complete(exec: 0) with smoothing 1 floors the ratio at 1e-6, and the next submit with an Infinity exec time goes to the device that can run it", () => {
    let s = createOnlineState([{ id: 'a', tier: 'edge' }, { id: 'b', tier: 'edge' }], { smoothing: 1 });
    s = submit(s, [{ id: 't', execTime: [10, 20] }], 0).state;
    s = complete(s, 't', { exec: 0 });
    expect(s.devices[0]!.ratio).toBeCloseTo(RATIO_FLOOR, 15); // 1 + 1 · (1e-6 − 1), within rounding of the floor
    expect(s.devices[0]!.ratio).toBeGreaterThanOrEqual(RATIO_FLOOR);
    // Before the guard: Infinity × 0 = NaN, and solve complained about execTime[0][0] = NaN.
    const r = submit(s, [{ id: 'u', execTime: [Infinity, 5] }], s.now);
    expect(r.decisions).toEqual([{ id: 'u', device: 1, deviceId: 'b', start: 0, transfer: 0, exec: 5, finish: 5 }]);
    // An allowed time stays allowed: 10 × 1e-6 on device a.
    expect(submit(s, [{ id: 'v', execTime: [10, 20] }], s.now).decisions[0]).toMatchObject({ device: 0, exec: 10 * s.devices[0]!.ratio });
  });

  it('complete(huge observed time over a tiny nominal one) caps the ratio at 1e6 instead of Infinity', () => {
    let s = createOnlineState([{ id: 'a', tier: 'edge' }], { smoothing: 1 });
    s = submit(s, [{ id: 't', execTime: [1e-300] }], 0).state;
    s = complete(s, 't', { exec: 1e300 });
    expect(s.devices[0]!.ratio).toBe(RATIO_CEILING);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe('estimator guard: properties', () => {
  const observed = fc.oneof(fc.constant(0), fc.constant(5e-324), fc.constant(1e-300), fc.constant(1e300), fc.constant(1.7e308), fc.double({ min: 0, max: 1e6, noNaN: true }));
  const nominal = fc.oneof(fc.constant(0), fc.constant(1e-300), fc.constant(1e-9), fc.integer({ min: 1, max: 1000 }), fc.constant(1e200));
  it('complete(observed 0, tiny or huge) keeps every ratio in [1e-6, 1e6], the state JSON-safe, and a later submit with Infinity entries on the device that can run the task', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.tuple(nominal, observed, fc.nat(1)), { minLength: 1, maxLength: 8 }), (alpha, runs) => {
        let s: OnlineState = createOnlineState([{ id: 'a', tier: 'edge' }, { id: 'b', tier: 'cloud' }], { smoothing: alpha });
        // Any refusal must be the library's overflow error (times beyond the range of a double), never NaN or a raw error.
        const refused = (e: unknown): void => {
          expect(e).toBeInstanceOf(InputRangeError);
          expect((e as Error).message).toMatch(/overflow|range of a double/);
        };
        for (const [k, [nom, obs, j]] of runs.entries()) {
          const row = j === 0 ? [nom, Infinity] : [Infinity, nom];
          try {
            s = submit(s, [{ id: `t${k}`, execTime: row }], s.now).state;
            s = complete(s, `t${k}`, { exec: obs });
          } catch (e) {
            refused(e);
            return;
          }
          for (const d of s.devices) expect(d.ratio >= RATIO_FLOOR && d.ratio <= RATIO_CEILING).toBe(true);
          expect(JSON.parse(JSON.stringify(deepFreeze(s)))).toEqual(s);
          for (const dev of [0, 1]) {
            try {
              const r = submit(s, [{ id: `probe${k}`, execTime: dev === 0 ? [1, Infinity] : [Infinity, 1] }], s.now);
              expect(r.decisions[0]!.device).toBe(dev);
              expect(Number.isFinite(r.decisions[0]!.exec)).toBe(true);
            } catch (e) {
              refused(e);
            }
          }
        }
      }),
    );
  });

  it('clampRatio(x) is x inside [1e-6, 1e6] and the nearer end outside', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, min: 0 }), (x) => {
      const c = clampRatio(x);
      expect(c).toBe(x < RATIO_FLOOR ? RATIO_FLOOR : x > RATIO_CEILING ? RATIO_CEILING : x);
    }));
  });
});

describe('checkState: edge cases', () => {
  const s0 = createOnlineState([{ id: 'a', tier: 'edge', budget: 5 }]);
  it('checkState rejects a restored state whose device ratio is 0, NaN (null in JSON) or above 1e6, naming the field', () => {
    expect(() => checkState('submit', { ...s0, devices: [{ ...s0.devices[0]!, ratio: 0 }] })).toThrow('submit: state.devices[0].ratio must be a number in [0.000001, 1000000], got 0');
    expect(() => checkState('submit', { ...s0, devices: [{ ...s0.devices[0]!, ratio: null }] })).toThrow(InputTypeError);
    expect(() => checkState('complete', { ...s0, devices: [{ ...s0.devices[0]!, ratio: 2e6 }] })).toThrow(InputRangeError);
  });

  it('checkState rejects an empty device id, a negative budget and smoothing above 1', () => {
    expect(() => checkState('submit', { ...s0, devices: [{ ...s0.devices[0]!, id: '' }] })).toThrow('submit: state.devices[0].id must be a non-empty string, got ""');
    expect(() => checkState('submit', { ...s0, devices: [{ ...s0.devices[0]!, budget: -5 }] })).toThrow('submit: state.devices[0].budget must be a finite number >= 0, got -5');
    expect(() => checkState('submit', { ...s0, smoothing: 2 })).toThrow('submit: state.smoothing must be a number in [0, 1], got 2');
    expect(() => checkState('submit', s0)).not.toThrow();
  });
});
