import type { Viewer } from '../../domain/need-to-know.js';
import { luhnValid, maskPans, protectPan } from '../../domain/pan.js';
import { buildLuceneQuery } from './search.query-builder.js';
import { presentHit } from './search.presenter.js';
import type { SearchRepository } from './search.repository.js';
import type { SearchQuery, SearchResponse } from './search.schemas.js';

export class SearchService {
  constructor(
    private readonly repo: SearchRepository,
    /** the card-number key (read when first needed): a whole card number typed in the box is looked up by its keyed hash */
    private readonly panKey: (() => string) | null = null,
  ) {}

  async search(q: SearchQuery, viewer: Viewer): Promise<SearchResponse> {
    // The graph holds no card numbers, only their keyed hash: a whole, Luhn-valid number is hashed here and
    // looked up exactly; it is never sent to the database or the full-text index.
    if (this.panKey && luhnValid(q.q.trim())) {
      const rows = await this.repo.byPanHash(protectPan(q.q.trim(), this.panKey()).panHash, viewer);
      const wanted = q.labels ? rows.filter((r) => r.labels.some((l) => (q.labels as readonly string[]).includes(l))) : rows;
      return { query: maskPans(q.q), hits: wanted.map((r) => presentHit(r, viewer)) };
    }
    const lucene = buildLuceneQuery(q.q);
    if (!lucene) return { query: q.q, hits: [] };
    const rows = await this.repo.fullText(lucene, q.labels ?? null, q.limit, viewer);
    return { query: q.q, hits: rows.map((r) => presentHit(r, viewer)) };
  }
}
