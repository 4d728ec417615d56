// The two papers' sample graphs, read from data/workflows (see its README).
import { readFileSync } from 'node:fs';
import type { Workflow } from '../../src/index.js';
import { deepFreeze } from '../arbitraries.js';

function load(name: string): Workflow {
  return deepFreeze(JSON.parse(readFileSync(new URL(`../../data/workflows/${name}.json`, import.meta.url), 'utf8')) as Workflow);
}

/** Topcuoglu, Hariri and Wu 2002, the ten-task three-processor sample graph. */
export const topcuoglu2002 = (): Workflow => load('topcuoglu2002');
/** Arabnejad and Barbosa 2014, PEFT's sample graph. */
export const arabnejad2014 = (): Workflow => load('arabnejad2014');

/** `id:pK[start,finish]` per task, processors numbered from 1 as in the papers. */
export function timings(s: { readonly schedule: { readonly tasks: readonly { id: string; device: number; start: number; finish: number }[] } }): string[] {
  return s.schedule.tasks.map((t) => `${t.id}:p${t.device + 1}[${t.start},${t.finish}]`);
}
