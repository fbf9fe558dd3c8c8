import type { Database } from '../../db/database.js';
import type { Viewer } from '../../domain/need-to-know.js';
import type { NodeRow, RelRow } from './graph.presenter.js';
import type { Direction } from './graph.schemas.js';
import type { ExpandMeasure } from './expansion.schemas.js';

export type RankedRow = RelRow & NodeRow & { score: number; after: number };
export interface SummaryRow {
  money: { direction: 'in' | 'out' | 'acquired'; currency: string; total: number; count: number; first: unknown; last: unknown }[];
  reports: { uid: string; caption: string | null; receivedAt: unknown }[];
  reportCount: number;
}

export class ExpansionRepository {
  constructor(private readonly db: Database) {}

  ranked(
    viewer: Viewer,
    id: string,
    q: { types: string[] | null; direction: Direction; measure: ExpandMeasure; limit: number; scanCap: number; cursor: { score: number; rel: string } | null },
  ): Promise<RankedRow[]> {
    return this.db.read<RankedRow>('graph.expand-ranked', {
      viewer,
      id,
      types: q.types,
      direction: q.direction,
      measure: q.measure,
      scanCap: q.scanCap,
      limit: q.limit,
      cursorScore: q.cursor?.score ?? null,
      cursorRel: q.cursor?.rel ?? null,
    });
  }

  findNodes(viewer: Viewer, ids: string[]): Promise<NodeRow[]> {
    return this.db.read<NodeRow>('graph.nodes', { viewer, ids });
  }

  async summary(viewer: Viewer, id: string): Promise<SummaryRow | null> {
    const [row] = await this.db.read<SummaryRow>('graph.node-summary', { viewer, id });
    return row ?? null;
  }
}
