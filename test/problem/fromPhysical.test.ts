import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError, compileProblem, evaluate, problemFromPhysical, type PhysicalDevice, type PhysicalTask } from '../../src/index.js';
import { deepFreeze } from '../arbitraries.js';

const pos = fc.double({ min: 1e-3, max: 1e4, noNaN: true });
const nonneg = fc.double({ min: 0, max: 1e4, noNaN: true });
const taskArb = fc.record({ work: nonneg, dataSize: nonneg });
const deviceArb = fc.record({
  tier: fc.constantFrom('edge' as const, 'cloud' as const),
  speed: pos,
  bandwidth: fc.oneof(pos, fc.constant(Infinity)),
  latency: nonneg,
  pack: nonneg,
  unpack: nonneg,
});

describe('problemFromPhysical: reference values', () => {
  it('problemFromPhysical gives the TSDoc example: exec 2 and 0.5 s, transfer 0 and 2.25 s', () => {
    const p = problemFromPhysical(
      [{ work: 2000, dataSize: 80 }],
      [
        { tier: 'edge', speed: 1000 },
        { tier: 'cloud', speed: 4000, bandwidth: 40, latency: 0.05, pack: 0.1, unpack: 0.1 },
      ],
    );
    expect(p.execTime).toEqual([[2, 0.5]]);
    expect(p.transferTime).toEqual([[0, 2.25]]);
    expect(p.tasks).toEqual([{ id: 't0' }]);
    expect(p.devices).toEqual([{ id: 'd0', tier: 'edge' }, { id: 'd1', tier: 'cloud' }]);
  });
});

describe('problemFromPhysical: properties', () => {
  it('problemFromPhysical: doubling a device speed halves its exec times; transfer grows linearly with data size', () => {
    fc.assert(
      fc.property(fc.array(taskArb, { maxLength: 5 }), fc.array(deviceArb, { minLength: 1, maxLength: 4 }), (tasks, devices) => {
        deepFreeze([tasks, devices]);
        const a = problemFromPhysical(tasks, devices);
        const b = problemFromPhysical(tasks, devices.map((d) => ({ ...d, speed: d.speed * 2 })));
        a.execTime.forEach((row, i) => row.forEach((e, j) => expect(b.execTime[i]![j]).toBeCloseTo(e / 2, 9)));
        const c = problemFromPhysical(tasks.map((t) => ({ ...t, dataSize: t.dataSize * 2 })), devices);
        a.transferTime!.forEach((row, i) =>
          row.forEach((x, j) => {
            const fixed = (devices[j]!.pack ?? 0) + (devices[j]!.latency ?? 0) + (devices[j]!.unpack ?? 0);
            expect(c.transferTime![i]![j]! - fixed).toBeCloseTo(2 * (x - fixed), 6);
          }),
        );
        expect(compileProblem(a).n).toBe(tasks.length);
      }),
    );
  });
});

describe('problemFromPhysical: oracles', () => {
  it('problemFromPhysical equals the formulas exec = work/speed, transfer = pack + latency + size/bandwidth + unpack', () => {
    fc.assert(
      fc.property(fc.array(taskArb, { maxLength: 5 }), fc.array(deviceArb, { minLength: 1, maxLength: 4 }), (tasks, devices) => {
        const p = problemFromPhysical(tasks, devices);
        tasks.forEach((t, i) =>
          devices.forEach((d, j) => {
            expect(p.execTime[i]![j]).toBe(t.work / d.speed);
            expect(p.transferTime![i]![j]).toBeCloseTo(d.pack + d.latency + t.dataSize / d.bandwidth + d.unpack, 9);
          }),
        );
      }),
    );
  });
});

