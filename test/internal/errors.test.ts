import { describe as group, expect, it } from 'vitest';
import { describe } from '../../src/internal/errors.js';

group('describe (internal)', () => {
  it('describe(typed array) uses "an" before a vowel sound: an Int32Array, an Int8Array, a Uint8Array, a Float64Array, a BigInt64Array, a DataView', () => {
    expect(describe(new Int32Array(1))).toBe('an Int32Array');
    expect(describe(new Int8Array(1))).toBe('an Int8Array');
    expect(describe(new Uint8Array(1))).toBe('a Uint8Array');
    expect(describe(new Float64Array(1))).toBe('a Float64Array');
    expect(describe(new BigInt64Array(1))).toBe('a BigInt64Array');
    expect(describe(new DataView(new ArrayBuffer(1)))).toBe('a DataView');
  });
});
