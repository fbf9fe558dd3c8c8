import { errors } from '../../errors.js';
import { presentEdge, presentNode } from './graph.presenter.js';
import type { GraphRepository } from './graph.repository.js';
import type { GraphNode, NeighboursQuery, NeighboursResponse } from './graph.schemas.js';

export class GraphService {
  constructor(private readonly repo: GraphRepository) {}

  async getNode(id: string): Promise<GraphNode> {
    const row = await this.repo.findNode(id);
    if (!row) throw errors.notFound(`entity "${id}"`);
    return presentNode(row);
  }

  /**
   * One bounded expansion. The counts come from the degree store first, so the reply can say how much was left
   * out without ever reading the left-out relationships.
   */
  async neighbours(id: string, q: NeighboursQuery): Promise<NeighboursResponse> {
    const [row, counts] = await Promise.all([this.repo.findNode(id), this.repo.neighbourCounts(id)]);
    if (!row) throw errors.notFound(`entity "${id}"`);
    const wanted = counts.filter(
      (c) => (q.direction === 'both' || c.direction === q.direction) && (!q.types || q.types.includes(c.type)),
    );
    const total = wanted.reduce((sum, c) => sum + c.count, 0);
    const rows = total === 0 ? [] : await this.repo.neighbours(id, q.types ?? null, q.direction, q.limit);

    const nodes = new Map<string, GraphNode>();
    for (const r of rows) if (r.uid !== id && !nodes.has(r.uid)) nodes.set(r.uid, presentNode(r));
    const edges = rows.map((r) => presentEdge(r));
    return { node: presentNode(row), nodes: [...nodes.values()], edges, total, omitted: Math.max(0, total - edges.length), counts };
  }
}