describe('problemFromPhysical: edge cases', () => {
  const dev: PhysicalDevice = { tier: 'edge', speed: 1, bandwidth: 1 };
  const task: PhysicalTask = { work: 1, dataSize: 1 };

  it('problemFromPhysical copies ids and optional fields', () => {
    const p = problemFromPhysical(
      [{ id: 'job', work: 0, dataSize: 0, priority: 2, release: 1, deadline: Infinity, demand: 3, criteria: { importance: 1, urgency: 2, satisfaction: 3 } }],
      [{ id: 'pi', tier: 'edge', speed: 1, bandwidth: 1, ready: 4, budget: Infinity }],
    );
    expect(p.tasks).toEqual([{ id: 'job', priority: 2, demand: 3, release: 1, deadline: Infinity, criteria: { importance: 1, urgency: 2, satisfaction: 3 } }]);
    expect(p.devices).toEqual([{ id: 'pi', tier: 'edge', ready: 4, budget: Infinity }]);
    expect(p.execTime).toEqual([[0]]);
  });

  it('problemFromPhysical rejects zero speed or bandwidth, NaN, negatives, bad tiers and overflow, naming the field', () => {
    expect(() => problemFromPhysical([task], [{ ...dev, speed: 0 }])).toThrow('problemFromPhysical: devices[0].speed must be a finite number > 0, got 0');
    expect(() => problemFromPhysical([task], [{ ...dev, bandwidth: 0 }])).toThrow('problemFromPhysical: devices[0].bandwidth must be a number > 0 or Infinity, got 0');
    expect(() => problemFromPhysical([task], [{ ...dev, bandwidth: NaN }])).toThrow(InputRangeError);
    expect(() => problemFromPhysical([{ ...task, work: -1 }], [dev])).toThrow('problemFromPhysical: tasks[0].work must be a finite number >= 0, got -1');
    expect(() => problemFromPhysical([{ work: 1 } as never], [dev])).toThrow(InputTypeError);
    expect(() => problemFromPhysical([task], [{ ...dev, tier: 'sky' as never }])).toThrow(InputTypeError);
    expect(() => problemFromPhysical([task], [{ ...dev, latency: -1 }])).toThrow('problemFromPhysical: devices[0].latency must be a finite number >= 0, got -1');
    expect(() => problemFromPhysical([{ ...task, id: '' }], [dev])).toThrow('problemFromPhysical: tasks[0].id must be a non-empty string, got ""');
    expect(() => problemFromPhysical([{ work: 1e308, dataSize: 0 }], [{ ...dev, speed: 1e-10 }])).toThrow('problemFromPhysical: tasks[0] on devices[0] gives a time that overflows to Infinity');
    expect(() => problemFromPhysical('x' as never, [dev])).toThrow(InputTypeError);
  });

  it('problemFromPhysical with no tasks or no devices gives empty matrices', () => {
    expect(problemFromPhysical([], [dev]).execTime).toEqual([]);
    expect(problemFromPhysical([task], []).execTime).toEqual([[]]);
  });
});

