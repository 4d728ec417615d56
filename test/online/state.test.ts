import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOnlineState, InputRangeError, InputTypeError, submit, workedExampleProblem } from '../../src/index.js';
import { deepFreeze } from '../arbitraries.js';

describe('createOnlineState: reference values', () => {
  it("createOnlineState([edge, cloud ready 5]) starts each device at max(ready, now) with ratio 1 and no pending task", () => {
    const s = createOnlineState([{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud', ready: 5 }]);
    expect(s).toEqual({
      now: 0,
      smoothing: 0.3,
      devices: [
        { id: 'edge', tier: 'edge', busyUntil: 0, budget: null, ratio: 1, observations: 0 },
        { id: 'cloud', tier: 'cloud', busyUntil: 5, budget: null, ratio: 1, observations: 0 },
      ],
      pending: [],
      submitted: 0,
      completed: 0,
    });
    expect(createOnlineState([{ id: 'a', tier: 'edge', ready: 2 }], { now: 7, smoothing: 0.5 }).devices[0]!.busyUntil).toBe(7);
  });

  it('createOnlineState(worked example devices) keeps the budgets 500, 800, 1000, 2000', () => {
    const s = createOnlineState(deepFreeze(workedExampleProblem(30).devices));
    expect(s.devices.map((d) => d.budget)).toEqual([500, 800, 1000, 2000]);
    expect(s.devices.map((d) => d.tier)).toEqual(['edge', 'edge', 'edge', 'cloud']);
  });
});

describe('createOnlineState: fog devices', () => {
  it("createOnlineState([{id: 'f', tier: 'fog'}]) accepts the fog tier, and submit places by the given times (the tier is a label, as in solve)", () => {
    const s = createOnlineState(deepFreeze([{ id: 'e', tier: 'edge' as const }, { id: 'f', tier: 'fog' as const }]));
    expect(s.devices.map((d) => d.tier)).toEqual(['edge', 'fog']);
    // Edge: 0 + 5 = 5; fog: transfer 1 + exec 3 = 4: MCT picks the fog node.
    const r = submit(s, [{ id: 'a', execTime: [5, 3], transferTime: [0, 1] }], 0, { strategy: 'mct' });
    expect(r.decisions.map((d) => [d.device, d.finish])).toEqual([[1, 4]]);
    expect(() => submit(JSON.parse(JSON.stringify(r.state)) as typeof r.state, [], 0)).not.toThrow();
    expect(() => createOnlineState([{ id: 'x', tier: 'fgo' as never }])).toThrow("createOnlineState: devices[0].tier must be one of 'edge', 'fog', 'cloud', got \"fgo\"; did you mean 'fog'?");
  });
});

describe('createOnlineState: device fields it does not use', () => {
  it("createOnlineState([{..., power}]) and ([{..., price}]) are rejected naming the field and the fix, never silently dropped", () => {
    const why = "is not used by the online scheduler (its objectives are makespan, flowtime and weighted-flowtime): remove it, or use solve or paretoFront for the 'energy' and 'cost' objectives";
    expect(() => createOnlineState(deepFreeze([{ id: 'e', tier: 'edge', power: { busy: 5 } }] as never))).toThrow(new InputTypeError('createOnlineState', 'devices[0].power', `createOnlineState: devices[0].power ${why}`));
    expect(() => createOnlineState(deepFreeze([{ id: 'e', tier: 'edge' }, { id: 'c', tier: 'cloud', price: { perSecond: 1 } }] as never))).toThrow(`createOnlineState: devices[1].price ${why}`);
  });

  it("createOnlineState([{id, tier, redy: 1}]) rejects the unknown key with a did-you-mean", () => {
    expect(() => createOnlineState([{ id: 'e', tier: 'edge', redy: 1 } as never])).toThrow("createOnlineState: devices[0].redy is not a known field (known: id, tier, ready, budget); did you mean 'ready'?");
  });
});

describe('createOnlineState: properties', () => {
  it('createOnlineState(devices) is JSON-serializable: a JSON round trip gives an equal state', () => {
    const device = fc.record(
      { id: fc.string({ minLength: 1 }), tier: fc.constantFrom('edge' as const, 'cloud' as const), ready: fc.double({ min: 0, max: 1e6, noNaN: true }), budget: fc.oneof(fc.constant(Infinity), fc.double({ min: 0, max: 1e6, noNaN: true })) },
      { requiredKeys: ['id', 'tier'] },
    );
    fc.assert(
      fc.property(fc.uniqueArray(device, { selector: (d) => d.id, maxLength: 6 }), (devices) => {
        const s = createOnlineState(deepFreeze(devices));
        expect(JSON.parse(JSON.stringify(s))).toEqual(s);
        expect(s.devices).toHaveLength(devices.length);
      }),
    );
  });
});

describe('createOnlineState: edge cases', () => {
  it('createOnlineState([]) is a valid empty state; submitting a task to it is InfeasibleError saying the state has no devices', () => {
    expect(createOnlineState([]).devices).toEqual([]);
    expect(() => submit(createOnlineState([]), [{ id: 'a', execTime: [] }], 0)).toThrow(/tasks\[0\]\.execTime has no device to run on \(the state has no devices/);
    expect(submit(createOnlineState([]), [], 0).decisions).toEqual([]);
  });

  it('createOnlineState rejects duplicate ids, bad tiers, negative ready times, smoothing outside [0, 1] and unknown options', () => {
    expect(() => createOnlineState([{ id: 'a', tier: 'edge' }, { id: 'a', tier: 'cloud' }])).toThrow(new InputRangeError('createOnlineState', 'devices[1].id', 'createOnlineState: devices[1].id duplicates devices[0].id ("a")'));
    expect(() => createOnlineState([{ id: 'a', tier: 'sky' as never }])).toThrow(InputTypeError);
    expect(() => createOnlineState([{ id: 'a', tier: 'edge', ready: -1 }])).toThrow('createOnlineState: devices[0].ready must be a finite number >= 0, got -1');
    expect(() => createOnlineState([], { smoothing: 1.5 })).toThrow('createOnlineState: options.smoothing must be a number in [0, 1], got 1.5');
    expect(() => createOnlineState([], { smoothing: NaN })).toThrow(InputRangeError);
    expect(() => createOnlineState([], { alpha: 0.1 } as never)).toThrow(/options\.alpha is not a known option/);
    expect(() => createOnlineState([{ id: 3 as never, tier: 'edge' }])).toThrow('createOnlineState: devices[0].id must be a non-empty string, got 3');
  });

  it("createOnlineState([{id: '', tier: 'edge'}]) is rejected by createOnlineState itself, not at the next submit (issue 11, item 9)", () => {
    expect(() => createOnlineState([{ id: '', tier: 'edge' }])).toThrow(new InputTypeError('createOnlineState', 'devices[0].id', 'createOnlineState: devices[0].id must be a non-empty string, got ""'));
  });
});
