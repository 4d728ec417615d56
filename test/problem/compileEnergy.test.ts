import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError, compileProblem, parseProblemJson, type DeviceSpec, type Problem } from '../../src/index.js';
import { deepFreeze, problemArb } from '../arbitraries.js';

const base = (devices: Partial<DeviceSpec>[] = [{}, {}], source?: unknown): Problem => ({
  tasks: [{ id: 'a' }, { id: 'b', ...(source !== undefined ? { source: source as string } : {}) }],
  devices: devices.map((d, j) => ({ id: ['phone', 'cloud'][j]!, tier: j === 0 ? 'edge' : 'cloud', ...d }) as DeviceSpec),
  execTime: [[1, 2], [3, 4]],
});

function thrown(f: () => unknown): Error & { field?: string } {
  try {
    f();
  } catch (e) {
    return e as Error & { field?: string };
  }
  throw new Error('expected a throw');
}

describe('compileProblem energy fields: reference values', () => {
  it('compileProblem compiles power, price and source to per-device and per-task arrays', () => {
    const p = deepFreeze(base([{ power: { busy: 4, transfer: 2, idle: 0.5 } }, { power: { busy: 16 }, price: { perSecond: 0.25, granularity: 4, minimum: 8 } }], 'phone'));
    const cp = compileProblem(p);
    expect(cp.powerBusy).toEqual(Float64Array.of(4, 16));
    expect(cp.powerTransfer).toEqual(Float64Array.of(2, 0));
    expect(cp.powerIdle).toEqual(Float64Array.of(0.5, 0));
    expect(cp.pricePerSecond).toEqual(Float64Array.of(0, 0.25));
    expect(cp.priceGranularity).toEqual(Float64Array.of(1, 4));
    expect(cp.priceMinimum).toEqual(Float64Array.of(0, 8));
    expect(cp.source).toEqual(Int32Array.of(-1, 0));
  });

  it('compileProblem without the fields gives zero power, zero price, granularity 1 and source -1', () => {
    const cp = compileProblem(base());
    expect(Array.from(cp.powerBusy)).toEqual([0, 0]);
    expect(Array.from(cp.powerTransfer)).toEqual([0, 0]);
    expect(Array.from(cp.powerIdle)).toEqual([0, 0]);
    expect(Array.from(cp.pricePerSecond)).toEqual([0, 0]);
    expect(Array.from(cp.priceGranularity)).toEqual([1, 1]);
    expect(Array.from(cp.priceMinimum)).toEqual([0, 0]);
    expect(Array.from(cp.source)).toEqual([-1, -1]);
  });
});

describe('compileProblem energy fields: properties', () => {
  it('compileProblem leaves every time array unchanged when power and price are added', () => {
    fc.assert(
      fc.property(problemArb({ minDevices: 1 }), fc.double({ min: 0, max: 1e3, noNaN: true }), (p, w) => {
        const q: Problem = { ...p, devices: p.devices.map((d) => ({ ...d, power: { busy: w, idle: w }, price: { perSecond: w } })) };
        const a = compileProblem(p);
        const b = compileProblem(deepFreeze(q));
        expect(b.exec).toEqual(a.exec);
        expect(b.transfer).toEqual(a.transfer);
        expect(Array.from(b.powerBusy)).toEqual(p.devices.map(() => w));
      }),
    );
  });
});

