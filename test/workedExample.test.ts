// The seed's worked example: every published number is pinned here, equal
// where the formulas reproduce it, and as a stated discrepancy where they do
// not (the test states what the formulas give instead).
import { describe, expect, it } from 'vitest';
import { loads, priorities, transferTimes, workedExample } from '../src/index.js';

const w = workedExample;

describe('workedExample: inputs as printed (reference values)', () => {
  it('has the five tasks, four devices and three transfers of section 4.3', () => {
    expect(w.tasks.map((t) => [t.importance, t.urgency, t.satisfaction])).toEqual([
      [3, 5, 4], [2, 3, 5], [5, 2, 3], [4, 4, 2], [1, 1, 1],
    ]);
    expect(w.devices.map((d) => [d.capacity, d.remaining, d.execTime])).toEqual([
      [1000, 500, 20], [1500, 800, 30], [2000, 1000, 40], [3000, 2000, 50],
    ]);
    expect(w.tiers).toEqual(['edge', 'edge', 'edge', 'cloud']);
    expect(w.transfers.map((t) => [t.pack, t.send, t.unpack])).toEqual([[5, 10, 3], [8, 12, 4], [3, 15, 6]]);
  });

  it('is deeply frozen, so no caller can change the shared fixture', () => {
    expect(Object.isFrozen(w)).toBe(true);
    expect(Object.isFrozen(w.tasks[0])).toBe(true);
    expect(Object.isFrozen(w.published.assignment)).toBe(true);
  });
});

describe('workedExample.published: reproducible numbers are reproduced exactly', () => {
  it('transferTimes(transfers) gives the published 18, 24, 24', () => {
    expect(Array.from(transferTimes(w.transfers))).toEqual([...w.published.transferTimes]);
  });

  it('the published assignment [0,1,2,1,0] gives totals 38, 54, 64, 54, 38 as exec + transfer of the device row', () => {
    const td = transferTimes(w.transfers);
    const a = w.published.assignment;
    expect(a).toEqual([0, 1, 2, 1, 0]);
    const exec = a.map((d) => w.devices[d]!.execTime);
    const transfer = a.map((d) => td[d]!);
    expect(exec).toEqual([...w.published.execTimes]);
    expect(transfer).toEqual([...w.published.transferTimesPerTask]);
    expect(exec.map((e, i) => e + transfer[i]!)).toEqual([38, 54, 64, 54, 38]);
    expect(w.published.totalTimes).toEqual([38, 54, 64, 54, 38]);
  });
});

describe('workedExample.published: discrepancies pinned (the formulas give other values)', () => {
  it('published priorities 2.4, 1.6, 3.8, 2.8, 0.2: base gives 60, 30, 30, 32, 1 instead', () => {
    expect(w.published.priorities).toEqual([2.4, 1.6, 3.8, 2.8, 0.2]);
    expect(Array.from(priorities(w.tasks))).toEqual([60, 30, 30, 32, 1]);
  });

  it('published priorities: normalized gives 12/15, 10/15, 10/15, 10/15, 3/15 instead; only task 5 agrees', () => {
    const pn = priorities(w.tasks, { form: 'normalized' });
    const expected = [12 / 15, 10 / 15, 10 / 15, 10 / 15, 3 / 15];
    expected.forEach((v, i) => expect(pn[i]).toBeCloseTo(v, 12));
    const agree = w.published.priorities.map((v, i) => Math.abs(v - pn[i]!) < 1e-12);
    expect(agree).toEqual([false, false, false, false, true]);
  });

  it('published priority 3.8 exceeds 3, the largest score a sum-normalized 3-criterion form can give', () => {
    expect(Math.max(...w.published.priorities)).toBeGreaterThan(3);
  });

  it('the published priority order 3 > 4 > 1 > 2 > 5 is the order by importance alone', () => {
    const byPublished = [0, 1, 2, 3, 4].sort((a, b) => w.published.priorities[b]! - w.published.priorities[a]!);
    const byImportance = [0, 1, 2, 3, 4].sort((a, b) => w.tasks[b]!.importance - w.tasks[a]!.importance);
    expect(byPublished).toEqual([2, 3, 0, 1, 4]);
    expect(byImportance).toEqual(byPublished);
  });

  it('published loads 2.5, 2.2, 1.75, 1.4: base C*R/T gives 25000, 40000, 50000, 120000 instead', () => {
    expect(w.published.loads).toEqual([2.5, 2.2, 1.75, 1.4]);
    expect(Array.from(loads(w.devices))).toEqual([25000, 40000, 50000, 120000]);
  });

  it('published loads: normalized gives 0.3925, 0.6003, 0.7849, 1.2223 instead', () => {
    const ln = loads(w.devices, { form: 'normalized' });
    const expected = [0, 1, 2, 3].map((j) => {
      const d = w.devices[j]!;
      return d.capacity / 7500 + d.remaining / 4300 + d.execTime / 140;
    });
    expected.forEach((v, j) => expect(ln[j]).toBeCloseTo(v, 12));
    expect(Array.from(ln, (v) => Number(v.toFixed(4)))).toEqual([0.3925, 0.6003, 0.7849, 1.2223]);
    w.published.loads.forEach((v, j) => expect(Math.abs(v - ln[j]!)).toBeGreaterThan(0.1));
  });
});
