import type { Database } from '../../db/database.js';
import type { Viewer } from '../../domain/need-to-know.js';
import type { RelRow } from './graph.presenter.js';

export class RelationshipsRepository {
  constructor(private readonly db: Database) {}

  /** visible relationships between an entity of `ids` and one of `among` (which includes `ids`) */
  async among(ids: string[], among: string[], limit: number, viewer: Viewer): Promise<RelRow[]> {
    return this.db.read<RelRow>('graph.relationships-among', { ids, among, limit, viewer });
  }
}
