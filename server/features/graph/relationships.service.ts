import type { Viewer } from '../../domain/need-to-know.js';
import { presentEdgeFor } from './graph.presenter.js';
import type { RelationshipsRepository } from './relationships.repository.js';
import type { RelationshipsAmongBody, RelationshipsAmongResponse } from './relationships.schemas.js';

/**
 * The relationships that come along when entities are put on the canvas from elsewhere (a query result, a
 * table): those among the new entities and those to what the canvas already shows, as Linkurious and Bloom do.
 */
export class RelationshipsService {
  constructor(private readonly repo: RelationshipsRepository) {}

  async among(viewer: Viewer, body: RelationshipsAmongBody): Promise<RelationshipsAmongResponse> {
    const ids = [...new Set(body.ids)];
    const among = [...new Set([...ids, ...body.canvas])];
    // one more than asked, to say whether the limit cut the answer
    const rows = await this.repo.among(ids, among, body.limit + 1, viewer);
    return { edges: rows.slice(0, body.limit).map(presentEdgeFor(viewer)), truncated: rows.length > body.limit };
  }
}
