import type { Database } from '../../db/database.js';
import { toPlain, toPlainProps } from '../../db/values.js';
import type { Viewer } from '../../domain/need-to-know.js';
import type { CaseActivity, CaseComment, CaseStatus, CaseVersionSummary, ShareRole } from './cases.schemas.js';

export interface CaseRow {
  c: {
    id: string;
    title: string;
    description: string;
    status: CaseStatus;
    ownerId: string;
    teamId: string;
    head: number;
    createdAt: string;
    updatedAt: string;
    branchOfCase: string | null;
    branchOfVersion: number | null;
  };
  ownerEmail: string | null;
  teamName: string | null;
  shares: { kind: 'user' | 'team'; principal: string; role: ShareRole; name: string | null }[];
}
/** A stored version is its API summary plus, when asked for, the content JSON. */
export interface VersionRow extends CaseVersionSummary {
  content?: string;
}
export interface NewVersion {
  message: string;
  authorId: string;
  authorEmail: string;
  /** the version content as JSON text (immutable once written) */
  content: string;
  entityCount: number;
  restoredFrom: number | null;
}
export interface SnapshotNodeRow {
  uid: string;
  labels: string[];
  props: Record<string, unknown>;
  degree: number;
}
export interface SnapshotRelRow {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
}
export interface RestrictionRow {
  uid: string;
  restriction: unknown;
  restrictedKeys: unknown;
  sources: unknown;
}
export interface UserRef {
  handle: string;
  id: string;
  email: string;
  role: string;
  organisationId: string;
}
export interface DomainEvidenceRow {
  uid: string;
  reports: string[];
  hosts: { uid: string; name: string | null; asn: number | null; country: string | null; abuse: string | null }[];
}

/** where a page of the case list ends: the next page starts after this case */
export interface CaseListKey {
  updatedAt: string;
  id: string;
}

export type SaveOutcome = { saved: true; number: number } | { saved: false; head: number; headAuthor: string | null; headAt: string | null } | null;

/** The only code of the cases feature that runs Cypher. */
export class CasesRepository {
  constructor(private readonly db: Database) {}

  async create(c: Record<string, unknown>, version: NewVersion, activity: Record<string, unknown>, now: string): Promise<void> {
    await this.db.writeTransaction(async (run) => {
      await run('cases.create', { c, version, now });
      await run('cases.activity-add', { rows: [activity] });
    });
  }

  /**
   * Appends a version if the case's head is still baseVersion; otherwise reports the conflict. The lock and the
   * append run in one transaction so two saves from the same base can never both succeed.
   */
  async appendVersion(id: string, baseVersion: number, version: NewVersion, activity: Record<string, unknown>, now: string, draftId: string): Promise<SaveOutcome> {
    return this.db.writeTransaction(async (run) => {
      const [lock] = (await run('cases.lock', { id, now })) as { head: number; headAuthor: string | null; headAt: string | null }[];
      if (!lock) return null;
      if (lock.head !== baseVersion) return { saved: false, head: lock.head, headAuthor: lock.headAuthor, headAt: lock.headAt };
      const [row] = (await run('cases.append-version', { id, version, now })) as { number: number }[];
      await run('cases.activity-add', { rows: [activity] });
      await run('cases.draft-delete', { id: draftId });
      return { saved: true, number: row!.number };
    });
  }

  async get(id: string): Promise<CaseRow | null> {
    const [row] = await this.db.read<CaseRow>('cases.get', { id });
    return row ? { ...row, shares: row.shares.filter(Boolean) } : null;
  }

  /** one page of the cases the user may open, in (updatedAt DESC, id DESC) order, after the keyset `after` */
  async list(user: { id: string; organisationId: string; supervisor: boolean }, status: CaseStatus | null, after: CaseListKey | null, limit: number): Promise<CaseRow[]> {
    const rows = await this.db.read<CaseRow>('cases.list', { user, status, after, limit });
    return rows.map((r) => ({ ...r, shares: r.shares.filter(Boolean) }));
  }

  versions(id: string): Promise<VersionRow[]> {
    return this.db.read<VersionRow>('cases.versions', { id });
  }

  versionsWithContent(id: string, numbers: number[]): Promise<VersionRow[]> {
    return this.db.read<VersionRow>('cases.version', { id, numbers });
  }

  async update(id: string, change: { title: string | null; description: string | null; status: CaseStatus | null }, activity: Record<string, unknown>, now: string): Promise<void> {
    await this.db.writeTransaction(async (run) => {
      await run('cases.update', { id, change, now });
      await run('cases.activity-add', { rows: [activity] });
    });
  }

