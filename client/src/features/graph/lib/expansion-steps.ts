import type { Core, NodeSingular } from 'cytoscape';

/** One expansion (or merge) as the analyst did it; its elements carry data.step = id. */
export type ExpansionStep = { id: string; label: string; originId: string | null };

let counter = 0;
export const newStepId = () => `step-${Date.now().toString(36)}-${(counter += 1)}`;

/**
 * What collapsing a step removes: everything it brought onto the canvas, except pinned nodes and nodes that a
 * later step (still showing something) was expanded from, because removing those would cut that step loose.
 * Removing a node takes its relationships with it, including ones a later step added.
 */
export function collapsibleOf(cy: Core, stepId: string) {
  const origins = new Set(
    cy
      .elements('[step]')
      .filter((e) => e.data('step') !== stepId && e.isNode())
      .map((e) => String(e.data('expandedFrom') ?? '')),
  );
  const nodes = cy.nodes(`[step = "${stepId}"]`).filter((n: NodeSingular) => !n.locked() && !origins.has(n.id()));
  const edges = cy.edges(`[step = "${stepId}"]`);
  return nodes.union(edges);
}
