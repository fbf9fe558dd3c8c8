/**
 * Weak-match entity resolution after each import: persons the import wrote are given a blocking key, compared with
 * the members of their block (similar names, same country and date of birth) and with the persons that used the
 * same IP address within an hour; the pairs become PossibleDuplicate proposals for a person to merge or reject.
 * Every step is a batched UNWIND over a bounded candidate set: a constant number of queries per chunk of persons.
 */
import { randomBytes } from 'node:crypto';
import type { Viewer } from '../../domain/need-to-know.js';
import { blockKey, namePairs, pair, type ProposedPair } from './import.resolution.match.js';
import type { DuplicateRecord, MergeRecord, ResolutionRepository } from './import.resolution.repository.js';
import { ImportNotFoundError, ImportStateError } from './import.errors.js';

const CHUNK = 5_000;
const PER_BLOCK = 200;
const SAME_IP_SECONDS = 3_600;
const PER_IP = 50;

export class ResolutionService {
  constructor(private readonly repo: ResolutionRepository) {}

  /** Proposes possible duplicates among the persons an import wrote; returns how many pairs are new. */
  async proposeFor(importId: string, personUids: Iterable<string>): Promise<number> {
    const all = [...personUids];
    let proposed = 0;
    for (let i = 0; i < all.length; i += CHUNK) {
      const uids = all.slice(i, i + CHUNK);
      const subjects = await this.repo.subjects(uids);
      const keyed = subjects.flatMap((s) => {
        const block = blockKey(s);
        return block ? [{ uid: s.uid, block }] : [];
      });
      await this.repo.setBlocks(keyed);
      const members = new Map<string, { uid: string; name: string | null }[]>();
      for (const m of await this.repo.blockMembers([...new Set(keyed.map((k) => k.block))], PER_BLOCK)) {
        const list = members.get(m.block) ?? [];
        list.push(m);
        members.set(m.block, list);
      }
      const pairs = new Map<string, ProposedPair>(namePairs(subjects, members).map((p) => [p.id, p]));
      for (const s of await this.repo.sharedIp(uids, SAME_IP_SECONDS, PER_IP)) {
        const p = pair(s.a, s.b, 1 - s.gapSeconds / (2 * SAME_IP_SECONDS), `same IP address ${s.ip.replace(/^ip:/, '')} used ${Math.round(s.gapSeconds / 60)} minutes apart`);
        const prev = pairs.get(p.id);
        pairs.set(p.id, prev ? { ...prev, reason: `${prev.reason}; ${p.reason}` } : p);
      }
      proposed += await this.repo.propose([...pairs.values()], importId);
    }
    return proposed;
  }

  /** the proposals whose two records the viewer may see in full (need-to-know) */
  list(status: 'open' | 'merged' | 'rejected', limit: number, viewer: Viewer): Promise<DuplicateRecord[]> {
    return this.repo.list(status, limit, viewer);
  }

  /** a proposal the viewer may decide; one they may not see is not found */
  private async open(id: string, viewer: Viewer): Promise<DuplicateRecord> {
    const d = await this.repo.get(id, viewer);
    if (!d) throw new ImportNotFoundError(`possible duplicate "${id}"`);
    if (d.status !== 'open') throw new ImportStateError(`possible duplicate ${id} was already ${d.status}`);
    return d;
  }

  async reject(id: string, by: string, viewer: Viewer): Promise<DuplicateRecord> {
    await this.open(id, viewer);
    const d = await this.repo.reject(id, by);
    if (!d) throw new ImportStateError(`possible duplicate ${id} was decided by someone else meanwhile`);
    return d;
  }

  /** Merges the pair onto `keep` (one of its two entities; by default the first). */
  async merge(id: string, keep: string | undefined, by: string, viewer: Viewer): Promise<{ merge: MergeRecord; moved: number }> {
    const d = await this.open(id, viewer);
    const survivor = keep ?? d.a;
    if (survivor !== d.a && survivor !== d.b) throw new ImportStateError(`keep must be one of the pair: ${d.a} or ${d.b}`);
    const merged = survivor === d.a ? d.b : d.a;
    const done = await this.repo.merge({ duplicateId: id, mergeId: `merge-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`, survivor, merged, by });
    if (!done) throw new ImportStateError(`cannot merge ${id}: ${survivor} or ${merged} is no longer an entity (merged away or rolled back since it was proposed)`);
    return done;
  }

  async undo(mergeId: string, by: string): Promise<{ merge: MergeRecord; restored: number }> {
    const found = await this.repo.getMerge(mergeId);
    if (!found) throw new ImportNotFoundError(`merge "${mergeId}"`);
    if (found.merge.undoneAt) throw new ImportStateError(`merge ${mergeId} was already undone`);
    const done = await this.repo.undo(mergeId, by);
    if (!done) {
      const why = !found.survivorExists ? `${found.merge.survivor} was itself merged away or removed since` : !found.mergedAway ? `${found.merge.merged} is no longer merged under it` : `another entity was merged into ${found.merge.survivor} afterwards`;
      throw new ImportStateError(`cannot undo merge ${mergeId}: ${why}; undo the later merge first`);
    }
    return done;
  }
}
