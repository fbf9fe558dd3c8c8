import { randomBytes } from 'node:crypto';
import { AppError, errors } from '../../errors.js';
import { redactProps } from '../../domain/need-to-know.js';
import { changedKeys, viewerKey } from './cases.content.js';
import { accessTo } from './cases.permissions.js';
import type { Actor, CasesService } from './cases.service.js';
import type { CaseActivity, CaseChangesResponse, CaseComment, CaseGraphChange, CaseMention, CaseShare, ShareRole } from './cases.schemas.js';

const MENTION = /(?:^|[\s(])@([a-z0-9._%+-]+(?:@[a-z0-9.-]+\.[a-z]{2,})?)/gi;

const forbidden = (message: string) => new AppError('forbidden', 403, message);

/** Handles mentioned in a comment: "@jane.doe@police.example" or "@jane.doe" (the part before the @). */
export function mentionHandles(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[1]!.toLowerCase().replace(/[.]+$/, '')))].slice(0, 20);
}

/** Sharing, ownership, comments with mentions, the activity feed and "what changed since saved". */
export class CasesCollabService {
  constructor(private readonly cases: CasesService) {}

  private get repo() {
    return this.cases.repo;
  }

  async setShares(actor: Actor, id: string, wanted: { kind: 'user' | 'team'; principal: string; role: ShareRole }[]): Promise<CaseShare[]> {
    const { row, access } = await this.cases.load(actor, id);
    if (!access.canManage) throw forbidden('only the owner of a case or a supervisor of its team may share it');
    const users = await this.repo.users(wanted.filter((s) => s.kind === 'user').map((s) => s.principal.toLowerCase()));
    const shares: CaseShare[] = [];
    for (const s of wanted) {
      if (s.kind === 'user') {
        const found = users.filter((u) => u.handle === s.principal.toLowerCase());
        if (found.length !== 1) throw errors.badRequest(`body parameter "shares": no single user "${s.principal}" to share with`);
        if (found[0]!.id === row.c.ownerId) continue;
        shares.push({ kind: 'user', principal: found[0]!.id, role: s.role, name: found[0]!.email });
      } else {
        const org = await this.repo.organisation(s.principal);
        if (!org) throw errors.badRequest(`body parameter "shares": no organisation "${s.principal}" to share with`);
        shares.push({ kind: 'team', principal: org.uid, role: s.role, name: org.name });
      }
    }
    const unique = [...new Map(shares.map((s) => [`${s.kind}:${s.principal}`, s])).values()];
    const summary = unique.length === 0 ? 'stopped sharing the case' : `shared with ${unique.map((s) => `${s.name ?? s.principal} (${s.role})`).join(', ')}`;
    await this.repo.setShares(id, unique.map(({ kind, principal, role }) => ({ kind, principal, role })), this.cases.activity(actor, id, 'share', summary), this.cases.now());
    return unique;
  }

  async transfer(actor: Actor, id: string, to: string): Promise<{ ownerId: string; ownerEmail: string }> {
    const { access } = await this.cases.load(actor, id);
    if (!access.canManage) throw forbidden('only the owner of a case or a supervisor of its team may hand it over');
    const found = await this.repo.users([to.toLowerCase()]);
    if (found.length !== 1) throw errors.badRequest(`body parameter "to": no single user "${to}" to hand the case to`);
    const user = found[0]!;
    if (user.role !== 'analyst' && user.role !== 'supervisor') throw errors.badRequest(`body parameter "to": ${user.email} is not an analyst or supervisor`);
    await this.repo.transfer(id, user.id, this.cases.activity(actor, id, 'transfer', `handed the case over to ${user.email}`), this.cases.now());
    return { ownerId: user.id, ownerEmail: user.email };
  }

