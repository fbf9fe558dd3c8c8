import type { Core, ElementDefinition, NodeCollection } from 'cytoscape';
import type { Flow } from '../../../types/api';

/** An aggregated money flow drawn as one weighted edge (type FLOW); many payments collapse into it. */
export function flowElement(flow: Flow): ElementDefinition {
  return {
    group: 'edges',
    data: {
      id: flow.id,
      source: flow.source,
      target: flow.target,
      type: 'FLOW',
      total: flow.total,
      count: flow.count,
      currency: flow.currency,
      first: flow.first,
      last: flow.last,
      caption: `${flow.currency} ${flow.total.toLocaleString('en-GB', { maximumFractionDigits: 2 })} · ${flow.count}×`,
    },
  };
}

/** Node size by degree or by money, edge width by amount: written into data so the stylesheet maps it. */
export type SizeMode = 'none' | 'degree' | 'amount';
export function applyDataStyle(cy: Core, mode: SizeMode): void {
  cy.batch(() => {
    let maxFlow = 1;
    cy.edges('[type = "FLOW"]').forEach((e) => {
      maxFlow = Math.max(maxFlow, Number(e.data('total') ?? 0));
    });
    cy.edges('[type = "FLOW"]').forEach((e) => {
      e.data('width', 1.5 + 10 * Math.sqrt(Number(e.data('total') ?? 0) / maxFlow));
    });
    const measure = (n: cytoscape.NodeSingular) =>
      mode === 'degree'
        ? n.degree(false)
        : mode === 'amount'
          ? Number(n.data('amount') ?? 0) + n.connectedEdges('[type = "FLOW"]').reduce((s, e) => s + Number(e.data('total') ?? 0), 0)
          : 0;
    let max = 1;
    cy.nodes().forEach((n) => {
      max = Math.max(max, measure(n));
    });
    cy.nodes().forEach((n) => {
      n.data('size', mode === 'none' ? 34 : 26 + 44 * Math.sqrt(measure(n) / max));
    });
  });
}

export function selectedNodes(cy: Core): NodeCollection {
  return cy.nodes(':selected');
}

/** Hidden elements stay on the canvas (and in exports of the full graph) but are not drawn. */
export const HIDDEN_CLASSES = ['is-hidden', 'is-filtered', 'is-out-of-window'] as const;
export const visibleElements = (cy: Core) => cy.elements().filter((e) => !HIDDEN_CLASSES.some((c) => e.hasClass(c)));
