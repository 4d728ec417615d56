import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearestName } from '../../src/internal/suggest.js';
import { solve } from '../../src/index.js';
import { InputTypeError } from '../../src/errors.js';

/** Optimal string alignment distance by plain recursion over prefixes (the definition, tiny strings only). */
function osa(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const i = a.length;
  const j = b.length;
  let d = Math.min(osa(a.slice(0, -1), b) + 1, osa(a, b.slice(0, -1)) + 1, osa(a.slice(0, -1), b.slice(0, -1)) + (a[i - 1] === b[j - 1] ? 0 : 1));
  if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, osa(a.slice(0, -2), b.slice(0, -2)) + 1);
  return d;
}

describe('editDistance: oracle (the recursive definition)', () => {
  it('editDistance(a, b) equals the optimal string alignment distance on short strings over a 3-letter alphabet', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 5 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editDistance(a, b)).toBe(osa(a, b));
      }),
    );
  });

  it('editDistance counts a swap of neighbours as one edit and is not the unrestricted Damerau distance ("ca" → "abc" is 3)', () => {
    expect(editDistance('relase', 'release')).toBe(1);
    expect(editDistance('stratgey', 'strategy')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('nearestName: slips and non-slips', () => {
  it('nearestName ignores case and separators, allows 1 edit on names up to 4 characters and 2 on longer ones', () => {
    const strategies = ['min-min', 'max-min', 'sufferage', 'sufferage-greedy', 'mct', 'met', 'olb'];
    expect(nearestName('minmin', strategies)).toBe('min-min');
    expect(nearestName('Max_Min', strategies)).toBe('max-min');
    expect(nearestName('sufferage-greed', strategies)).toBe('sufferage-greedy');
    expect(nearestName('mtc', strategies)).toBe('mct');
    expect(nearestName('xyz', strategies)).toBeUndefined();
    expect(nearestName('sufferag', strategies)).toBe('sufferage');
    expect(nearestName('min-min', strategies)).toBeUndefined(); // already allowed
    expect(nearestName(42, strategies)).toBeUndefined();
    expect(nearestName('', strategies)).toBeUndefined();
  });

  it('nearestName breaks ties by the order of the allowed names', () => {
    expect(nearestName('met', ['mct', 'mat'])).toBe('mct');
    expect(nearestName('met', ['mat', 'mct'])).toBe('mat');
  });

  it('didYouMean quotes the nearest name or says nothing', () => {
    expect(didYouMean('Cloud', ['edge', 'fog', 'cloud'])).toBe("; did you mean 'cloud'?");
    expect(didYouMean('satellite', ['edge', 'fog', 'cloud'])).toBe('');
  });
});

describe('the hint in public messages', () => {
  const problem = { tasks: [{ id: 'a' }], devices: [{ id: 'd', tier: 'edge' as const }], execTime: [[1]] };

  it('solve names the near option, strategy, field and tier after the known list', () => {
    expect(() => solve(problem, { stratgy: 'min-min' } as never)).toThrow(new InputTypeError('solve', 'options.stratgy', "solve: options.stratgy is not a known option (known: strategy, objective, costModel, seed, timeLimitMs, maxIterations, trace, constraints); did you mean 'strategy'?"));
    expect(() => solve(problem, { strategy: 'minmin' } as never)).toThrow(/got "minmin"; did you mean 'min-min'\?$/);
    expect(() => solve({ ...problem, tasks: [{ id: 'a', relase: 1 } as never] })).toThrow(/problem\.tasks\[0\]\.relase is not a known field \(known: .*\); did you mean 'release'\?$/);
    expect(() => solve({ ...problem, devices: [{ id: 'd', tier: 'Cloud' as never }] })).toThrow(`solve: problem.devices[0].tier must be one of 'edge', 'fog', 'cloud', got "Cloud"; did you mean 'cloud'?`);
    expect(() => solve(problem, { strategy: 'xyz' } as never)).toThrow(/got "xyz"$/);
  });
});

describe('nearestName: longer spellings of short names', () => {
  it("nearestName('minimize', ['min', 'max']) is 'min' and nearestName('execTime', ['exec', 'transfer', 'finish']) is 'exec'; 'mi' and 'xminimize' get nothing", () => {
    expect(nearestName('minimize', ['min', 'max'])).toBe('min');
    expect(nearestName('maximise', ['min', 'max'])).toBe('max');
    expect(nearestName('execTime', ['exec', 'transfer', 'finish'])).toBe('exec');
    expect(nearestName('xminimize', ['min', 'max'])).toBeUndefined();
    expect(nearestName('edgy', ['ed'])).toBeUndefined();
  });
});
