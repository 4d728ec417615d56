// Chooses the fast-check seed once per run (from FC_SEED, else random),
// prints it so any failure can be replayed, and hands it to every test file.
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    fcSeed: number;
    fcNumRuns: number;
  }
}

export default function setup(project: TestProject): void {
  const fromEnv = process.env.FC_SEED;
  const seed = fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : (Date.now() ^ (process.pid << 8)) >>> 0;
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${fromEnv}`);
  const runs = process.env.FC_NUM_RUNS !== undefined ? Number(process.env.FC_NUM_RUNS) : 100;
  console.log(`fast-check seed: ${seed} (replay with FC_SEED=${seed} npm test); numRuns ${runs}`);
  project.provide('fcSeed', seed);
  project.provide('fcNumRuns', runs);
}
