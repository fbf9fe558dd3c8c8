import type { Database } from '../../db/database.js';
import type { Viewer } from '../../domain/need-to-know.js';
import type { Direction, NeighbourCount } from './graph.schemas.js';
import type { NodeRow, RelRow } from './graph.presenter.js';

export type NeighbourRow = RelRow & NodeRow;

export class GraphRepository {
  constructor(private readonly db: Database) {}

  async findNode(id: string, viewer: Viewer): Promise<NodeRow | null> {
    const [row] = await this.db.read<NodeRow>('graph.node', { id, viewer });
    return row ?? null;
  }

  async neighbourCounts(id: string, viewer: Viewer): Promise<NeighbourCount[]> {
    return this.db.read<NeighbourCount>('graph.neighbour-counts', { id, viewer });
  }

  async neighbours(id: string, types: string[] | null, direction: Direction, limit: number, viewer: Viewer): Promise<NeighbourRow[]> {
    return this.db.read<NeighbourRow>('graph.neighbours', { id, types, direction, limit, viewer });
  }
}
