import { randomBytes } from 'node:crypto';
import { AppError, errors } from '../../errors.js';
import type { Viewer } from '../../domain/need-to-know.js';
import type { Role } from '../../domain/roles.js';
import { buildContent, carryWithheld, contentFor, diffContent } from './cases.content.js';
import { accessTo, atLeast, type CaseAccess } from './cases.permissions.js';
import type { CaseListKey, CaseRow, CasesRepository, NewVersion, VersionRow } from './cases.repository.js';
import type {
  CaseAccessLevel,
  CaseContent,
  CaseContentInput,
  CaseDetail,
  CaseDiff,
  CaseDraftView,
  CaseStatus,
  CaseSummary,
  CaseVersionSummary,
  CaseVersionView,
} from './cases.schemas.js';

/** Who is acting: the signed-in user and their need-to-know viewer. */
export interface Actor {
  id: string;
  email: string;
  role: Role;
  organisationId: string;
  viewer: Viewer;
}

export interface LoadedCase {
  row: CaseRow;
  access: CaseAccess & { level: CaseAccessLevel };
}

const WHAT: Record<CaseAccessLevel, string> = { viewer: 'open', commenter: 'comment on', editor: 'edit', owner: 'manage' };

export const newCaseId = (): string => `case-${randomBytes(8).toString('hex')}`;

