import type { LayoutOptions } from 'cytoscape';
import type { LayoutJob } from '../workers/layout-protocol';

/** Most fixed nodes fcose's constraint solver handles quickly; beyond that pinned nodes are put back afterwards. */
const MAX_FIXED_CONSTRAINTS = 400;

/** Options for a layout running in the worker: never animated, never fitted (the page frames afterwards). */
export function workerLayoutOptions(job: LayoutJob): LayoutOptions {
  const big = job.nodes.length > 800;
  if (job.name === 'dagre') {
    return { name: 'dagre', rankDir: 'LR', nodeSep: 30, rankSep: 110, animate: false, fit: false } as LayoutOptions;
  }
  const fixed = job.nodes.filter((n) => n.fixed);
  return {
    name: 'fcose',
    // 'draft' skips the costly polishing pass: on thousands of nodes it is the difference between 2 s and 20 s.
    quality: job.incremental ? 'proof' : big ? 'draft' : 'default',
    randomize: !job.incremental,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    idealEdgeLength: 95,
    nodeRepulsion: 6500,
    nodeSeparation: 80,
    initialEnergyOnIncremental: 0.3,
    fixedNodeConstraint:
      fixed.length > 0 && fixed.length <= MAX_FIXED_CONSTRAINTS ? fixed.map((n) => ({ nodeId: n.id, position: { x: n.x, y: n.y } })) : undefined,
  } as LayoutOptions;
}
