import { describe, expect, it } from 'vitest';
import { solve } from '../../src/solvers/solve.js';
import { TRACE_DEFAULT_MAX_PAIRS } from '../../src/solvers/solution.js';

/** One task on `m` devices, the last one fastest. */
function oneTask(m: number) {
  return {
    tasks: [{ id: 't' }],
    devices: Array.from({ length: m }, (_, j) => ({ id: `d${j}`, tier: 'edge' as const })),
    execTime: [Array.from({ length: m }, (_, j) => m - j)],
  };
}

describe('TRACE_DEFAULT_MAX_PAIRS', () => {
  it('TRACE_DEFAULT_MAX_PAIRS is 65 536 and is re-exported unchanged by solve.ts', async () => {
    expect(TRACE_DEFAULT_MAX_PAIRS).toBe(65_536);
    expect((await import('../../src/solvers/solve.js')).TRACE_DEFAULT_MAX_PAIRS).toBe(TRACE_DEFAULT_MAX_PAIRS);
  });

  it('solve(problem) records the trace by default at n·m = TRACE_DEFAULT_MAX_PAIRS and not one pair above', () => {
    const at = solve(oneTask(TRACE_DEFAULT_MAX_PAIRS));
    expect(at.trace).toHaveLength(1);
    expect(at.assignment).toEqual([TRACE_DEFAULT_MAX_PAIRS - 1]);
    const above = solve(oneTask(TRACE_DEFAULT_MAX_PAIRS + 1));
    expect(above.trace).toEqual([]);
    expect(solve(oneTask(TRACE_DEFAULT_MAX_PAIRS + 1), { trace: true }).trace).toHaveLength(1);
  });
});
