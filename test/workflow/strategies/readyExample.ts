// The hand-computed example shared by the ready-list strategies' tests.
import type { Workflow } from '../../../src/index.js';

/**
 * r runs on x [0, 2]; its children's data (4 each, bandwidth 1) reaches y at 6.
 * Initial finishes: p x 5, y 7; q x 8, y 8 (tie: x, the lower index); s x 3, y 10.
 */
export const readyExample: Workflow = {
  tasks: [{ id: 'r' }, { id: 'p', priority: 1 }, { id: 'q', priority: 3 }, { id: 's', priority: 2 }],
  devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
  execTime: [[2, 9], [3, 1], [6, 2], [1, 4]],
  edges: [{ from: 'r', to: 'p', data: 4 }, { from: 'r', to: 'q', data: 4 }, { from: 'r', to: 's', data: 4 }],
};
