import { describe, expect, it } from 'vitest';
import { STRATEGIES, strategyNames } from '../../src/solvers/strategies.js';

describe('STRATEGIES and strategyNames: reference values', () => {
  it('lists the article rule, Braun et al.’s six, and the two sufferages first, in that order', () => {
    expect(strategyNames.slice(0, 9)).toEqual(['seed', 'olb', 'met', 'mct', 'min-min', 'max-min', 'duplex', 'sufferage', 'sufferage-greedy']);
    expect(new Set(strategyNames).size).toBe(strategyNames.length);
  });

  it('files each strategy under its own name, with a one-line summary', () => {
    for (const name of strategyNames) {
      expect(STRATEGIES[name].name).toBe(name);
      expect(STRATEGIES[name].summary).toMatch(/^[^\n]{20,200}$/);
    }
  });
});

describe('STRATEGIES and strategyNames: edge cases', () => {
  it('are frozen (no runtime registration)', () => {
    expect(Object.isFrozen(STRATEGIES)).toBe(true);
    expect(Object.isFrozen(strategyNames)).toBe(true);
  });
});