  async setShares(id: string, shares: { kind: string; principal: string; role: string }[], activity: Record<string, unknown>, now: string): Promise<void> {
    await this.db.writeTransaction(async (run) => {
      await run('cases.set-shares', { id, shares, now });
      await run('cases.activity-add', { rows: [activity] });
    });
  }

  async transfer(id: string, ownerId: string, activity: Record<string, unknown>, now: string): Promise<void> {
    await this.db.writeTransaction(async (run) => {
      await run('cases.transfer', { id, ownerId, now });
      await run('cases.activity-add', { rows: [activity] });
    });
  }

  users(handles: string[]): Promise<UserRef[]> {
    return handles.length === 0 ? Promise.resolve([]) : this.db.read<UserRef>('cases.users', { handles });
  }

  async organisation(uid: string): Promise<{ uid: string; name: string } | null> {
    const [row] = await this.db.read<{ uid: string; name: string }>('cases.organisation', { uid });
    return row ?? null;
  }

  async snapshotNodes(uids: string[], viewer: Viewer): Promise<SnapshotNodeRow[]> {
    if (uids.length === 0) return [];
    const rows = await this.db.read<SnapshotNodeRow>('cases.snapshot-nodes', { uids, viewer });
    return rows.map((r) => ({ ...r, props: toPlainProps(r.props) }));
  }

  async snapshotRels(rels: { id: string; source: string; target: string }[], viewer: Viewer): Promise<SnapshotRelRow[]> {
    if (rels.length === 0) return [];
    const rows = await this.db.read<SnapshotRelRow>('cases.snapshot-rels', { rels, viewer });
    return rows.map((r) => ({ ...r, props: toPlainProps(r.props) }));
  }

  restrictions(uids: string[]): Promise<RestrictionRow[]> {
    return uids.length === 0 ? Promise.resolve([]) : this.db.read<RestrictionRow>('cases.restrictions', { uids });
  }

  async graphChanges(uids: string[], savedAt: string, viewer: Viewer): Promise<{ uid: string; props: Record<string, unknown>; degree: number; newSince: number }[]> {
    if (uids.length === 0) return [];
    const rows = await this.db.read<{ uid: string; props: Record<string, unknown>; degree: number; newSince: number }>('cases.graph-changes', { uids, savedAt, viewer });
    return rows.map((r) => ({ ...r, props: toPlainProps(r.props) }));
  }

  async putDraft(d: { id: string; caseId: string; userId: string; baseVersion: number; content: string }, now: string): Promise<string> {
    const [row] = await this.db.write<{ savedAt: string }>('cases.draft-put', { ...d, now });
    return row!.savedAt;
  }

  async getDraft(id: string): Promise<{ baseVersion: number; content: string; savedAt: string } | null> {
    const [row] = await this.db.read<{ baseVersion: number; content: string; savedAt: string }>('cases.draft-get', { id });
    return row ?? null;
  }

  async deleteDraft(id: string): Promise<boolean> {
    return (await this.db.write('cases.draft-delete', { id })).length > 0;
  }

  async addComment(comment: CaseComment & { caseId: string }, activity: Record<string, unknown>): Promise<void> {
    await this.db.writeTransaction(async (run) => {
      await run('cases.comment-add', { comment });
      await run('cases.activity-add', { rows: [activity] });
    });
  }

  async comments(id: string): Promise<CaseComment[]> {
    const rows = await this.db.read<{ comment: CaseComment }>('cases.comments', { id });
    return rows.map((r) => r.comment);
  }

  mentions(userId: string, limit: number): Promise<{ caseId: string; caseTitle: string; comment: CaseComment }[]> {
    return this.db.read('cases.mentions', { userId, limit });
  }

  async addActivity(rows: Record<string, unknown>[]): Promise<void> {
    if (rows.length > 0) await this.db.write('cases.activity-add', { rows });
  }

  activity(id: string, limit: number): Promise<CaseActivity[]> {
    return this.db.read<CaseActivity>('cases.activity', { id, limit });
  }

  async domainEvidence(uids: string[], viewer: Viewer): Promise<DomainEvidenceRow[]> {
    if (uids.length === 0) return [];
    const rows = await this.db.read<DomainEvidenceRow>('cases.domain-evidence', { uids, viewer });
    return rows.map((r) => ({ ...r, hosts: (r.hosts.filter(Boolean) as DomainEvidenceRow['hosts']).map((h) => toPlain(h) as DomainEvidenceRow['hosts'][number]) }));
  }
}
