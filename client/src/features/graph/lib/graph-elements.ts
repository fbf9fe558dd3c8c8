import type { Core, ElementDefinition, Position } from 'cytoscape';
import type { EntityLabel, GraphEdge, GraphNode, RelType } from '../../../types/api';

/** What the canvas keeps per element: just enough to style and identify it. Records stay in the session. */
export type CyNodeData = { id: string; label: EntityLabel; caption: string };
export type CyEdgeData = { id: string; source: string; target: string; type: RelType };

export function nodeElement(node: GraphNode, position?: Position): ElementDefinition {
  const data: CyNodeData = { id: node.id, label: node.label, caption: node.caption || node.id };
  return position ? { group: 'nodes', data, position: { ...position } } : { group: 'nodes', data };
}

export function edgeElement(edge: GraphEdge): ElementDefinition {
  const data: CyEdgeData = { id: edge.id, source: edge.source, target: edge.target, type: edge.type };
  return { group: 'edges', data };
}

export type MergeResult = { addedNodeIds: string[]; addedEdgeIds: string[] };

/**
 * Adds the nodes and edges the canvas does not have yet, in one batch. Ids already present (or repeated in
 * the input) are skipped, and so are edges whose endpoints are missing: Cytoscape would throw on them.
 */
export function mergeElements(
  cy: Core,
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  place: (node: GraphNode, index: number, count: number) => Position | undefined,
): MergeResult {
  const newNodes: GraphNode[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    if (seen.has(node.id) || !cy.getElementById(node.id).empty()) continue;
    seen.add(node.id);
    newNodes.push(node);
  }
  const present = (id: string) => seen.has(id) || !cy.getElementById(id).empty();
  const newEdges: GraphEdge[] = [];
  for (const edge of edges) {
    if (seen.has(edge.id) || !cy.getElementById(edge.id).empty()) continue;
    if (!present(edge.source) || !present(edge.target)) continue;
    seen.add(edge.id);
    newEdges.push(edge);
  }
  if (newNodes.length === 0 && newEdges.length === 0) return { addedNodeIds: [], addedEdgeIds: [] };

  cy.batch(() => {
    cy.add([
      ...newNodes.map((node, i) => nodeElement(node, place(node, i, newNodes.length))),
      ...newEdges.map(edgeElement),
    ]);
  });
  return { addedNodeIds: newNodes.map((n) => n.id), addedEdgeIds: newEdges.map((e) => e.id) };
}
