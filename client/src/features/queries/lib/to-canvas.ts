import type { GraphSession } from '../../graph';
import type { QueryRunResult } from '../../../types/api';
import { relationshipsAmong } from '../api/queries-api';

/**
 * Puts a query result on the canvas through the graph session: one undoable step named after the query, merged
 * with what is there (nothing twice, existing positions kept). The relationships among the result's entities and
 * to the nodes already on the canvas come along, as in Linkurious and Bloom: a table of accounts lands connected,
 * not as loose dots. Returns what was new; `truncated` when the relationship limit cut some off.
 */
export async function putOnCanvas(session: GraphSession, result: QueryRunResult, mode: 'add' | 'replace'): Promise<{ nodes: number; edges: number; truncated: boolean }> {
  const { nodes, edges } = result.graph;
  if (nodes.length === 0) return { nodes: 0, edges: 0, truncated: false };
  const canvas = mode === 'replace' ? [] : session.canvasFile().nodes.map((n) => n.id);
  const related = await relationshipsAmong(nodes.map((n) => n.id), canvas);
  const known = new Set(edges.map((e) => e.id));
  const all = [...edges, ...related.edges.filter((e) => !known.has(e.id))];
  const label = `Query: ${result.query?.title ?? 'ad-hoc Cypher'}`;
  // replacing is one undoable step: the snapshot taken by clear() holds the old canvas, and one Undo brings it back
  const replacing = mode === 'replace' && session.canvasFile().nodes.length > 0;
  if (replacing) session.clear({ record: label });
  const added = session.addElements(label, nodes, all, { record: !replacing });
  return { ...added, truncated: related.truncated };
}
