// Seeded edge/cloud instances with power and price, shared by
// bench/pareto.bench.ts and scripts/pareto-nsga2-quality.ts. Integer data
// (seconds, watts, currency units per second), so the exact front steps ε by 1.
import { createRng, randomIndex } from '../src/internal/random.js';
import type { DeviceSpec, Problem, TaskSpec } from '../src/problem/types.js';

/**
 * n tasks on m devices: device 0 is a phone (slow, 3 W busy, 2 W radio, 1 W
 * idle, the source of every other task's data), devices 1..⌈m/2⌉−1 edge
 * boxes (twice the phone's speed, 10–20 W busy, 2–5 W idle, free), the rest
 * cloud machines (four times the phone's speed, no power we pay for, 1–3
 * units per second, per-second or 10-second billing, some with a 10 s
 * minimum). exec = τ_i · speed_j + noise, τ_i in [5, 50]; transfer 1–3 s to
 * an edge box, 3–8 s to the cloud, 0 on the phone.
 */
export function edgeCloudInstance(n: number, m: number, seed: number): Problem {
  const rng = createRng(seed);
  const int = (lo: number, hi: number): number => lo + randomIndex(rng, hi - lo + 1);
  const edges = Math.max(1, Math.ceil(m / 2));
  const devices: DeviceSpec[] = [];
  const speed: number[] = [];
  for (let j = 0; j < m; j++) {
    if (j === 0) {
      devices.push({ id: 'phone', tier: 'edge', power: { busy: 3, transfer: 2, idle: 1 } });
      speed.push(4);
    } else if (j < edges) {
      devices.push({ id: `edge${j}`, tier: 'edge', power: { busy: int(10, 20), transfer: 1, idle: int(2, 5) } });
      speed.push(2);
    } else {
      devices.push({ id: `cloud${j}`, tier: 'cloud', price: { perSecond: int(1, 3), granularity: rng() < 0.5 ? 1 : 10, minimum: rng() < 0.5 ? 0 : 10 } });
      speed.push(1);
    }
  }
  const tasks: TaskSpec[] = [];
  const execTime: number[][] = [];
  const transferTime: number[][] = [];
  for (let i = 0; i < n; i++) {
    tasks.push(i % 2 === 0 ? { id: `t${i}`, source: 'phone' } : { id: `t${i}` });
    const tau = int(5, 50);
    execTime.push(speed.map((s) => Math.max(1, Math.round((tau * s) / 4) + int(-2, 2))));
    transferTime.push(speed.map((_, j) => (j === 0 ? 0 : j < edges ? int(1, 3) : int(3, 8))));
  }
  return { tasks, devices, execTime, transferTime };
}
