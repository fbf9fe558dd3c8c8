import type { GraphSession } from '../../graph';
import type { QueryRunResult } from '../../../types/api';

/**
 * Puts a query result on the canvas through the graph session's public API. The session has no plain
 * "add these elements" action yet, so the result goes in as highlighted paths (one per relationship, and one per
 * entity that no relationship touches), which adds the records, lays them out and frames them.
 */
export function putOnCanvas(session: GraphSession, result: QueryRunResult, mode: 'add' | 'replace'): number {
  const { nodes, edges } = result.graph;
  if (nodes.length === 0) return 0;
  if (mode === 'replace') session.clear();
  const touched = new Set(edges.flatMap((e) => [e.source, e.target]));
  const paths = [
    ...edges.map((e) => ({ source: e.source, target: e.target, length: 1, nodeIds: [e.source, e.target], edgeIds: [e.id] })),
    ...nodes.filter((n) => !touched.has(n.id)).map((n) => ({ source: n.id, target: n.id, length: 0, nodeIds: [n.id], edgeIds: [] })),
  ];
  session.addPaths({ paths, unconnected: [], nodes, edges });
  return nodes.length;
}
