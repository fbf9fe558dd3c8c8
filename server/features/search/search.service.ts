import type { Viewer } from '../../domain/need-to-know.js';
import { buildLuceneQuery } from './search.query-builder.js';
import { presentHit } from './search.presenter.js';
import type { SearchRepository } from './search.repository.js';
import type { SearchQuery, SearchResponse } from './search.schemas.js';

export class SearchService {
  constructor(private readonly repo: SearchRepository) {}

  async search(q: SearchQuery, viewer: Viewer): Promise<SearchResponse> {
    const lucene = buildLuceneQuery(q.q);
    if (!lucene) return { query: q.q, hits: [] };
    const rows = await this.repo.fullText(lucene, q.labels ?? null, q.limit, viewer);
    return { query: q.q, hits: rows.map((r) => presentHit(r, viewer)) };
  }
}
