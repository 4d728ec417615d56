import { describe, expect, it } from 'vitest';
import { oneLine, UsageError } from '../../src/cli/io.js';

describe('oneLine(message) (reference values)', () => {
  it('folds a multi-line library message into one line, parts joined by "; "', () => {
    expect(oneLine('f: problem has 2 errors:\n  a must be x\n  b must be y')).toBe('f: problem has 2 errors: a must be x; b must be y');
    expect(oneLine('plain')).toBe('plain');
  });

  it('UsageError is an Error named UsageError', () => {
    expect(new UsageError('x')).toBeInstanceOf(Error);
    expect(new UsageError('x').name).toBe('UsageError');
  });
});
