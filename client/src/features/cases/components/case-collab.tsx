import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { notify } from '../../../lib/notifications';
import { useGraphSession } from '../../graph';
import type { CaseChangesResponse, ShareRole } from '../../../../../server/api-types';
import { casesApi, useCaseActivity, useCaseComments } from '../api/cases-api';
import type { CaseEditor } from '../lib/use-case-editor';

/** Sharing and hand-over, comments with @mentions, the activity feed and "what changed since saved". */
export function CaseCollab({ editor }: { editor: CaseEditor }) {
  const d = editor.detail!;
  const id = d.case.id;
  const session = useGraphSession();
  const queryClient = useQueryClient();
  const comments = useCaseComments(id);
  const activity = useCaseActivity(id);
  const [body, setBody] = useState('');
  const [onEntity, setOnEntity] = useState(false);
  const [sharePrincipal, setSharePrincipal] = useState('');
  const [shareKind, setShareKind] = useState<'user' | 'team'>('user');
  const [shareRole, setShareRole] = useState<ShareRole>('viewer');
  const [changes, setChanges] = useState<CaseChangesResponse | null>(null);
  const selected = session.selection?.kind === 'node' ? session.selection.id : null;
  const mayComment = d.case.access !== 'viewer';

  const post = async () => {
    try {
      const r = await casesApi.comment(id, body, onEntity && selected ? selected : undefined);
      setBody('');
      if (r.unreachable.length) notify('info', `Not notified (no access to this case): ${r.unreachable.join(', ')}`);
      await Promise.all([comments.refetch(), activity.refetch()]);
      void queryClient.invalidateQueries({ queryKey: ['cases', 'mentions'] });
    } catch (err) {
      notify('error', `Could not comment: ${errorMessage(err)}`);
    }
  };
  const share = async () => {
    try {
      const current = d.shares.map((s) => ({ kind: s.kind, principal: s.principal, role: s.role }));
      await casesApi.setShares(id, [...current, { kind: shareKind, principal: sharePrincipal, role: shareRole }]);
      setSharePrincipal('');
      notify('success', 'Shared');
      await editor.open(id);
    } catch (err) {
      notify('error', `Could not share: ${errorMessage(err)}`);
    }
  };
  const unshare = async (principal: string) => {
    await casesApi.setShares(id, d.shares.filter((s) => s.principal !== principal).map((s) => ({ kind: s.kind, principal: s.principal, role: s.role }))).catch((err: unknown) => notify('error', errorMessage(err)));
    await editor.open(id);
  };
  const transfer = async () => {
    const to = window.prompt('Hand the case over to (e-mail)');
    if (!to) return;
    try {
      const r = await casesApi.transfer(id, to);
      notify('success', `${r.ownerEmail} now owns the case`);
      await editor.open(id).catch(() => editor.close());
    } catch (err) {
      notify('error', `Could not hand over: ${errorMessage(err)}`);
    }
  };

  return (
    <div className="cases-collab">
      <section aria-label="Sharing">
        <h3>Shared with</h3>
        <ul className="cases-list">
          {d.shares.map((s) => (
            <li key={s.principal}>
              {s.kind === 'team' ? 'Team ' : ''}{s.name ?? s.principal} — {s.role}
              {d.case.canManage && <button type="button" onClick={() => void unshare(s.principal)} aria-label={`Stop sharing with ${s.name ?? s.principal}`}>×</button>}
            </li>
          ))}
          {d.shares.length === 0 && <li className="cases-meta">Only the owner and the team's supervisors.</li>}
        </ul>
        {d.case.canManage && (
          <form className="cases-form" onSubmit={(e) => { e.preventDefault(); void share(); }}>
            <select value={shareKind} onChange={(e) => setShareKind(e.target.value as 'user' | 'team')} aria-label="Share with">
              <option value="user">User (e-mail)</option>
              <option value="team">Team (organisation id)</option>
            </select>
            <input value={sharePrincipal} onChange={(e) => setSharePrincipal(e.target.value)} required placeholder={shareKind === 'user' ? 'name@example.org' : 'org:…'} aria-label="Who" data-testid="case-share-principal" />
            <select value={shareRole} onChange={(e) => setShareRole(e.target.value as ShareRole)} aria-label="Role" data-testid="case-share-role">
              <option value="viewer">Viewer</option>
              <option value="commenter">Commenter</option>
              <option value="editor">Editor</option>
            </select>
            <button type="submit" data-testid="case-share">Share</button>
            <button type="button" onClick={() => void transfer()}>Hand over ownership…</button>
          </form>
        )}
      </section>
      <section aria-label="Comments">
        <h3>Comments</h3>
        <ul className="cases-list" data-testid="case-comments">
          {comments.data?.comments.map((c) => (
            <li key={c.id} className={c.parentId ? 'cases-reply' : undefined}>
              <b>{c.authorEmail}</b> <span className="cases-meta">{new Date(c.createdAt).toLocaleString()}{c.entityUid ? ` on ${session.getNode(c.entityUid)?.caption ?? c.entityUid}` : ''}</span>
              <div>{c.body}</div>
            </li>
          ))}
        </ul>
        {mayComment && (
          <form className="cases-form" onSubmit={(e) => { e.preventDefault(); void post(); }}>
            <textarea value={body} onChange={(e) => setBody(e.target.value)} required placeholder="Comment; @name@example.org mentions someone" aria-label="Comment" data-testid="case-comment-body" />
            {selected && (
              <label><input type="checkbox" checked={onEntity} onChange={(e) => setOnEntity(e.target.checked)} /> on {session.getNode(selected)?.caption ?? selected}</label>
            )}
            <button type="submit" data-testid="case-comment-post">Comment</button>
          </form>
        )}
      </section>
      <section aria-label="What changed">
        <h3>What changed in the graph since version {d.case.head}</h3>
        <button type="button" onClick={() => void casesApi.changes(id).then(setChanges).catch((err: unknown) => notify('error', errorMessage(err)))} data-testid="case-changes">Check</button>
        {changes && (
          <ul className="cases-list" data-testid="case-changes-list">
            {changes.changes.length === 0 && <li>Nothing changed since {new Date(changes.savedAt).toLocaleString()}.</li>}
            {changes.changes.map((c) => (
              <li key={c.uid}>
                <button type="button" onClick={() => session.select(c.uid)}>{c.caption}</button>
                {c.gone ? ' is no longer in the graph' : `${c.changedKeys.length ? ` changed: ${c.changedKeys.join(', ')}` : ''}${c.newConnections ? ` · ${c.newConnections} new connections` : ''}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Activity">
        <h3>Activity</h3>
        <ul className="cases-list" data-testid="case-activity">
          {activity.data?.activity.map((a, i) => (
            <li key={i}><span className="cases-meta">{new Date(a.at).toLocaleString()}</span> {a.actorEmail} {a.summary}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