describe('compileProblem energy fields: edge cases', () => {
  const bad: readonly [string, () => unknown, typeof InputTypeError | typeof InputRangeError, string][] = [
    ['NaN busy watts', () => compileProblem(base([{}, { power: { busy: NaN } }])), InputRangeError, 'compileProblem: problem.devices[1].power.busy must be a finite number >= 0, got NaN'],
    ['negative idle watts', () => compileProblem(base([{ power: { idle: -1 } }, {}])), InputRangeError, 'compileProblem: problem.devices[0].power.idle must be a finite number >= 0, got -1'],
    ['infinite transfer watts', () => compileProblem(base([{ power: { transfer: Infinity } }, {}])), InputRangeError, 'compileProblem: problem.devices[0].power.transfer must be a finite number >= 0, got Infinity'],
    ['string watts', () => compileProblem(base([{ power: { busy: '3' as never } }, {}])), InputTypeError, 'compileProblem: problem.devices[0].power.busy must be a finite number >= 0, got "3"'],
    ['a power that is not an object', () => compileProblem(base([{ power: 5 as never }, {}])), InputTypeError, 'compileProblem: problem.devices[0].power must be an object {busy?, transfer?, idle?} (watts), got 5'],
    ['an unknown power key', () => compileProblem(base([{ power: { peak: 3 } as never }, {}])), InputTypeError, 'compileProblem: problem.devices[0].power.peak is not a known field (known: busy, transfer, idle)'],
    ['a price without perSecond', () => compileProblem(base([{}, { price: {} as never }])), InputTypeError, 'compileProblem: problem.devices[1].price.perSecond is missing: a price needs perSecond, the money per billed second (e.g. {perSecond: 0.17 / 3600} for 0.17 an hour)'],
    ['a negative price', () => compileProblem(base([{}, { price: { perSecond: -0.5 } }])), InputRangeError, 'compileProblem: problem.devices[1].price.perSecond must be a finite number >= 0, got -0.5'],
    ['a zero granularity', () => compileProblem(base([{}, { price: { perSecond: 1, granularity: 0 } }])), InputRangeError, 'compileProblem: problem.devices[1].price.granularity must be a finite number > 0 (seconds), got 0'],
    ['a negative granularity', () => compileProblem(base([{}, { price: { perSecond: 1, granularity: -3600 } }])), InputRangeError, 'compileProblem: problem.devices[1].price.granularity must be a finite number > 0 (seconds), got -3600'],
    ['an infinite granularity', () => compileProblem(base([{}, { price: { perSecond: 1, granularity: Infinity } }])), InputRangeError, 'compileProblem: problem.devices[1].price.granularity must be a finite number > 0 (seconds), got Infinity'],
    ['a NaN minimum', () => compileProblem(base([{}, { price: { perSecond: 1, minimum: NaN } }])), InputRangeError, 'compileProblem: problem.devices[1].price.minimum must be a finite number >= 0, got NaN'],
    ['an unknown price key', () => compileProblem(base([{}, { price: { perSecond: 1, perHour: 2 } as never }])), InputTypeError, 'compileProblem: problem.devices[1].price.perHour is not a known field (known: perSecond, granularity, minimum)'],
    ['a price that is not an object', () => compileProblem(base([{}, { price: [1] as never }])), InputTypeError, 'compileProblem: problem.devices[1].price must be an object {perSecond, granularity?, minimum?}, got an array of length 1'],
    ['an unknown source id', () => compileProblem(base([{}, {}], 'tablet')), InputRangeError, 'compileProblem: problem.tasks[1].source must be the id of one of problem.devices, got "tablet"'],
    ['a non-string source', () => compileProblem(base([{}, {}], 0)), InputTypeError, 'compileProblem: problem.tasks[1].source must be a device id (string), got 0'],
    ['an unknown device key', () => compileProblem(base([{ watts: 3 } as never, {}])), InputTypeError, 'compileProblem: problem.devices[0].watts is not a known field (known: id, tier, ready, budget, power, price)'],
  ];
  for (const [what, call, cls, message] of bad) {
    it(`compileProblem rejects ${what} with ${cls.name} naming the field`, () => {
      const e = thrown(call);
      expect(e).toBeInstanceOf(cls);
      expect(e.message).toBe(message);
    });
  }

  it('parseProblemJson reports every bad energy field at once', () => {
    const text = JSON.stringify({ ...base([{ power: { busy: -1 } }, { price: { perSecond: 1, granularity: 0 } }], 'nowhere') });
    const e = thrown(() => parseProblemJson(text));
    expect(e).toBeInstanceOf(InputRangeError);
    expect(e.message).toBe(
      'parseProblemJson: problem has 3 errors:\n' +
        '  problem.devices[0].power.busy must be a finite number >= 0, got -1\n' +
        '  problem.devices[1].price.granularity must be a finite number > 0 (seconds), got 0\n' +
        '  problem.tasks[1].source must be the id of one of problem.devices, got "nowhere"',
    );
  });

  it('compileProblem accepts zero watts, a zero price and a source that is the device the task runs on', () => {
    const cp = compileProblem(base([{ power: { busy: 0, transfer: 0, idle: 0 }, price: { perSecond: 0, minimum: 0 } }, {}], 'cloud'));
    expect(cp.source[1]).toBe(1);
    expect(cp.pricePerSecond[0]).toBe(0);
  });
});
