// The hand-computed energy and money example shared by the schedule tests.
import type { Problem } from '../../src/index.js';
import { deepFreeze } from '../arbitraries.js';

/**
 * The hand example (every number a dyadic rational, so every sum and product
 * below is exact in binary). Tasks a, b, c hold their data on the phone.
 *
 *            exec (phone, cloud)   transfer (phone, cloud)
 *   a        8, 2                  0, 1
 *   b        6, 1.5                0, 0.5
 *   c        4, 1                  0, 0.25
 *
 * phone: busy 4 W, transfer 2 W, idle 0.5 W;  cloud: busy 16 W, transfer 2 W, idle 4 W.
 */
export const handExample = (): Problem =>
  deepFreeze({
    tasks: [{ id: 'a', source: 'phone' }, { id: 'b', source: 'phone' }, { id: 'c', source: 'phone' }],
    devices: [
      { id: 'phone', tier: 'edge', power: { busy: 4, transfer: 2, idle: 0.5 } },
      { id: 'cloud', tier: 'cloud', power: { busy: 16, transfer: 2, idle: 4 }, price: { perSecond: 0.25, granularity: 4, minimum: 8 } },
    ],
    execTime: [[8, 2], [6, 1.5], [4, 1]],
    transferTime: [[0, 1], [0, 0.5], [0, 0.25]],
  });