/** Cases, versions, drafts and the graph-change check. Sharing and comments: cases.collab.service.ts. */
export class CasesService {
  constructor(
    readonly repo: CasesRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  now(): string {
    return this.clock().toISOString();
  }

  activity(actor: Actor, caseId: string, kind: string, summary: string): Record<string, unknown> {
    return { caseId, actorId: actor.id, actorEmail: actor.email, kind, summary, at: this.now() };
  }

  /** The case if the actor may at least `wanted` it: 404 when they may not see it at all, 403 when too little. */
  async load(actor: Actor, id: string, wanted: CaseAccessLevel = 'viewer'): Promise<LoadedCase> {
    const row = await this.repo.get(id);
    const access = row ? accessTo(actor, { ownerId: row.c.ownerId, teamId: row.c.teamId, shares: row.shares }) : null;
    if (!row || !access?.level) throw errors.notFound(`case "${id}"`);
    if (!atLeast(access.level, wanted))
      throw new AppError('forbidden', 403, `you may ${access.level === 'viewer' ? 'only view' : `only ${WHAT[access.level]}`} this case, not ${WHAT[wanted]} it: ask its owner for more access`);
    return { row, access: { ...access, level: access.level } };
  }

  summary(row: CaseRow, access: CaseAccess): CaseSummary {
    const c = row.c;
    return {
      id: c.id,
      title: c.title,
      description: c.description ?? '',
      status: c.status,
      ownerId: c.ownerId,
      ownerEmail: row.ownerEmail,
      teamId: c.teamId,
      teamName: row.teamName,
      head: c.head,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      branchOf: c.branchOfCase ? { caseId: c.branchOfCase, version: c.branchOfVersion ?? 1 } : null,
      access: access.level ?? 'viewer',
      canManage: access.canManage,
    };
  }

  /**
   * One page of the cases the actor may open, newest change first. The cursor is the keyset of the last case
   * of the previous page (not an offset), so cases saved while someone pages never make another repeat or vanish.
   */
  async list(actor: Actor, status: CaseStatus | null, page: { cursor: string | null; limit: number }): Promise<{ cases: CaseSummary[]; next: string | null }> {
    const after = page.cursor ? decodeListCursor(page.cursor) : null;
    const rows = await this.repo.list({ id: actor.id, organisationId: actor.organisationId, supervisor: actor.role === 'supervisor' }, status, after, page.limit + 1);
    const more = rows.length > page.limit;
    const shown = rows.slice(0, page.limit);
    const last = shown.at(-1);
    const cases = shown
      .map((row) => ({ row, access: accessTo(actor, { ownerId: row.c.ownerId, teamId: row.c.teamId, shares: row.shares }) }))
      .filter((r) => r.access.level !== null)
      .map((r) => this.summary(r.row, r.access));
    return { cases, next: more && last ? encodeListCursor({ updatedAt: last.c.updatedAt, id: last.c.id }) : null };
  }

  /** Snapshots what the saver sees now and carries forward what they could not see in the base version. */
  private async contentToStore(actor: Actor, input: CaseContentInput, base: CaseContent | null): Promise<CaseContent> {
    const uids = [...new Set(input.nodes.map((n) => n.uid))];
    const [nodes, rels] = await Promise.all([
      this.repo.snapshotNodes(uids, actor.viewer),
      this.repo.snapshotRels(input.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })), actor.viewer),
    ]);
    const built = buildContent(input, nodes, rels, { email: actor.email, viewer: actor.viewer }, this.now());
    if (!base) return built;
    return carryWithheld(actor.viewer, base, built, await this.repo.restrictions(base.nodes.map((n) => n.uid)));
  }

  private version(actor: Actor, content: CaseContent, message: string, restoredFrom: number | null = null): NewVersion {
    return { message, authorId: actor.id, authorEmail: actor.email, content: JSON.stringify(content), entityCount: content.nodes.length, restoredFrom };
  }

  async create(actor: Actor, input: { title: string; description: string; status: CaseStatus; message: string; content: CaseContentInput }, branchOf: { caseId: string; version: number } | null = null, base: CaseContent | null = null): Promise<CaseDetail> {
    if (actor.role !== 'analyst' && actor.role !== 'supervisor') throw new AppError('forbidden', 403, `your role (${actor.role}) may not create cases`);
    const id = newCaseId();
    const content = await this.contentToStore(actor, input.content, base);
    const now = this.now();
    await this.repo.create(
      { id, title: input.title, description: input.description, status: input.status, ownerId: actor.id, teamId: actor.organisationId, branchOfCase: branchOf?.caseId ?? null, branchOfVersion: branchOf?.version ?? null },
      this.version(actor, content, input.message),
      this.activity(actor, id, branchOf ? 'branch' : 'create', branchOf ? `branched from ${branchOf.caseId} v${branchOf.version}` : `created the case with ${content.nodes.length} entities`),
      now,
    );
    return this.open(actor, id);
  }

  async open(actor: Actor, id: string, number?: number): Promise<CaseDetail> {
    const { row, access } = await this.load(actor, id);
    const version = await this.versionView(actor, id, number ?? row.c.head);
    return { case: this.summary(row, access), version, shares: row.shares };
  }

  async rawVersion(id: string, number: number): Promise<VersionRow & { content: string }> {
    const [v] = await this.repo.versionsWithContent(id, [number]);
    if (!v?.content) throw errors.notFound(`version ${number} of case "${id}"`);
    return v as VersionRow & { content: string };
  }

  /** One version as this reader may see it (need-to-know applied to the stored snapshot). */
  async versionView(actor: Actor, id: string, number: number): Promise<CaseVersionView> {
    const v = await this.rawVersion(id, number);
    const stored = JSON.parse(v.content) as CaseContent;
    const { content, withheld } = contentFor(actor.viewer, stored, await this.repo.restrictions(stored.nodes.map((n) => n.uid)));
    return { ...summaryOf(v), content, withheld };
  }

  async versions(actor: Actor, id: string): Promise<CaseVersionSummary[]> {
    await this.load(actor, id);
    return (await this.repo.versions(id)).map(summaryOf);
  }

  private conflict(head: { head: number; headAuthor: string | null; headAt: string | null }, baseVersion: number): AppError {
    return new AppError(
      'case_conflict',
      409,
      `this case was saved by ${head.headAuthor ?? 'someone else'} (version ${head.head}) after you opened version ${baseVersion}: reload it, or save your work as a branch`,
      { head: head.head, baseVersion, headAuthor: head.headAuthor, headAt: head.headAt },
    );
  }

  async save(actor: Actor, id: string, input: { baseVersion: number; message: string; content: CaseContentInput }): Promise<CaseDetail> {
    await this.load(actor, id, 'editor');
    const base = JSON.parse((await this.rawVersion(id, input.baseVersion)).content) as CaseContent;
    const content = await this.contentToStore(actor, input.content, base);
    const outcome = await this.repo.appendVersion(id, input.baseVersion, this.version(actor, content, input.message), this.activity(actor, id, 'save', input.message), this.now(), draftId(id, actor.id));
    if (!outcome) throw errors.notFound(`case "${id}"`);
    if (!outcome.saved) throw this.conflict(outcome, input.baseVersion);
    return this.open(actor, id, outcome.number);
  }

  /** Restore = a new version with an old version's content, exactly as it was stored (nothing is rewritten). */
  async restore(actor: Actor, id: string, number: number, baseVersion: number, message: string | undefined): Promise<CaseDetail> {
    await this.load(actor, id, 'editor');
    const old = await this.rawVersion(id, number);
    const content = JSON.parse(old.content) as CaseContent;
    const outcome = await this.repo.appendVersion(
      id,
      baseVersion,
      this.version(actor, content, message?.trim() || `Restored version ${number}`, number),
      this.activity(actor, id, 'restore', `restored version ${number}`),
      this.now(),
      draftId(id, actor.id),
    );
    if (!outcome) throw errors.notFound(`case "${id}"`);
    if (!outcome.saved) throw this.conflict(outcome, baseVersion);
    return this.open(actor, id, outcome.number);
  }

  /** After a conflict: the editor's work becomes a new case that records where it branched from. */
  async branch(actor: Actor, id: string, input: { baseVersion: number; message: string; content: CaseContentInput; title?: string | undefined }): Promise<CaseDetail> {
    const { row } = await this.load(actor, id, 'editor');
    const base = JSON.parse((await this.rawVersion(id, input.baseVersion)).content) as CaseContent;
    const detail = await this.create(
      actor,
      { title: input.title ?? `${row.c.title} (branch of v${input.baseVersion})`, description: row.c.description ?? '', status: row.c.status, message: input.message, content: input.content },
      { caseId: id, version: input.baseVersion },
      base,
    );
    await this.repo.addActivity([this.activity(actor, id, 'branch', `saved a branch from version ${input.baseVersion} as case ${detail.case.id}`)]);
    await this.repo.deleteDraft(draftId(id, actor.id));
    return detail;
  }

  async compare(actor: Actor, id: string, from: number, to: number): Promise<CaseDiff> {
    await this.load(actor, id);
    const [a, b] = await Promise.all([this.versionView(actor, id, from), this.versionView(actor, id, to)]);
    return diffContent(from, a.content, to, b.content);
  }

  async update(actor: Actor, id: string, change: { title?: string | undefined; description?: string | undefined; status?: CaseStatus | undefined }): Promise<CaseSummary> {
    await this.load(actor, id, 'editor');
    const parts = [change.title !== undefined && `title "${change.title}"`, change.description !== undefined && 'description', change.status && `status ${change.status}`].filter(Boolean);
    await this.repo.update(id, { title: change.title ?? null, description: change.description ?? null, status: change.status ?? null }, this.activity(actor, id, 'update', `changed ${parts.join(', ')}`), this.now());
    const { row, access } = await this.load(actor, id);
    return this.summary(row, access);
  }

  async putDraft(actor: Actor, id: string, baseVersion: number, content: CaseContentInput): Promise<{ savedAt: string }> {
    await this.load(actor, id, 'editor');
    const savedAt = await this.repo.putDraft({ id: draftId(id, actor.id), caseId: id, userId: actor.id, baseVersion, content: JSON.stringify(content) }, this.now());
    return { savedAt };
  }

  async getDraft(actor: Actor, id: string): Promise<CaseDraftView | null> {
    await this.load(actor, id, 'editor');
    const d = await this.repo.getDraft(draftId(id, actor.id));
    return d ? { baseVersion: d.baseVersion, savedAt: d.savedAt, content: JSON.parse(d.content) as CaseContentInput } : null;
  }

  async deleteDraft(actor: Actor, id: string): Promise<boolean> {
    await this.load(actor, id);
    return this.repo.deleteDraft(draftId(id, actor.id));
  }
}

/** The case-list cursor is opaque to clients: base64url JSON of the last case's keyset. */
export const encodeListCursor = (k: CaseListKey): string => Buffer.from(JSON.stringify([k.updatedAt, k.id])).toString('base64url');

export function decodeListCursor(cursor: string): CaseListKey {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return { updatedAt: v[0], id: v[1] };
  } catch {
    // fall through to the error below
  }
  throw errors.badRequest('query parameter "cursor": not a cursor from a previous page of this list (take "next" from the last answer)');
}

/** One autosave draft per user and case; the canvas not yet saved as a case uses the id "new". */
export const draftId = (caseId: string, userId: string): string => `${caseId}|${userId}`;

function summaryOf(v: VersionRow): CaseVersionSummary {
  return {
    number: v.number,
    parent: v.parent ?? null,
    message: v.message,
    authorId: v.authorId,
    authorEmail: v.authorEmail,
    createdAt: v.createdAt,
    entityCount: v.entityCount,
    restoredFrom: v.restoredFrom ?? null,
  };
}
