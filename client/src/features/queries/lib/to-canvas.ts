import type { GraphSession } from '../../graph';
import type { QueryRunResult } from '../../../types/api';

/**
 * Puts a query result on the canvas through the graph session: one undoable step named after the query, merged
 * with what is there (nothing twice, existing positions kept).
 */
export function putOnCanvas(session: GraphSession, result: QueryRunResult, mode: 'add' | 'replace'): number {
  const { nodes, edges } = result.graph;
  if (nodes.length === 0) return 0;
  if (mode === 'replace') session.clear();
  session.addElements(`Query: ${result.query?.title ?? 'ad-hoc Cypher'}`, nodes, edges);
  return nodes.length;
}
