import { describe, expect, it } from 'vitest';
import { certifyAssignment, roundedDown, signOf } from '../../../src/solvers/lsap/lsapCertificate.js';

describe('lsapCertificate', () => {
  it('signOf(a, b, c, d) is the exact sign of a + b − c − d, where doubles round', () => {
    expect(signOf(1e16, 1, 1e16, 0)).toBe(1);
    expect(1e16 + 1 - 1e16).toBe(0);
    expect(signOf(0.1, 0.2, 0.3, 0)).toBe(1); // the doubles 0.1 + 0.2 exceed the double 0.3 by 2^-54
    expect(signOf(1, 2, 3, 0)).toBe(0);
    expect(signOf(-2e16, 1, 1, 0)).toBe(-1);
  });

  it('roundedDown(a, b, c) is the largest double ≤ a + b − c', () => {
    expect(roundedDown(1e16, 1, 0)).toBe(1e16); // 1e16 + 1 lies between 1e16 and 1e16 + 2
    expect(roundedDown(-1e16, -1, 0)).toBe(-1e16 - 2);
    expect(roundedDown(1e300, 1e-300, 1e300)).toBe(1e-300);
  });

  it('certifyAssignment proves the optimum of the counterexample and refuses the float kernel answer [0, 2, 3]', () => {
    const I = Infinity;
    const c = new Float64Array([1, I, 1, I, -1, I, 1, I, -2e16, I, I, 1]);
    expect(certifyAssignment(c, 3, 4, new Int32Array([2, 0, 3]))).toBe(true);
    expect(certifyAssignment(c, 3, 4, new Int32Array([0, 2, 3]))).toBe(false);
  });

  it('certifyAssignment on a rectangular matrix refuses an assignment that leaves a cheaper column free', () => {
    const c = new Float64Array([5, 1, 9]);
    expect(certifyAssignment(c, 1, 3, new Int32Array([0]))).toBe(false);
    expect(certifyAssignment(c, 1, 3, new Int32Array([1]))).toBe(true);
  });
});
