/**
 * A video-analytics pipeline (decode → two detectors → track, and an
 * embedding branch → match, then aggregate) on a camera, a fog gateway and
 * two cloud VMs, built from physical quantities, scheduled by every task-graph
 * strategy; prints the makespans and writes HEFT's Gantt chart.
 *
 * Run: npx tsx examples/workflow-pipeline.ts [OUT.svg]
 * (the README's picture, docs/workflow-gantt.svg, is this chart).
 *
 * Units: work in megacycles, speed in MHz, data in MB, bandwidth in MB/s,
 * latency in seconds. A transfer between two devices runs at the slower of
 * their links and pays both latencies. The raw video is on the camera, so
 * decode may run only there (Infinity elsewhere).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scheduleWorkflow, workflowFromPhysical, workflowStrategyNames, workflowToSvg, type Workflow } from '../src/index.js';

const built = workflowFromPhysical(
  [
    { id: 'decode', work: 800 }, { id: 'detect-1', work: 6000 }, { id: 'detect-2', work: 6000 },
    { id: 'track', work: 1500 }, { id: 'embed', work: 4000 }, { id: 'match', work: 2500 }, { id: 'aggregate', work: 600 },
  ],
  [
    { id: 'camera', tier: 'edge', speed: 1000, bandwidth: 20, latency: 0.005 },
    { id: 'gateway', tier: 'fog', speed: 2500, bandwidth: 100, latency: 0.01 },
    { id: 'cloud-1', tier: 'cloud', speed: 6000, bandwidth: 50, latency: 0.04 },
    { id: 'cloud-2', tier: 'cloud', speed: 6000, bandwidth: 50, latency: 0.04 },
  ],
  [
    { from: 'decode', to: 'detect-1', size: 12 }, { from: 'decode', to: 'detect-2', size: 12 },
    { from: 'detect-1', to: 'track', size: 2 }, { from: 'detect-2', to: 'track', size: 2 },
    { from: 'decode', to: 'embed', size: 6 }, { from: 'embed', to: 'match', size: 1 },
    { from: 'track', to: 'aggregate', size: 0.5 }, { from: 'match', to: 'aggregate', size: 0.5 },
  ],
);
const pipeline: Workflow = { ...built, execTime: built.execTime.map((row, i) => (i === 0 ? row.map((x, j) => (j === 0 ? x : Infinity)) : row)) };

for (const strategy of workflowStrategyNames) {
  const s = scheduleWorkflow(pipeline, { strategy });
  console.log(`${strategy.padEnd(15)} makespan ${s.makespan.toFixed(3)} s  (lower bound ${s.lowerBound.toFixed(3)} s)`);
}
const heft = scheduleWorkflow(pipeline, { strategy: 'heft' });
const out = process.argv[2] ?? join(tmpdir(), 'workflow-gantt.svg');
writeFileSync(out, `${workflowToSvg(heft.schedule, pipeline, { title: 'HEFT: video analytics on a camera, a gateway and two cloud VMs' })}\n`);
console.log(`wrote ${out}`);
