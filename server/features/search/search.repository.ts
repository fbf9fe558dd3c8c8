import type { Database } from '../../db/database.js';
import type { Viewer } from '../../domain/need-to-know.js';

export interface SearchRow {
  uid: string;
  labels: string[];
  caption: string | null;
  facts: Record<string, unknown>;
  score: number;
}

export class SearchRepository {
  constructor(private readonly db: Database) {}

  fullText(query: string, labels: string[] | null, limit: number, viewer: Viewer): Promise<SearchRow[]> {
    return this.db.read<SearchRow>('search.fulltext', { query, labels, limit, viewer });
  }

  byPanHash(panHash: string, viewer: Viewer): Promise<SearchRow[]> {
    return this.db.read<SearchRow>('search.by-pan-hash', { panHash, viewer });
  }
}
