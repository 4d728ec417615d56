import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError } from '../../../src/errors.js';
import { compileGap } from '../../../src/solvers/gap/gapCompile.js';

describe('compileGap: validation and the supported range', () => {
  it('compileGap marks forbidden pairs and pairs too big for their budget, negates profits, and notes integral costs', () => {
    const g = compileGap('f', { cost: [[5, -Infinity], [2.5, 1]], demand: [[3, 1], [1, 1]], budget: [2, 1] }, true);
    expect([...g.allowed]).toEqual([0, 0, 1, 1]);
    expect([...g.cost]).toEqual([0, 0, -2.5, -1]);
    expect(g.integral).toBe(false);
    expect(compileGap('f', { cost: [[1e300, 2]], demand: [[0, 0]], budget: [0, 0] }, false).integral).toBe(true);
  });

  it('compileGap accepts 1e-300 … 1e300 and refuses costs whose per-task maxima overflow a double when summed', () => {
    expect(() => compileGap('f', { cost: [[1e300, 1e-300], [1e300, 5e-324]], demand: [[1e-300, 1e300], [0, 1e300]], budget: [1e300, Infinity] }, false)).not.toThrow();
    expect(() => compileGap('f', { cost: [[1.7e308, 0], [1.7e308, 0]], demand: [[0, 0], [0, 0]], budget: [1, 1] }, false)).toThrow(InputRangeError);
    // A huge cost on a pair its budget forbids does not count.
    expect(() => compileGap('f', { cost: [[1.7e308, 0], [1.7e308, 0]], demand: [[2, 0], [2, 0]], budget: [1, 1] }, false)).not.toThrow();
  });
});

describe('solveGap: instance fields and shapes', () => {
  it('solveGap({cost, demand, budget, capacity: [1, 1]}) rejects the unknown key with the known fields, and names budget as the capacities (a did-you-mean for near misses)', async () => {
    const { solveGap } = await import('../../../src/solvers/gap/gap.js');
    const g = { cost: [[1, 2]], demand: [[1, 1]], budget: [1, 1] };
    await expect(solveGap({ ...g, capacity: [1, 1] } as never, { method: 'heuristic' })).rejects.toThrow(new InputTypeError('solveGap', 'instance.capacity', "solveGap: instance.capacity is not a known field (known: name, cost, demand, budget); the devices' capacities are instance.budget"));
    await expect(solveGap({ ...g, budgets: [1, 1] } as never, { method: 'heuristic' })).rejects.toThrow("solveGap: instance.budgets is not a known field (known: name, cost, demand, budget); did you mean 'budget'?");
  });

  it('solveGap(budget of the wrong length) blames instance.budget, not instance.cost[0]', async () => {
    const { solveGap } = await import('../../../src/solvers/gap/gap.js');
    await expect(solveGap({ cost: [[1, 2], [3, 4]], demand: [[1, 1], [1, 1]], budget: [1, 1, 1] }, { method: 'heuristic' })).rejects.toThrow(new InputTypeError('solveGap', 'instance.budget', 'solveGap: instance.budget must be an array of length 2 (one per column of instance.cost), got an array of length 3'));
    // A ragged cost matrix still blames the row that differs.
    await expect(solveGap({ cost: [[1, 2], [3]], demand: [[1, 1], [1, 1]], budget: [1, 1] }, { method: 'heuristic' })).rejects.toThrow('solveGap: instance.cost[1] must be an array of length 2 (one per budget), got an array of length 1');
  });
});

describe('solveGap: misspelt options', () => {
  it("solveGap(g, {sense: 'minimize'}) suggests 'min'", async () => {
    const { solveGap } = await import('../../../src/solvers/gap/gap.js');
    await expect(solveGap({ cost: [[1]], demand: [[1]], budget: [1] }, { sense: 'minimize' as never })).rejects.toThrow("solveGap: options.sense must be one of 'min', 'max', got \"minimize\"; did you mean 'min'?");
  });
});
