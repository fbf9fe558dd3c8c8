import { errors } from '../../errors.js';
import type { Viewer } from '../../domain/need-to-know.js';
import { presentEdgeFor, presentNodeFor } from './graph.presenter.js';
import type { GraphRepository } from './graph.repository.js';
import type { GraphNode, NeighboursQuery, NeighboursResponse } from './graph.schemas.js';

export class GraphService {
  constructor(private readonly repo: GraphRepository) {}

  async getNode(id: string, viewer: Viewer): Promise<GraphNode> {
    const row = await this.repo.findNode(id, viewer);
    if (!row) throw errors.notFound(`entity "${id}"`);
    return presentNodeFor(viewer)(row);
  }

  /**
   * One bounded expansion. The counts come from the degree store first, so the reply can say how much was left
   * out without ever reading the left-out relationships.
   */
  async neighbours(id: string, q: NeighboursQuery, viewer: Viewer): Promise<NeighboursResponse> {
    const [row, counts] = await Promise.all([this.repo.findNode(id, viewer), this.repo.neighbourCounts(id, viewer)]);
    if (!row) throw errors.notFound(`entity "${id}"`);
    const wanted = counts.filter(
      (c) => (q.direction === 'both' || c.direction === q.direction) && (!q.types || q.types.includes(c.type)),
    );
    const total = wanted.reduce((sum, c) => sum + c.count, 0);
    const rows = total === 0 ? [] : await this.repo.neighbours(id, q.types ?? null, q.direction, q.limit, viewer);

    const nodes = new Map<string, GraphNode>();
    for (const r of rows) if (r.uid !== id && !nodes.has(r.uid)) nodes.set(r.uid, presentNodeFor(viewer)(r));
    const edges = rows.map(presentEdgeFor(viewer));
    return { node: presentNodeFor(viewer)(row), nodes: [...nodes.values()], edges, total, omitted: Math.max(0, total - edges.length), counts };
  }
}
