import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onlyKnownKeys } from '../../src/problem/check.js';
import { distinct, onlyTaskKeys } from '../../src/problem/ids.js';

describe('distinct: oracle against a Set', () => {
  it('distinct(strings) is new Set(strings).size === strings.length, for short ids (hashed), long ones (the Set) and mixes', () => {
    const short = fc.string({ maxLength: 8 });
    const long = fc.string({ minLength: 9, maxLength: 20 });
    const id = fc.oneof({ weight: 4, arbitrary: short }, { weight: 1, arbitrary: long });
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), fc.nat(), fc.boolean(), (xs, k, repeat) => {
        // repeat: copy one entry to the end, so every array size also has a duplicate case.
        const list = repeat && xs.length > 0 ? [...xs, xs[k % xs.length]!] : xs;
        expect(distinct(list)).toBe(new Set(list).size === list.length);
      }),
    );
  });

  it('distinct of 5000 short numbered ids is true, and false once one repeats', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `t${i}`);
    expect(distinct(ids)).toBe(true);
    expect(distinct([...ids, 't4321'])).toBe(false);
    expect(distinct(['t1', 'x'.repeat(9), 't1'])).toBe(false);
  });
});

describe('onlyTaskKeys: oracle against onlyKnownKeys', () => {
  it('onlyTaskKeys(task) is onlyKnownKeys(task, the task keys) for objects with known, unknown and inherited keys', () => {
    const known = ['id', 'priority', 'criteria', 'demand', 'release', 'deadline', 'source'];
    const key = fc.oneof(fc.constantFrom(...known, 'importance', 'urgency', 'ready', 'tier', 'constructor'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 5 }), fc.option(key, { nil: undefined }), (keys, inherited) => {
        const proto: Record<string, unknown> = inherited === undefined ? {} : { [inherited]: 1 };
        const t = Object.create(proto) as Record<string, unknown>;
        for (const k of keys) t[k] = 1;
        expect(onlyTaskKeys(t)).toBe(onlyKnownKeys(t, known));
      }),
    );
  });
});