describe('problemFromPhysical: energy and money', () => {
  it('problemFromPhysical copies power, price and source, and the phone pays for the upload', () => {
    // phone 1000 Mcycles/s, cloud 4000; 80 Mbit over 40 Mbit/s = 2 s upload.
    const p = problemFromPhysical(
      [{ work: 2000, dataSize: 80, source: 'phone' }],
      [
        { id: 'phone', tier: 'edge', speed: 1000, power: { busy: 4, transfer: 2, idle: 0.5 } },
        { id: 'cloud', tier: 'cloud', speed: 4000, bandwidth: 40, power: { busy: 100 }, price: { perSecond: 0.5, minimum: 60 } },
      ],
    );
    expect(p.tasks).toEqual([{ id: 't0', source: 'phone' }]);
    expect(p.devices[0]!.power).toEqual({ busy: 4, transfer: 2, idle: 0.5 });
    expect(p.devices[1]!.price).toEqual({ perSecond: 0.5, minimum: 60 });
    // On the cloud: transfer 2 s, exec 0.5 s, makespan 2.5 s.
    // phone: upload 2 W · 2 s = 4 J + idle 0.5 W · 2.5 s = 1.25 J; cloud: 100 W · 0.5 s = 50 J → 55.25 J.
    // cost: busy 2.5 s → ⌈2.5⌉ = 3 s, minimum 60 s → 60 · 0.5 = 30.
    const s = evaluate(p, [1]);
    expect(s.metrics.energy.total).toBe(55.25);
    expect(s.metrics.cost.total).toBe(30);
  });

  it('problemFromPhysical does not share power or price objects with its input', () => {
    const devices = deepFreeze([{ tier: 'edge' as const, speed: 1, power: { busy: 1 } }]);
    const p = problemFromPhysical([{ work: 1, dataSize: 0 }], devices);
    expect(p.devices[0]!.power).toEqual({ busy: 1 });
    expect(p.devices[0]!.power).not.toBe(devices[0]!.power);
  });

  const bad: readonly [string, () => unknown, typeof InputTypeError | typeof InputRangeError, string][] = [
    ['NaN watts', () => problemFromPhysical([], [{ tier: 'edge', speed: 1, power: { idle: NaN } }]), InputRangeError, 'problemFromPhysical: devices[0].power.idle must be a finite number >= 0, got NaN'],
    ['negative watts', () => problemFromPhysical([], [{ tier: 'edge', speed: 1, power: { busy: -2 } }]), InputRangeError, 'problemFromPhysical: devices[0].power.busy must be a finite number >= 0, got -2'],
    ['an unknown power key', () => problemFromPhysical([], [{ tier: 'edge', speed: 1, power: { max: 2 } as never }]), InputTypeError, 'problemFromPhysical: devices[0].power.max is not a known field (known: busy, transfer, idle)'],
    ['a zero granularity', () => problemFromPhysical([], [{ tier: 'cloud', speed: 1, price: { perSecond: 1, granularity: 0 } }]), InputRangeError, 'problemFromPhysical: devices[0].price.granularity must be a finite number > 0 (seconds), got 0'],
    ['an unknown source', () => problemFromPhysical([{ work: 1, dataSize: 1, source: 'd7' }], [{ tier: 'edge', speed: 1 }]), InputRangeError, 'problemFromPhysical: tasks[0].source must be the id of one of devices, got "d7"'],
  ];
  for (const [what, call, cls, message] of bad) {
    it(`problemFromPhysical rejects ${what} with ${cls.name} naming the field`, () => {
      let e: unknown;
      try {
        call();
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(cls);
      expect((e as Error).message).toBe(message);
    });
  }
});

describe('problemFromPhysical: validates what later calls rely on (issue 11, item 9)', () => {
  it('problemFromPhysical rejects duplicate device ids itself, not at the next solve', () => {
    const dev = { id: 'x', tier: 'edge' as const, speed: 1 };
    expect(() => problemFromPhysical([{ work: 1, dataSize: 0 }], [dev, dev])).toThrow('problemFromPhysical: problem.devices[1].id duplicates problem.devices[0].id ("x")');
    expect(() => problemFromPhysical([{ work: 1e308, dataSize: 0 }, { work: 1e308, dataSize: 0 }], [dev])).toThrow('problemFromPhysical: problem has times whose sums overflow the range of a double');
  });
});

describe('problemFromPhysical: fog devices', () => {
  it("problemFromPhysical([task], [{tier: 'fog', ...}]) accepts the fog tier with the same times as any tier (the tier is a label)", () => {
    const t = [{ id: 'a', work: 8, dataSize: 4 }];
    const fog = problemFromPhysical(t, [{ id: 'f', tier: 'fog', speed: 2, bandwidth: 2, latency: 1 }]);
    expect(fog.devices).toEqual([{ id: 'f', tier: 'fog' }]);
    expect(fog.execTime).toEqual([[4]]);
    expect(fog.transferTime).toEqual([[1 + 4 / 2]]);
    expect(() => problemFromPhysical(t, [{ tier: 'fgo' as never, speed: 1 }])).toThrow("problemFromPhysical: devices[0].tier must be one of 'edge', 'fog', 'cloud', got \"fgo\"; did you mean 'fog'?");
  });
});
