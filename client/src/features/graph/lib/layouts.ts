import cytoscape, { type Core, type LayoutOptions } from 'cytoscape';
import dagre from 'cytoscape-dagre';

let registered = false;
export function registerExtraLayouts(): void {
  if (registered) return;
  cytoscape.use(dagre);
  registered = true;
}

export const LAYOUTS = [
  { id: 'fcose', name: 'Force-directed' },
  { id: 'dagre', name: 'Money flow (left → right)' },
  { id: 'concentric-degree', name: 'Concentric by degree' },
  { id: 'concentric-amount', name: 'Concentric by amount' },
  { id: 'grid', name: 'Grid' },
  { id: 'circle', name: 'Circle' },
] as const;
export type LayoutId = (typeof LAYOUTS)[number]['id'];

/** Above this many nodes layouts are not animated: animating thousands of positions is what freezes a page. */
export const BIG_CANVAS = 800;

/** money held by a node for "by amount": an account's flows or a payment's amount */
export function amountOf(node: cytoscape.NodeSingular): number {
  const own = Number(node.data('amount') ?? 0);
  const flows = node.connectedEdges('[type = "FLOW"]').reduce((s, e) => s + Number(e.data('total') ?? 0), 0);
  return own + flows;
}

export function layoutOptions(cy: Core, id: LayoutId): LayoutOptions {
  const big = cy.nodes().length > BIG_CANVAS;
  const common = { animate: !big, animationDuration: 450, fit: true, padding: 40 };
  switch (id) {
    case 'dagre':
      return { name: 'dagre', rankDir: 'LR', nodeSep: 30, rankSep: 110, ...common } as LayoutOptions;
    case 'concentric-degree':
      return { name: 'concentric', concentric: (n: cytoscape.NodeSingular) => n.degree(false), levelWidth: () => 2, minNodeSpacing: 20, ...common } as LayoutOptions;
    case 'concentric-amount':
      return { name: 'concentric', concentric: (n: cytoscape.NodeSingular) => Math.log10(1 + amountOf(n)), levelWidth: () => 0.5, minNodeSpacing: 20, ...common } as LayoutOptions;
    case 'grid':
      return { name: 'grid', avoidOverlap: true, ...common } as LayoutOptions;
    case 'circle':
      return { name: 'circle', avoidOverlap: true, ...common } as LayoutOptions;
    default:
      return {
        name: 'fcose',
        quality: big ? 'draft' : 'default',
        randomize: true,
        nodeDimensionsIncludeLabels: !big,
        idealEdgeLength: 95,
        nodeRepulsion: 6500,
        ...common,
      } as LayoutOptions;
  }
}