  /** Comments on entities the reader may not see are left out with the entity. */
  async comments(actor: Actor, id: string): Promise<CaseComment[]> {
    const { row } = await this.cases.load(actor, id);
    const [all, view] = await Promise.all([this.repo.comments(id), this.cases.versionView(actor, id, row.c.head)]);
    const stored = JSON.parse((await this.cases.rawVersion(id, row.c.head)).content) as { nodes: { uid: string }[] };
    const hidden = new Set(stored.nodes.map((n) => n.uid).filter((uid) => !view.content.nodes.some((n) => n.uid === uid)));
    return all.filter((c) => !c.entityUid || !hidden.has(c.entityUid));
  }

  async comment(actor: Actor, id: string, input: { body: string; entityUid?: string | undefined; parentId?: string | undefined }): Promise<{ comment: CaseComment; unreachable: string[] }> {
    const { row } = await this.cases.load(actor, id, 'commenter');
    const handles = mentionHandles(input.body);
    const users = await this.repo.users(handles);
    // a mention only notifies people who may open the case; the others are reported back to the writer
    const reachable = users.filter((u) => accessTo({ id: u.id, role: u.role as Actor['role'], organisationId: u.organisationId }, { ownerId: row.c.ownerId, teamId: row.c.teamId, shares: row.shares }).level);
    const unreachable = handles.filter((h) => !reachable.some((u) => u.handle === h));
    const comment: CaseComment = {
      id: `comment-${randomBytes(8).toString('hex')}`,
      entityUid: input.entityUid ?? null,
      parentId: input.parentId ?? null,
      authorId: actor.id,
      authorEmail: actor.email,
      body: input.body,
      mentions: [...new Set(reachable.map((u) => u.id))],
      createdAt: this.cases.now(),
    };
    const where = input.entityUid ? ` on ${input.entityUid}` : '';
    await this.repo.addComment({ ...comment, caseId: id }, this.cases.activity(actor, id, 'comment', `commented${where}${reachable.length ? `, mentioning ${reachable.map((u) => u.email).join(', ')}` : ''}`));
    return { comment, unreachable };
  }

  /** Mentions of the user on cases they may still open. */
  async mentions(actor: Actor): Promise<CaseMention[]> {
    const rows = await this.repo.mentions(actor.id, 100);
    const out: CaseMention[] = [];
    for (const r of rows) {
      const ok = await this.cases.load(actor, r.caseId).then(() => true, () => false);
      if (ok) out.push(r);
    }
    return out;
  }

  async activity(actor: Actor, id: string): Promise<CaseActivity[]> {
    await this.cases.load(actor, id);
    return this.repo.activity(id, 200);
  }

  /** Entities of the newest version whose data changed, that gained connections, or that are gone. */
  async changes(actor: Actor, id: string): Promise<CaseChangesResponse> {
    const { row } = await this.cases.load(actor, id);
    const view = await this.cases.versionView(actor, id, row.c.head);
    const current = new Map((await this.repo.graphChanges(view.content.nodes.map((n) => n.uid), view.createdAt, actor.viewer)).map((r) => [r.uid, r]));
    // degrees depend on what the counter may see: compare them only when the reader sees as the saver did
    const sameView = view.content.degreeViewer === viewerKey(actor.viewer);
    const changes: CaseGraphChange[] = [];
    for (const n of view.content.nodes) {
      const now = current.get(n.uid);
      if (!now) {
        changes.push({ uid: n.uid, caption: n.caption, label: n.label, gone: true, changedKeys: [], newConnections: 0 });
        continue;
      }
      const { restriction: _r, restrictedKeys: _k, ...props } = redactProps(actor.viewer, now.props);
      const keys = changedKeys(n.snapshot, props);
      const newConnections = sameView ? Math.max(now.newSince, now.degree - n.degree) : now.newSince;
      if (keys.length > 0 || newConnections > 0) changes.push({ uid: n.uid, caption: n.caption, label: n.label, gone: false, changedKeys: keys, newConnections });
    }
    return { version: view.number, savedAt: view.createdAt, changes };
  }
}
