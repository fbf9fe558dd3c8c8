import type { Database } from '../../db/database.js';
import type { Viewer } from '../../domain/need-to-know.js';
import { instant, plain } from './import.repository.js';
import type { MatchSubject, ProposedPair } from './import.resolution.match.js';

export type DuplicateRecord = Record<string, unknown> & { id: string; a: string; b: string; status: string };
export type MergeRecord = Record<string, unknown> & { id: string; survivor: string; merged: string; duplicateId: string };

/** Possible duplicates and merges: the Cypher side of weak-match entity resolution. */
export class ResolutionRepository {
  constructor(private readonly db: Database) {}

  async subjects(uids: string[]): Promise<MatchSubject[]> {
    return this.db.read<MatchSubject & Record<string, unknown>>('import.match-subjects', { uids });
  }

  async setBlocks(rows: { uid: string; block: string }[]): Promise<void> {
    if (rows.length) await this.db.write('import.match-set-blocks', { rows });
  }

  async blockMembers(blocks: string[], perBlock: number): Promise<{ block: string; uid: string; name: string | null }[]> {
    return blocks.length ? this.db.read('import.match-block-candidates', { blocks, perBlock }) : [];
  }

  async sharedIp(uids: string[], seconds: number, perIp: number): Promise<{ a: string; b: string; ip: string; gapSeconds: number }[]> {
    const rows = await this.db.read<{ a: string; b: string; ip: string; gapSeconds: unknown }>('import.match-ip-candidates', { uids, seconds, perIp });
    return rows.map((r) => ({ ...r, gapSeconds: Number(r.gapSeconds) }));
  }

  async propose(rows: ProposedPair[], importId: string): Promise<number> {
    if (!rows.length) return 0;
    const [r] = await this.db.write<{ proposed: unknown }>('import.duplicates-propose', { rows, importId, at: instant(new Date().toISOString()) });
    return Number(r?.proposed ?? 0);
  }

  async list(status: string, limit: number, viewer: Viewer): Promise<DuplicateRecord[]> {
    return (await this.db.read<{ duplicate: DuplicateRecord }>('import.duplicates-list', { status, limit, viewer: { ...viewer } })).map((r) => plain(r.duplicate));
  }

  async get(id: string, viewer: Viewer): Promise<DuplicateRecord | null> {
    const [r] = await this.db.read<{ duplicate: DuplicateRecord }>('import.duplicate-get', { id, viewer: { ...viewer } });
    return r ? plain(r.duplicate) : null;
  }

  async reject(id: string, by: string): Promise<DuplicateRecord | null> {
    const [r] = await this.db.write<{ duplicate: DuplicateRecord }>('import.duplicate-reject', { id, by, at: instant(new Date().toISOString()) });
    return r ? plain(r.duplicate) : null;
  }

  async merge(p: { duplicateId: string; mergeId: string; survivor: string; merged: string; by: string }): Promise<{ merge: MergeRecord; moved: number } | null> {
    const [r] = await this.db.write<{ merge: MergeRecord; moved: unknown }>('import.merge', { ...p, at: instant(new Date().toISOString()) });
    return r ? { merge: plain(r.merge), moved: Number(r.moved) } : null;
  }

  async getMerge(mergeId: string): Promise<{ merge: MergeRecord; survivorExists: boolean; mergedAway: boolean } | null> {
    const [r] = await this.db.read<{ merge: MergeRecord; survivorExists: boolean; mergedAway: boolean }>('import.merge-get', { mergeId });
    return r ? { ...r, merge: plain(r.merge) } : null;
  }

  async undo(mergeId: string, by: string): Promise<{ merge: MergeRecord; restored: number } | null> {
    const [r] = await this.db.write<{ merge: MergeRecord; restored: unknown }>('import.merge-undo', { mergeId, by, at: instant(new Date().toISOString()) });
    return r ? { merge: plain(r.merge), restored: Number(r.restored) } : null;
  }
}
